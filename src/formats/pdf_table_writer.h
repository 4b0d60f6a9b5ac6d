// Printable PDF lists: sections of ruled tables on landscape A4 pages, laid
// out by Pango (Vietnamese text, any font fontconfig finds; DejaVu Sans is
// installed with the build) on Cairo's PDF surface. Used for the cash
// signature lists (danh sách ký nhận) and the settlement reports.
//
// Layout: each section starts on a new page with the document title, the
// subtitle lines and the section's heading lines; the table's header row is
// repeated on every page; rows have one fixed height (tall enough to sign in)
// and cells are cut with an ellipsis rather than wrapped, so pagination is
// exact and the page count is known before drawing ("Trang x/y" in the
// footer, next to the footer text — the export watermark).
#pragma once

#include <string>
#include <vector>

#include "core/error.h"

namespace ansinh::formats {

enum class PdfAlign { kLeft, kCenter, kRight };

struct PdfColumn {
  std::string header;
  double width_mm = 20;  // layout geometry, never money
  PdfAlign align = PdfAlign::kLeft;
};

struct PdfSection {
  std::vector<std::string> heading;  // the first line is repeated on continuation pages
  std::vector<PdfColumn> columns;
  std::vector<std::vector<std::string>> rows;  // at most columns.size() cells each
  std::vector<std::string> total;              // a bold last row; empty for none
  std::vector<std::string> signatures;         // titles of the signature block under the table
};

struct PdfTableDocument {
  std::string title;
  std::vector<std::string> subtitle;
  std::string footer;  // printed on every page
  std::string author;  // the PDF's Author metadata (who exported it)
  double row_height_mm = 8;
  std::vector<PdfSection> sections;
};

// The PDF bytes. Errors (kInvalidInput): pdf.no_section, pdf.no_columns,
// pdf.too_wide (columns wider than the page), pdf.too_many_cells (details
// name the section and row); kInternal pdf.render_failed (Cairo's status).
Result<std::string> RenderPdfTables(const PdfTableDocument& document);

}  // namespace ansinh::formats
