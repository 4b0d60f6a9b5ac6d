// A Vietnamese mobile number, as used for SMS notices and mobile-money
// accounts. Always stored in the 10-digit national form "0xxxxxxxxx".
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/reference_codes.h"

namespace ansinh::core {

class Phone {
 public:
  // Accepts "0912345678", "+84912345678", "84912345678", "+84 0912 345 678"
  // and the like: spaces, dots, hyphens and parentheses are removed first; a
  // '+' is allowed only at the start, before 84. After +84/84 either nine
  // digits or a full 10-digit number starting with 0 may follow. The result
  // must be 10 digits whose first three are in codes.mobile_prefixes.
  // Errors: phone.empty, phone.invalid_character,
  // phone.legacy_11_digit (11 digits starting "01": the pre-2018 numbering,
  //   which carriers converted to 10 digits; the number must be updated),
  // phone.leading_zero_lost (9 digits not starting with 0: a spreadsheet
  //   dropped the leading 0), phone.length, phone.unknown_prefix (named).
  static Result<Phone> Parse(std::string_view text, const ReferenceCodes& codes);

  // "0912345678".
  const std::string& digits() const { return digits_; }
  // "Viettel", "VinaPhone", ... as given by the reference data.
  const std::string& carrier() const { return carrier_; }
  // Only the last 4 digits visible: "******5678".
  std::string Masked() const;

  friend bool operator==(const Phone& a, const Phone& b) { return a.digits_ == b.digits_; }

 private:
  Phone(std::string digits, std::string carrier)
      : digits_(std::move(digits)), carrier_(std::move(carrier)) {}

  std::string digits_;
  std::string carrier_;
};

}  // namespace ansinh::core
