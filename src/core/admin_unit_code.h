// A GSO administrative-unit code (mã đơn vị hành chính, Quyết định
// 124/2004/QĐ-TTg): 2 digits for a province, 3 for a district, 5 for a
// commune. Whether a code exists is a question for the admin-unit store, which
// knows validity dates and mergers; this type only guarantees the shape.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/error.h"

namespace ansinh::core {

enum class AdminLevel { kProvince, kDistrict, kCommune };

// 2, 3 or 5.
std::size_t AdminLevelCodeLength(AdminLevel level);

class AdminUnitCode {
 public:
  // Digits only, surrounding whitespace ignored; the level follows from the
  // length. Errors: admin_unit_code.empty, admin_unit_code.non_digit,
  // admin_unit_code.length (not 2, 3 or 5 digits), admin_unit_code.zero.
  static Result<AdminUnitCode> Parse(std::string_view text);

  // For a column whose level is known (ma_xa is a commune code): left-pads the
  // zeros a spreadsheet dropped ("1" → "00001", "4" → "04"). Errors as Parse,
  // with admin_unit_code.too_long when there are more digits than the level has.
  static Result<AdminUnitCode> ParseAtLevel(std::string_view text, AdminLevel level);

  const std::string& value() const { return value_; }
  AdminLevel level() const { return level_; }

  friend bool operator==(const AdminUnitCode& a, const AdminUnitCode& b) {
    return a.value_ == b.value_;
  }
  // Shorter (higher-level) codes first, then by digits.
  friend std::strong_ordering operator<=>(const AdminUnitCode& a, const AdminUnitCode& b) {
    if (a.value_.size() != b.value_.size()) return a.value_.size() <=> b.value_.size();
    return a.value_.compare(b.value_) <=> 0;
  }

 private:
  AdminUnitCode(std::string value, AdminLevel level) : value_(std::move(value)), level_(level) {}

  std::string value_;
  AdminLevel level_;
};

}  // namespace ansinh::core
