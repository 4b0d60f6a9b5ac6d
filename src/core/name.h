// Vietnamese personal names, made comparable. Registers arrive from many
// sources: NFC and NFD (macOS, some Vietnamese keyboards), upper case,
// unaccented ("NGUYEN VAN AN"), doubled or non-breaking spaces. Matching a
// person across the commune list, the population registry and a bank's
// account-holder name needs one canonical display form and one loose key.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace ansinh::core {

// Longest accepted name in UTF-8 bytes: far above any real name (a long
// Vietnamese name is under 60 characters, up to 3 bytes each), a limit on input.
inline constexpr std::size_t kMaxNameBytes = 400;

// The display form: Unicode NFC, trimmed, every run of whitespace (spaces,
// tabs, newlines, NBSP and other Unicode spaces) collapsed to one ASCII space;
// invisible format characters (BOM, zero-width space/joiners) are dropped.
// Case and diacritics are kept: "  Nguyễn\u00a0 Văn An " → "Nguyễn Văn An".
// Errors: name.invalid_utf8, name.control_character, name.too_long
// (over kMaxNameBytes), name.empty (nothing left after trimming).
Result<std::string> NormalizeName(std::string_view text);

// The matching key: NormalizeName, then Unicode case folding, then the
// diacritics removed (NFD, combining marks dropped) and đ/Đ written as d, so
// "Nguyễn Văn An", "NGUYỄN VĂN AN", "nguyen  van an" and NFD input all give
// "nguyen van an". Two names with equal keys are candidates for the same
// person, not proof: "Lê" and "Lệ" share a key. Same errors as NormalizeName.
Result<std::string> NameMatchKey(std::string_view text);

// The same two functions always through ICU, without the fast path for NFC
// Vietnamese text that the functions above take: for tests that check the fast
// path gives the same answers.
namespace name_detail {
Result<std::string> IcuNormalizeName(std::string_view text);
Result<std::string> IcuNameMatchKey(std::string_view text);
}  // namespace name_detail

}  // namespace ansinh::core
