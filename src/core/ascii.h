// Small ASCII helpers shared by the value-type parsers. Identifiers, phone
// numbers and codes are ASCII by definition, so these never touch Unicode;
// names go through core/name.h instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ansinh::core {

constexpr bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// True when text is non-empty and every byte is '0'..'9'.
constexpr bool IsAsciiDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

// Drops ASCII whitespace at both ends; spreadsheet cells often carry it.
constexpr std::string_view TrimAsciiSpace(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Value of a run of ASCII digits. REQUIRES: IsAsciiDigits(digits) and at most
// 9 digits, so the result always fits an int.
constexpr int SmallDigitsValue(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Keeps the last `visible` characters and replaces the others with '*', so a
// log line or screen can tell records apart without exposing the identifier.
inline std::string MaskAllButLast(std::string_view text, std::size_t visible) {
  std::string masked(text);
  if (masked.size() <= visible) return masked;
  for (std::size_t i = 0; i + visible < masked.size(); ++i) masked[i] = '*';
  return masked;
}

}  // namespace ansinh::core
