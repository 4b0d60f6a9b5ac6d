// UTF-8 validation per RFC 3629: the shortest form only, no surrogates, nothing
// above U+10FFFF. Every text that enters from a file passes through here.
#include <cstdint>
#include <string_view>

#include "formats/csv_reader.h"

namespace ansinh::formats {
namespace {

// Length of the sequence that `lead` starts, 0 if it cannot start one.
std::size_t SequenceLength(std::uint8_t lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// The second byte carries the range restrictions that rule out overlong forms,
// surrogates (ED A0..BF) and code points past U+10FFFF.
bool SecondByteValid(std::uint8_t lead, std::uint8_t second) {
  if (lead == 0xE0) return second >= 0xA0 && second <= 0xBF;
  if (lead == 0xED) return second >= 0x80 && second <= 0x9F;
  if (lead == 0xF0) return second >= 0x90 && second <= 0xBF;
  if (lead == 0xF4) return second >= 0x80 && second <= 0x8F;
  return second >= 0x80 && second <= 0xBF;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<std::uint8_t>(text[i]);
    const std::size_t length = SequenceLength(lead);
    if (length == 0 || i + length > text.size()) return false;
    if (length > 1 && !SecondByteValid(lead, static_cast<std::uint8_t>(text[i + 1]))) {
      return false;
    }
    for (std::size_t k = 2; k < length; ++k) {
      const auto next = static_cast<std::uint8_t>(text[i + k]);
      if (next < 0x80 || next > 0xBF) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace ansinh::formats
