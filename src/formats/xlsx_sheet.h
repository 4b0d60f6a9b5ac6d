// Streams the rows of one worksheet part to a callback. Internal to the xlsx
// reader (namespace xlsx).
//
// pugixml builds a tree, and a tree of a 100,000-row sheet would take several
// times the sheet's size. So the <sheetData> element is cut into chunks of
// whole rows, each ending right after a "</row>" tag (which cannot occur
// inside text or attribute values, where '<' must be escaped), and each chunk
// is parsed in place and dropped before the next.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "formats/xlsx_reader.h"

namespace ansinh::formats::xlsx {

// What a sheet needs from the rest of the workbook. The pointers are not owned
// and must outlive the call to StreamSheetRows.
struct SheetContext {
  std::string_view part;  // for error messages
  const std::vector<std::string>* shared_strings = nullptr;
  const std::vector<bool>* date_styles = nullptr;  // by cellXfs index
  bool date1904 = false;
};

// Parses the worksheet XML (modifying `xml`) and calls on_row for each row
// that holds cells. Errors as XlsxWorkbook::ForEachRow.
Status StreamSheetRows(std::string& xml, const SheetContext& context, const XlsxLimits& limits,
                       const XlsxRowCallback& on_row);

}  // namespace ansinh::formats::xlsx
