#include "formats/pdf_table_writer.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <numeric>
#include <string_view>

namespace ansinh::formats {
namespace {

// Page geometry in millimetres (landscape A4); Cairo's PDF unit is the point.
constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kPageWidthMm = 297;
constexpr double kPageHeightMm = 210;
constexpr double kMarginMm = 12;
constexpr double kTitleMm = 9;
constexpr double kLineMm = 6;
constexpr double kHeaderRowMm = 11;
constexpr double kFooterMm = 8;
constexpr double kSignatureBlockMm = 34;
constexpr double kCellPaddingMm = 1.5;
constexpr const char* kFontFamily = "DejaVu Sans";

double Pt(double mm) {
  return mm * kPointsPerMm;
}

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextFree {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct LayoutFree {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
struct FontFree {
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

struct TextStyle {
  double size_pt = 9;
  bool bold = false;
  PdfAlign align = PdfAlign::kLeft;
  bool wrap = false;  // header cells wrap; data cells end in an ellipsis
};

// Draws on one Cairo context; every position is in millimetres from the
// page's top-left corner.
class Painter {
 public:
  explicit Painter(cairo_t* cr)
      : cr_(cr),
        layout_(pango_cairo_create_layout(cr)),
        font_(pango_font_description_from_string(kFontFamily)) {}

  void Text(std::string_view text, double x, double y, double width, double height,
            const TextStyle& style) {
    pango_font_description_set_absolute_size(font_.get(), style.size_pt * PANGO_SCALE);
    pango_font_description_set_weight(font_.get(),
                                      style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    PangoLayout* layout = layout_.get();
    pango_layout_set_font_description(layout, font_.get());
    pango_layout_set_width(layout, static_cast<int>(Pt(width - 2 * kCellPaddingMm) * PANGO_SCALE));
    pango_layout_set_ellipsize(layout, style.wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, style.align == PdfAlign::kRight    ? PANGO_ALIGN_RIGHT
                                       : style.align == PdfAlign::kCenter ? PANGO_ALIGN_CENTER
                                                                          : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    int text_width = 0;
    int text_height = 0;
    pango_layout_get_size(layout, &text_width, &text_height);
    const double top = Pt(y) + (Pt(height) - text_height / double{PANGO_SCALE}) / 2;
    cairo_move_to(cr_, Pt(x + kCellPaddingMm), top);
    pango_cairo_show_layout(cr_, layout);
  }

  void Box(double x, double y, double width, double height, bool shaded) {
    cairo_rectangle(cr_, Pt(x), Pt(y), Pt(width), Pt(height));
    if (shaded) {
      cairo_set_source_rgb(cr_, 0.9, 0.9, 0.9);
      cairo_fill_preserve(cr_);
      cairo_set_source_rgb(cr_, 0, 0, 0);
    }
    cairo_set_line_width(cr_, 0.5);
    cairo_stroke(cr_);
  }

  void NextPage() { cairo_show_page(cr_); }

 private:
  cairo_t* cr_;
  std::unique_ptr<PangoLayout, LayoutFree> layout_;
  std::unique_ptr<PangoFontDescription, FontFree> font_;
};

// Walks the document page by page. Without a painter it only counts pages,
// which the drawing pass needs for "Trang x/y".
class Flow {
 public:
  Flow(const PdfTableDocument& document, Painter* painter, int pages)
      : document_(document), painter_(painter), pages_(pages) {}

  int Run() {
    for (const PdfSection& section : document_.sections) Section(section);
    return page_;
  }

 private:
  static constexpr double kContentWidthMm = kPageWidthMm - 2 * kMarginMm;
  double Bottom() const { return kPageHeightMm - kMarginMm - kFooterMm; }

  void Line(std::string_view text, double height, const TextStyle& style) {
    if (painter_) painter_->Text(text, kMarginMm, y_, kContentWidthMm, height, style);
    y_ += height;
  }

  void NewPage(const PdfSection& section, bool first_of_section, bool table_header) {
    if (page_ > 0 && painter_) painter_->NextPage();
    ++page_;
    y_ = kMarginMm;
    if (painter_) {
      const double footer_y = kPageHeightMm - kMarginMm - kFooterMm + 2;
      painter_->Text(document_.footer, kMarginMm, footer_y, kContentWidthMm - 40, kFooterMm - 2,
                     {8, false, PdfAlign::kLeft, false});
      painter_->Text("Trang " + std::to_string(page_) + "/" + std::to_string(pages_),
                     kPageWidthMm - kMarginMm - 40, footer_y, 40, kFooterMm - 2,
                     {8, false, PdfAlign::kRight, false});
    }
    if (first_of_section) {
      Line(document_.title, kTitleMm, {14, true, PdfAlign::kCenter, false});
      for (const auto& line : document_.subtitle) {
        Line(line, kLineMm, {10, false, PdfAlign::kCenter, false});
      }
      for (const auto& line : section.heading) Line(line, kLineMm, {10, false, PdfAlign::kLeft});
    } else if (!section.heading.empty()) {
      Line(section.heading.front() + " (tiếp theo)", kLineMm, {10, false, PdfAlign::kLeft});
    }
    y_ += 2;
    if (table_header)
      Row(section, Headers(section), kHeaderRowMm, {9, true, PdfAlign::kCenter, true}, true);
  }

  static std::vector<std::string> Headers(const PdfSection& section) {
    std::vector<std::string> headers;
    for (const auto& column : section.columns) headers.push_back(column.header);
    return headers;
  }

  void Row(const PdfSection& section, const std::vector<std::string>& cells, double height,
           TextStyle style, bool header) {
    if (painter_) {
      double x = kMarginMm;
      for (std::size_t c = 0; c < section.columns.size(); ++c) {
        const PdfColumn& column = section.columns[c];
        painter_->Box(x, y_, column.width_mm, height, header);
        if (!header) style.align = column.align;
        if (c < cells.size()) painter_->Text(cells[c], x, y_, column.width_mm, height, style);
        x += column.width_mm;
      }
    }
    y_ += height;
  }

  void DataRow(const PdfSection& section, const std::vector<std::string>& cells, bool bold) {
    if (y_ + document_.row_height_mm > Bottom()) NewPage(section, false, true);
    Row(section, cells, document_.row_height_mm, {9, bold, PdfAlign::kLeft, false}, false);
  }

  void Signatures(const PdfSection& section) {
    if (section.signatures.empty()) return;
    if (y_ + kSignatureBlockMm > Bottom()) NewPage(section, false, false);
    y_ += 4;
    const double width = kContentWidthMm / static_cast<double>(section.signatures.size());
    for (std::size_t i = 0; i < section.signatures.size(); ++i) {
      if (!painter_) continue;
      const double x = kMarginMm + width * static_cast<double>(i);
      painter_->Text(section.signatures[i], x, y_, width, kLineMm, {10, true, PdfAlign::kCenter});
      painter_->Text("(Ký, ghi rõ họ tên)", x, y_ + kLineMm, width, kLineMm,
                     {9, false, PdfAlign::kCenter});
    }
    y_ += kSignatureBlockMm - 4;
  }

  void Section(const PdfSection& section) {
    NewPage(section, true, true);
    for (const auto& row : section.rows) DataRow(section, row, false);
    if (!section.total.empty()) DataRow(section, section.total, true);
    Signatures(section);
  }

  const PdfTableDocument& document_;
  Painter* painter_;
  int pages_;
  int page_ = 0;
  double y_ = 0;
};

Status Check(const PdfTableDocument& document) {
  if (document.sections.empty()) {
    return Fail(ErrorKind::kInvalidInput, "pdf.no_section", "Tài liệu PDF không có phần nào.");
  }
  for (std::size_t s = 0; s < document.sections.size(); ++s) {
    const PdfSection& section = document.sections[s];
    if (section.columns.empty()) {
      return Fail(ErrorKind::kInvalidInput, "pdf.no_columns", "Bảng trong PDF không có cột nào.");
    }
    double width = 0;
    for (const auto& column : section.columns) width += column.width_mm;
    if (width > kPageWidthMm - 2 * kMarginMm + 0.01) {
      return Fail(ErrorKind::kInvalidInput, "pdf.too_wide", "Bảng rộng hơn khổ giấy A4 ngang.");
    }
    for (std::size_t r = 0; r < section.rows.size(); ++r) {
      if (section.rows[r].size() <= section.columns.size()) continue;
      Error error = MakeError(ErrorKind::kInvalidInput, "pdf.too_many_cells",
                              "Dòng " + std::to_string(r + 1) + " của phần " +
                                  std::to_string(s + 1) + " có nhiều ô hơn số cột.");
      error.details.push_back(
          {static_cast<std::int64_t>(r + 1), "cells", error.code, error.message});
      return Fail(std::move(error));
    }
  }
  return {};
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<std::string> RenderPdfTables(const PdfTableDocument& document) {
  if (auto ok = Check(document); !ok) return Fail(ok.error());
  const int pages = Flow(document, nullptr, 0).Run();
  std::string bytes;
  std::unique_ptr<cairo_surface_t, SurfaceFree> surface(cairo_pdf_surface_create_for_stream(
      AppendBytes, &bytes, Pt(kPageWidthMm), Pt(kPageHeightMm)));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, document.author.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "ansinh");
  {
    std::unique_ptr<cairo_t, ContextFree> context(cairo_create(surface.get()));
    Painter painter(context.get());
    Flow(document, &painter, pages).Run();
    if (cairo_status(context.get()) != CAIRO_STATUS_SUCCESS) {
      return Fail(ErrorKind::kInternal, "pdf.render_failed",
                  std::string("Lỗi khi dựng tệp PDF: ") +
                      cairo_status_to_string(cairo_status(context.get())));
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Fail(ErrorKind::kInternal, "pdf.render_failed",
                std::string("Lỗi khi ghi tệp PDF: ") +
                    cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  return bytes;
}

}  // namespace ansinh::formats
