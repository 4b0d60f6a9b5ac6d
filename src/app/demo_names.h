// Vietnamese personal names for the demo province: family names with their
// rough frequencies (Thanh Hóa's mix: Lê, Trịnh, Mai and Hà are commoner there
// than nationally; Huỳnh and Võ are southern), sex-appropriate middle names
// that depend on the generation, and given names. Every entry is NFC and
// accepted unchanged by core::NormalizeName (checked by the demo tests).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "core/sex.h"

namespace ansinh::app::demo_detail {

struct DemoName {
  std::string_view text;  // UTF-8, NFC
  std::uint32_t weight;   // relative frequency within its list
};

// People born from this year on get the wider modern choice of middle names;
// before it, almost every man is "Văn" and almost every woman "Thị".
inline constexpr int kModernNamesFromYear = 1980;

std::span<const DemoName> FamilyNames();
std::span<const DemoName> MiddleNames(core::Sex sex, bool modern);
std::span<const DemoName> GivenNames(core::Sex sex);

// Who acts for a beneficiary, as written in nguoi_nhan_quan_he.
struct DemoRelationship {
  std::string_view text;      // "Mẹ", "Con trai", ...
  core::Sex sex;              // the representative's sex
  bool same_family_name;      // a father or son carries the beneficiary's family name
  std::uint32_t weight;
};

// Guardians of children; authorised persons of adults.
std::span<const DemoRelationship> GuardianRelationships();
std::span<const DemoRelationship> AuthorisedRelationships();

}  // namespace ansinh::app::demo_detail
