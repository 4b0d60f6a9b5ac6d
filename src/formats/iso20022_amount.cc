#include "formats/iso20022_amount.h"

#include <charconv>

#include "core/ascii.h"

namespace ansinh::formats {

std::optional<std::int64_t> ParseWholeDongAmount(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  if (whole.size() > 15 || !core::IsAsciiDigits(whole)) return std::nullopt;
  if (dot != std::string_view::npos) {
    for (char c : text.substr(dot + 1)) {
      if (c != '0') return std::nullopt;
    }
  }
  std::int64_t value = 0;
  std::from_chars(whole.data(), whole.data() + whole.size(), value);
  return value;
}

}  // namespace ansinh::formats
