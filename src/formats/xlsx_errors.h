// The Vietnamese errors of the xlsx reader, built in one place so the codes
// and wording stay consistent across the zip, workbook and sheet layers.
// Internal to the reader (namespace xlsx).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace ansinh::formats::xlsx {

// kInvalidInput "xlsx.not_a_zip"; `legacy` when the bytes are an OLE2 file
// (an old .xls or a password-protected workbook), which gets its own advice.
Error NotAZip(bool legacy);

// kInvalidInput "xlsx.missing_part": a part the workbook needs is absent.
Error MissingPart(std::string_view part);

// kInvalidInput "xlsx.malformed_xml", naming the part in the message and in
// the detail's field; `row` is 0 when no row is known.
Error MalformedXml(std::string_view part, long row = 0);

// kInvalidInput "xlsx.corrupt_entry": the zip entry cannot be decompressed.
Error CorruptEntry(std::string_view part);

// kLimitExceeded with `code`; `what` is the Vietnamese phrase for the limit
// ("dung lượng tệp"), `limit` its value, `row` the sheet row (0 if none).
Error LimitExceeded(std::string code, std::string_view what, std::size_t limit, long row = 0);

// kInvalidInput with a detail naming the row and cell ("B5").
Error CellError(std::string code, std::string message, long row, std::string field);

}  // namespace ansinh::formats::xlsx
