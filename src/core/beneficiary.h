// The register's nouns (DESIGN.md §3): a beneficiary (đối tượng), their
// entitlements (chế độ hưởng), representatives (người được ủy quyền / người
// giám hộ) and payment method (hình thức chi trả). Plain values; the rules
// that relate them are in registration_rules.h, storage in store/.
//
// Identity data that failed to parse is kept as raw text beside the parsed
// optional: a typo is a finding for the commune's worklist, and nobody
// eligible is kept out of the register because of one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/admin_unit_code.h"
#include "core/bank_ref.h"
#include "core/citizen_id.h"
#include "core/date.h"
#include "core/error.h"
#include "core/money.h"
#include "core/period.h"
#include "core/phone.h"
#include "core/sex.h"

namespace ansinh::core {

enum class BeneficiaryGroup { kNcc, kBtxh };

// "NCC" or "BTXH" (case-insensitive). Errors: group.unknown.
Result<BeneficiaryGroup> ParseBeneficiaryGroup(std::string_view text);
const char* BeneficiaryGroupCode(BeneficiaryGroup group);  // "NCC" / "BTXH"

// mã đối tượng: unique within a province. 1..32 characters of [0-9A-Za-z._/-]
// after trimming; kept as written (offices use mixed case). Errors:
// beneficiary_code.empty, beneficiary_code.too_long, beneficiary_code.invalid_character.
class BeneficiaryCode {
 public:
  static constexpr std::size_t kMaxLength = 32;
  static Result<BeneficiaryCode> Parse(std::string_view text);
  const std::string& value() const { return value_; }
  friend auto operator<=>(const BeneficiaryCode&, const BeneficiaryCode&) = default;

 private:
  explicit BeneficiaryCode(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

enum class BeneficiaryStatus { kActive, kSuspended, kTerminated };
const char* BeneficiaryStatusCode(BeneficiaryStatus status);  // "active", ...
// Exact code. Errors: beneficiary_status.unknown.
Result<BeneficiaryStatus> ParseBeneficiaryStatus(std::string_view code);

enum class TerminationReason { kDeath, kMovedAway, kIneligible };
const char* TerminationReasonCode(TerminationReason reason);  // "death", "moved", "ineligible"
// Exact code. Errors: termination_reason.unknown.
Result<TerminationReason> ParseTerminationReason(std::string_view code);

// Why and from when a person stops being paid. Payment stops from
// `effective_from` (the month after the month of death or termination).
struct Termination {
  TerminationReason reason = TerminationReason::kIneligible;
  std::optional<Date> date;                          // date of death / of the decision
  std::optional<AdminUnitCode> destination_commune;  // kMovedAway only
  Period effective_from;
};

// A citizen ID cell as received: parsed when it could be, raw text always.
struct CitizenIdField {
  std::string raw;
  std::optional<CitizenId> parsed;
};

struct PhoneField {
  std::string raw;
  std::optional<Phone> parsed;
};

struct Beneficiary {
  BeneficiaryCode code;
  std::string full_name;  // NormalizeName form
  Date birth_date;
  Sex sex = Sex::kMale;
  CitizenIdField citizen_id;
  PhoneField phone;
  AdminUnitCode commune;
  std::string address;
  BeneficiaryGroup group = BeneficiaryGroup::kBtxh;
  BeneficiaryStatus status = BeneficiaryStatus::kActive;
  std::optional<Termination> termination;
  bool special_case = false;  // sick or immobile: may be paid at home
  bool has_smartphone = false;
  std::optional<Period> paid_through;  // da_chi_den_thang: never paid again up to it
};

// One allowance of one person. FIXED policies carry the amount; COEFFICIENT
// policies take it from the rates in force each month.
struct Entitlement {
  std::string policy_code;  // a code of policy_rates.csv
  Period start;
  std::optional<Period> end;  // last month paid, inclusive
  std::string decision_number;
  std::optional<MoneyVnd> fixed_amount;
};

enum class RepresentativeKind { kAuthorised, kGuardian };

struct Representative {
  RepresentativeKind kind = RepresentativeKind::kAuthorised;
  std::string full_name;
  CitizenIdField citizen_id;
  PhoneField phone;
  std::string relationship;
  std::string authorisation_number;  // giấy ủy quyền / quyết định giám hộ
  std::optional<Date> authorisation_date;
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;  // the payment method is invalid from the month after
  std::string confirmed_by;      // commune officer who confirmed it
  std::optional<Date> confirmed_on;
};

enum class PaymentChannel { kCashPaypoint, kCashHome, kBankAccount, kMobileMoney };
// DESIGN.md names: "CASH_PAYPOINT", ...; import codes: TIEN_MAT, TAI_NHA, TAI_KHOAN, VI_DIEN_TU.
const char* PaymentChannelCode(PaymentChannel channel);
const char* PaymentChannelImportCode(PaymentChannel channel);  // "TIEN_MAT", ...
// Either form, ASCII case-insensitive, surrounding whitespace ignored.
// Errors: payment_method.channel_empty, payment_method.channel_unknown.
Result<PaymentChannel> ParsePaymentChannel(std::string_view code);
// What a person reads: "Tiền mặt tại điểm chi trả", ...
const char* PaymentChannelLabel(PaymentChannel channel);
// BANK_ACCOUNT and MOBILE_MONEY: the channels that need a BIN and an account.
bool IsAccountChannel(PaymentChannel channel);

enum class Recipient { kSelf, kAuthorised, kGuardian };
// "SELF"/"AUTHORISED"/"GUARDIAN"; import codes BAN_THAN, UY_QUYEN, GIAM_HO.
const char* RecipientCode(Recipient recipient);
const char* RecipientImportCode(Recipient recipient);  // "BAN_THAN", ...
// What a person reads: "Bản thân", "Người được ủy quyền", "Người giám hộ".
const char* RecipientLabel(Recipient recipient);
// Either form, as ParsePaymentChannel. Errors: payment_method.recipient_empty,
// payment_method.recipient_unknown.
Result<Recipient> ParseRecipient(std::string_view code);
// The representative a recipient needs: none for kSelf.
std::optional<RepresentativeKind> RepresentativeKindFor(Recipient recipient);

struct AccountField {
  std::string bin_raw;
  std::string account_raw;
  std::optional<BankRef> parsed;
};

struct PaymentMethod {
  PaymentChannel channel = PaymentChannel::kCashPaypoint;
  Recipient recipient = Recipient::kSelf;
  std::optional<AccountField> account;  // account channels only
  std::string holder_name;
  bool consent = false;  // nguyện vọng of the beneficiary recorded
  Period effective_from;
};

}  // namespace ansinh::core
