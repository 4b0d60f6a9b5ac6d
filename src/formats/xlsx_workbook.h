// The parts of an .xlsx around its worksheets: the package relationships,
// workbook.xml (sheet names, date system), the shared strings and the styles.
// Internal to the xlsx reader (namespace xlsx).
//
// Element names are matched by local name, so workbooks written with a
// namespace prefix ("x:sheet", as some .NET tools do) read the same.
#pragma once

#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "formats/xlsx_zip.h"

namespace ansinh::formats::xlsx {

struct SheetEntry {
  std::string name;  // as the user sees it on the tab
  std::string part;  // zip entry, e.g. "xl/worksheets/sheet1.xml"
};

struct WorkbookLayout {
  std::vector<SheetEntry> sheets;   // in tab order
  bool date1904 = false;            // workbookPr date1904 (old Mac workbooks)
  std::string shared_strings_part;  // empty when the workbook has none
  std::string styles_part;          // empty when the workbook has none
};

// Errors: "xlsx.missing_part" (workbook or its relationships),
// "xlsx.malformed_xml", "xlsx.entry_too_large", "xlsx.no_sheets".
Result<WorkbookLayout> ReadWorkbookLayout(const ZipArchive& zip, std::size_t max_entry_bytes);

// The shared string table, rich-text runs joined. Empty when part is empty.
Result<std::vector<std::string>> ReadSharedStrings(const ZipArchive& zip, const std::string& part,
                                                   std::size_t max_entry_bytes);

// For each cellXfs entry (a cell's s attribute indexes it): whether its number
// format shows a date. Empty when part is empty.
Result<std::vector<bool>> ReadDateStyles(const ZipArchive& zip, const std::string& part,
                                         std::size_t max_entry_bytes);

// Parses `size` bytes at `text` in place into `doc` (so they must outlive the
// use of `doc`); a fragment with several top-level elements is accepted.
// Error "xlsx.malformed_xml" naming `part`; `row` is passed through to it.
Status ParseXmlInPlace(pugi::xml_document& doc, char* text, std::size_t size, std::string_view part,
                       long row = 0);
Status ParseXml(pugi::xml_document& doc, std::string& xml, std::string_view part);

// The name after any "prefix:".
std::string_view LocalName(const char* name);

// The first child element with this local name, or an empty node.
pugi::xml_node FirstChild(pugi::xml_node parent, std::string_view local_name);

// Text of an <si> or <is> element: its <t>, or its runs' <t> joined; phonetic
// guides (<rPh>) are not part of the text. Excel's _xHHHH_ escapes are decoded.
std::string RichText(pugi::xml_node string_item);

}  // namespace ansinh::formats::xlsx
