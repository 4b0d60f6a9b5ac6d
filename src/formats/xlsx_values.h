// Pure conversions from the text an .xlsx stores to the text a user saw in
// Excel. Internal to the xlsx reader (namespace xlsx); no I/O, no XML.
//
// Numbers stay exact decimal text and never pass through a binary floating-point
// type: an amount in đồng or a 12-digit citizen ID typed into a numeric cell must come back
// digit for digit. Dates are rendered with integer calendar arithmetic.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ansinh::formats::xlsx {

// The largest exponent NumberText expands; Excel numbers are doubles, whose
// exponents stay within about ±308, so anything larger is not from Excel.
inline constexpr int kMaxExpandedExponent = 400;

// Exact plain decimal text of a stored number. Exponent forms are expanded by
// moving the decimal point: "3.8012345678E+11" -> "380123456780",
// "1.5E-3" -> "0.0015", "-2E0" -> "-2". Text without an exponent, or that is
// not a well-formed number, is returned unchanged.
std::string NumberText(std::string_view stored);

// "dd/mm/yyyy" for a date serial given as exact number text (the fraction,
// a time of day, is ignored). The 1900 system keeps Excel's Lotus bug: serial
// 60 is 29/02/1900 and serial 0 is 00/01/1900. std::nullopt when the text is
// not a non-negative number or the date would fall after 31/12/9999, since
// Excel itself shows such cells as numbers or ####.
std::optional<std::string> SerialDateText(std::string_view number_text, bool date1904);

// "dd/mm/yyyy" from an ISO 8601 date cell (t="d", "2024-03-01T00:00:00"), or
// std::nullopt when the text does not start with yyyy-mm-dd.
std::optional<std::string> IsoDateText(std::string_view iso);

// True for the built-in number formats this reader treats as dates: 14-22 and
// 45-47 (Excel's date and time formats, ECMA-376 part 1 §18.8.30).
bool IsBuiltInDateFormat(long format_id);

// True when a custom format code shows a date: it has a d or y token, or an m
// token with no h or s (so "h:mm" stays a number). Quoted literals, [...]
// sections (colours, locales, elapsed time) and escaped or padding characters
// (\x, _x, *x) are skipped.
bool IsDateFormatCode(std::string_view code);

// Zero-based column of a cell reference ("A1" -> 0, "AB12" -> 27), or
// std::nullopt unless it starts with 1-3 letters naming a column up to XFD.
std::optional<std::size_t> ColumnIndexOf(std::string_view cell_reference);

// Excel's column letters for a zero-based column (0 -> "A", 27 -> "AB").
std::string ColumnName(std::size_t column);

// Decodes Excel's _xHHHH_ escapes in cell text (Excel stores a carriage return
// as "_x000D_"). Escapes of surrogates or NUL are left as they are.
void DecodeExcelEscapes(std::string& text);

}  // namespace ansinh::formats::xlsx
