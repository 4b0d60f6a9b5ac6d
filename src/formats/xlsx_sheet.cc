#include "formats/xlsx_sheet.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <pugixml.hpp>
#include <utility>

#include "formats/csv_reader.h"
#include "formats/xlsx_errors.h"
#include "formats/xlsx_values.h"
#include "formats/xlsx_workbook.h"

namespace ansinh::formats::xlsx {
namespace {

constexpr std::size_t kChunkBytes = 1u << 20;  // rows parsed together
constexpr long kExcelMaxRow = 1'048'576;

struct SheetDataSpan {
  std::size_t begin = 0;  // first byte after <sheetData ...>
  std::size_t end = 0;    // the '<' of </sheetData>
  std::string row_end_tag;
};

bool IsNameEnd(char c) {
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The namespace prefix ("" or "x:") if the "sheetData" at `pos` is a start tag.
std::optional<std::string> StartTagPrefix(std::string_view xml, std::size_t pos) {
  const std::size_t after = pos + std::strlen("sheetData");
  if (pos == 0 || after >= xml.size() || !IsNameEnd(xml[after])) return std::nullopt;
  if (xml[pos - 1] == '<') return std::string();
  if (xml[pos - 1] != ':') return std::nullopt;
  const std::size_t lt = xml.rfind('<', pos);
  if (lt == std::string_view::npos) return std::nullopt;
  const std::string_view prefix = xml.substr(lt + 1, pos - lt - 1);
  if (prefix.find_first_of("/ \t\r\n>\"'") != std::string_view::npos) return std::nullopt;
  return std::string(prefix);
}

Result<SheetDataSpan> FindSheetData(std::string_view xml, std::string_view part) {
  for (std::size_t pos = xml.find("sheetData"); pos != std::string_view::npos;
       pos = xml.find("sheetData", pos + 1)) {
    const std::optional<std::string> prefix = StartTagPrefix(xml, pos);
    if (!prefix) continue;
    const std::size_t gt = xml.find('>', pos);
    if (gt == std::string_view::npos) break;
    SheetDataSpan span{gt + 1, gt + 1, "</" + *prefix + "row>"};
    if (xml[gt - 1] == '/') return span;  // <sheetData/>: no rows
    span.end = xml.find("</" + *prefix + "sheetData", span.begin);
    if (span.end == std::string_view::npos) break;
    return span;
  }
  return Fail(MalformedXml(part));
}

struct CellAttributes {
  std::string_view reference;
  std::string_view type;
  std::optional<std::size_t> style;
};

CellAttributes AttributesOf(pugi::xml_node cell) {
  CellAttributes attributes;
  for (pugi::xml_attribute a = cell.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = a.name();
    if (name == "r") {
      attributes.reference = a.value();
    } else if (name == "t") {
      attributes.type = a.value();
    } else if (name == "s") {
      attributes.style = static_cast<std::size_t>(a.as_ullong());
    }
  }
  return attributes;
}

class SheetStream {
 public:
  SheetStream(const SheetContext& context, const XlsxLimits& limits, const XlsxRowCallback& on_row)
      : context_(context), limits_(limits), on_row_(on_row) {}

  Status Run(std::string& xml);

 private:
  Status HandleRow(pugi::xml_node row);
  Status StartRow(pugi::xml_node row);
  Result<std::size_t> CellColumn(const CellAttributes& attributes, std::size_t next) const;
  Status ReadCell(pugi::xml_node cell, const CellAttributes& attributes, std::string& out) const;
  Status ReadString(std::string_view index, std::string& out) const;
  std::string CellName(std::size_t column) const {
    return ColumnName(column) + std::to_string(row_.row_number);
  }

  const SheetContext& context_;
  const XlsxLimits& limits_;
  const XlsxRowCallback& on_row_;
  pugi::xml_document doc_;
  XlsxRow row_;
  long last_row_number_ = 0;
  std::size_t rows_ = 0;
};

Status SheetStream::Run(std::string& xml) {
  Result<SheetDataSpan> span = FindSheetData(xml, context_.part);
  if (!span) return Fail(std::move(span.error()));
  for (std::size_t pos = span->begin; pos < span->end;) {
    std::size_t cut = std::min(pos + kChunkBytes, span->end);
    if (cut < span->end) {
      const std::size_t close = xml.find(span->row_end_tag, cut);
      cut = std::min(close == std::string::npos ? span->end : close + span->row_end_tag.size(),
                     span->end);
    }
    if (xml.find_first_not_of(" \t\r\n", pos) < cut) {
      Status parsed =
          ParseXmlInPlace(doc_, xml.data() + pos, cut - pos, context_.part, last_row_number_ + 1);
      if (!parsed) return parsed;
      for (pugi::xml_node row = doc_.first_child(); row; row = row.next_sibling()) {
        if (row.type() != pugi::node_element || LocalName(row.name()) != "row") continue;
        if (Status handled = HandleRow(row); !handled) return handled;
      }
    }
    pos = cut;
  }
  return {};
}

Status SheetStream::StartRow(pugi::xml_node row) {
  const pugi::xml_attribute r = row.attribute("r");
  const long number = r ? static_cast<long>(r.as_llong()) : last_row_number_ + 1;
  if (number <= last_row_number_ || number > kExcelMaxRow) {
    return Fail(CellError("xlsx.bad_row_number",
                          "Tệp Excel bị hỏng: số dòng “" + std::string(r.value()) +
                              "” không hợp lệ hoặc không tăng dần (sau dòng " +
                              std::to_string(last_row_number_) + ")",
                          last_row_number_ + 1, ""));
  }
  last_row_number_ = number;
  row_.row_number = number;
  row_.cells.clear();
  if (++rows_ > limits_.max_rows) {
    return Fail(LimitExceeded("xlsx.too_many_rows", "số dòng", limits_.max_rows, number));
  }
  return {};
}

Status SheetStream::HandleRow(pugi::xml_node row) {
  if (!FirstChild(row, "c")) {
    const long number = row.attribute("r") ? static_cast<long>(row.attribute("r").as_llong()) : 0;
    last_row_number_ = std::max(last_row_number_, number);
    return {};  // a row that only carries formatting
  }
  if (Status started = StartRow(row); !started) return started;
  std::size_t next = 0;
  for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling()) {
    if (cell.type() != pugi::node_element || LocalName(cell.name()) != "c") continue;
    const CellAttributes attributes = AttributesOf(cell);
    Result<std::size_t> column = CellColumn(attributes, next);
    if (!column) return Fail(std::move(column.error()));
    row_.cells.resize(*column + 1);  // cells skipped in the gap read as ""
    if (Status read = ReadCell(cell, attributes, row_.cells.back()); !read) return read;
    next = *column + 1;
  }
  return on_row_(row_);
}

Result<std::size_t> SheetStream::CellColumn(const CellAttributes& attributes,
                                            std::size_t next) const {
  std::size_t column = next;
  if (!attributes.reference.empty()) {
    const std::optional<std::size_t> parsed = ColumnIndexOf(attributes.reference);
    if (!parsed || *parsed < next) {
      return Fail(CellError("xlsx.bad_cell_reference",
                            "Tệp Excel bị hỏng: địa chỉ ô “" + std::string(attributes.reference) +
                                "” không hợp lệ hoặc không theo thứ tự tại dòng " +
                                std::to_string(row_.row_number),
                            row_.row_number, std::string(attributes.reference)));
    }
    column = *parsed;
  }
  if (column >= limits_.max_columns) {
    Error error =
        LimitExceeded("xlsx.too_many_columns", "số cột", limits_.max_columns, row_.row_number);
    error.details.back().field = CellName(column);
    return Fail(std::move(error));
  }
  return column;
}

Status SheetStream::ReadString(std::string_view index, std::string& out) const {
  std::size_t value = 0;
  const bool digits = !index.empty() && index.size() <= 9 &&
                      index.find_first_not_of("0123456789") == std::string_view::npos;
  for (char c : index) value = value * 10 + static_cast<std::size_t>(c - '0');
  if (!digits || value >= context_.shared_strings->size()) {
    return Fail(CellError(
        "xlsx.bad_shared_string",
        "Tệp Excel bị hỏng: ô " + CellName(row_.cells.size() - 1) + " trỏ tới chuỗi không tồn tại",
        row_.row_number, CellName(row_.cells.size() - 1)));
  }
  out = (*context_.shared_strings)[value];
  return {};
}

Status SheetStream::ReadCell(pugi::xml_node cell, const CellAttributes& attributes,
                             std::string& out) const {
  const std::string_view type = attributes.type;
  const std::string_view value = FirstChild(cell, "v").child_value();
  if (type == "inlineStr") {
    out = RichText(FirstChild(cell, "is"));
  } else if (type == "s") {
    if (value.empty()) {
      out.clear();
    } else if (Status read = ReadString(value, out); !read) {
      return read;
    }
  } else if (type == "b") {
    out = value.empty() ? "" : (value == "1" ? "TRUE" : "FALSE");
  } else if (type == "str" || type == "e") {
    out = value;
    DecodeExcelEscapes(out);
  } else if (type == "d") {
    const std::optional<std::string> date = IsoDateText(value);
    out = date ? *date : std::string(value);
  } else {
    out = NumberText(value);
    const std::vector<bool>& dates = *context_.date_styles;
    if (!out.empty() && attributes.style && *attributes.style < dates.size() &&
        dates[*attributes.style]) {
      std::optional<std::string> date = SerialDateText(out, context_.date1904);
      if (date) out = std::move(*date);
    }
  }
  if (out.size() > limits_.max_cell_bytes) {
    const std::string name = CellName(row_.cells.size() - 1);
    Error error = LimitExceeded("xlsx.cell_too_large", "độ dài ô " + name + " (byte)",
                                limits_.max_cell_bytes, row_.row_number);
    error.details.back().field = name;
    return Fail(std::move(error));
  }
  // Shared strings were checked once when loaded; numbers are ASCII.
  const bool free_text = type == "inlineStr" || type == "str" || type == "e";
  if (free_text && !IsValidUtf8(out)) {
    const std::string name = CellName(row_.cells.size() - 1);
    return Fail(CellError("xlsx.invalid_utf8",
                          "Ô " + name + " chứa ký tự không hợp lệ (không phải UTF-8)",
                          row_.row_number, name));
  }
  return {};
}

}  // namespace

Status StreamSheetRows(std::string& xml, const SheetContext& context, const XlsxLimits& limits,
                       const XlsxRowCallback& on_row) {
  SheetStream stream(context, limits, on_row);
  return stream.Run(xml);
}

}  // namespace ansinh::formats::xlsx
