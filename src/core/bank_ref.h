// Where a payment goes: a NAPAS BIN naming a bank or mobile-money provider,
// and an account (or card / e-wallet) number at that institution.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/reference_codes.h"

namespace ansinh::core {

class BankRef {
 public:
  // Account numbers are 6..19 characters: NAPAS routes card numbers of up to
  // 19 digits (ISO/IEC 7812 PAN) and bank accounts are shorter; under 6 is
  // always a typo. Banks also issue alias accounts with letters, so [0-9A-Z].
  static constexpr std::size_t kMinAccountLength = 6;
  static constexpr std::size_t kMaxAccountLength = 19;

  // bin_text: 6 digits, a key of codes.institutions (e.g. "970436" Vietcombank,
  // "971005" Viettel Money, "971011" VNPT Money). account_text: spaces and
  // hyphens removed, ASCII letters upper-cased, then [0-9A-Z]{6,19}.
  // Surrounding whitespace is ignored in both.
  // Errors: bank_ref.bin_empty, bank_ref.bin_format, bank_ref.bin_unknown
  // (names the BIN), bank_ref.account_empty, bank_ref.account_invalid_character,
  // bank_ref.account_length.
  static Result<BankRef> Parse(std::string_view bin_text, std::string_view account_text,
                               const ReferenceCodes& codes);

  const std::string& bin() const { return bin_; }
  // Normalised: no separators, upper case.
  const std::string& account() const { return account_; }
  // A copy of the reference entry, so the value outlives the ReferenceCodes.
  const PaymentInstitution& institution() const { return institution_; }
  PaymentInstitutionKind kind() const { return institution_.kind; }
  bool is_mobile_money() const { return kind() == PaymentInstitutionKind::kMobileMoney; }

  // The account with only its last 4 characters visible: "******7890".
  std::string Masked() const;

  friend bool operator==(const BankRef& a, const BankRef& b) {
    return a.bin() == b.bin() && a.account_ == b.account_;
  }

 private:
  BankRef(std::string bin, PaymentInstitution institution, std::string account)
      : bin_(std::move(bin)), institution_(std::move(institution)), account_(std::move(account)) {}

  std::string bin_;  // as parsed; the key under which institution_ was found
  PaymentInstitution institution_;
  std::string account_;
};

}  // namespace ansinh::core
