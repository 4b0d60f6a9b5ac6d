// Sex as recorded in the population register (giới tính). Needed on its own
// for the CCCD consistency check: the 4th digit of a citizen ID encodes it.
#pragma once

#include <string_view>

#include "core/error.h"

namespace ansinh::core {

enum class Sex { kMale, kFemale };

// Accepts "Nam" and "Nữ" in any case and Unicode form (NFC or NFD), also
// without diacritics ("Nu", "NU"), with surrounding whitespace.
// Errors: sex.empty, sex.unknown.
Result<Sex> ParseSex(std::string_view text);

// "Nam" or "Nữ", as shown to people and written to exports.
const char* SexLabel(Sex sex);

}  // namespace ansinh::core
