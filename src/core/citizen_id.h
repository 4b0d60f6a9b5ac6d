// The personal identification number of a Vietnamese citizen: the 12-digit
// số định danh cá nhân printed on the CCCD card, or an old 9-digit CMND that
// registers still carry. A CMND is accepted and flagged (is_legacy()): real
// registers are dirty, and an outdated ID is a finding to fix, not a reason
// to refuse a person their allowance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/reference_codes.h"
#include "core/sex.h"

namespace ansinh::core {

enum class CitizenIdKind {
  kCitizenId12,  // CCCD / số định danh cá nhân (Thông tư 07/2016/TT-BCA, 59/2021/TT-BCA)
  kLegacyCmnd9,  // chứng minh nhân dân, 9 digits, no longer issued
};

class CitizenId {
 public:
  // Parses an ID cell; surrounding whitespace is ignored, nothing else is.
  // 12 digits: the first three must be a province code in
  // codes.citizen_id_province_codes. 9 digits: a legacy CMND, not checked further.
  // Errors: citizen_id.empty, citizen_id.non_digit, citizen_id.leading_zero_lost
  // (11 digits: a spreadsheet stored the ID as a number and dropped the leading
  // 0; the cell must be fixed, we do not guess), citizen_id.length,
  // citizen_id.province_unknown (the message names the three digits).
  static Result<CitizenId> Parse(std::string_view text, const ReferenceCodes& codes);

  const std::string& digits() const { return digits_; }
  CitizenIdKind kind() const { return kind_; }
  bool is_legacy() const { return kind_ == CitizenIdKind::kLegacyCmnd9; }

  // The first three digits. REQUIRES: !is_legacy().
  std::string_view province_code() const { return std::string_view(digits_).substr(0, 3); }

  // Only the last 4 digits visible: "********1234" (or "*****1234" for a CMND).
  std::string Masked() const;

  friend bool operator==(const CitizenId&, const CitizenId&) = default;

 private:
  CitizenId(std::string digits, CitizenIdKind kind) : digits_(std::move(digits)), kind_(kind) {}

  std::string digits_;
  CitizenIdKind kind_;
};

enum class CitizenIdInconsistencyKind {
  kSexDigit,         // 4th digit's parity disagrees with the recorded sex
  kCenturyDigit,     // 4th digit's century disagrees with the birth year
  kBirthYearDigits,  // digits 5–6 disagree with the birth year's last two digits
};

struct CitizenIdInconsistency {
  CitizenIdInconsistencyKind kind;
  std::string code;     // citizen_id.sex_mismatch, .century_mismatch, .birth_year_mismatch
  std::string message;  // Vietnamese, names the digit and the recorded value
};

// Checks a 12-digit ID against the person's recorded sex and birth date. By
// TT 07/2016/TT-BCA and 59/2021/TT-BCA the 4th digit encodes century and sex
// (0/1 male/female born 1900–1999, 2/3 in 2000–2099, 4/5 2100s, 6/7 2200s,
// 8/9 2300s) and digits 5–6 are the last two digits of the birth year.
// Returns every disagreement found (empty when consistent). A year-only birth
// date is checked for century and year all the same; a legacy CMND encodes
// neither and always yields an empty list. These are findings for the commune
// to correct, so they are data, not errors.
std::vector<CitizenIdInconsistency> CheckConsistency(const CitizenId& id, Sex sex,
                                                     const Date& birth);

}  // namespace ansinh::core
