// The rules that relate a beneficiary, their entitlements, representative and
// payment method. Pure functions: callers (import, API, payroll) load the facts,
// ask here, and store or report the answer.
//
// Two severities, as the register needs them: an Error means the record cannot
// be stored; a Finding means it is stored and the problem goes to the commune's
// worklist (a typo must never keep an eligible person out of the register).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/beneficiary.h"
#include "core/error.h"
#include "core/reference_codes.h"

namespace ansinh::core {

struct Finding {
  std::string field;    // import column key, e.g. "so_dinh_danh"
  std::string code;     // e.g. "citizen_id.missing", "citizen_id.sex_mismatch"
  std::string message;  // Vietnamese
};

// Findings about identity data (fields so_dinh_danh, so_dien_thoai):
//   citizen_id.missing; the CitizenId::Parse code of a malformed raw ID
//   (re-parsed against `codes` to name the reason: citizen_id.length, ...);
//   citizen_id.legacy_cmnd for a 9-digit CMND; citizen_id.sex_mismatch,
//   .century_mismatch, .birth_year_mismatch (CheckConsistency);
//   the Phone::Parse code of a malformed raw phone (an empty phone is no finding).
std::vector<Finding> IdentityFindings(const Beneficiary& beneficiary, const ReferenceCodes& codes);

// Findings about a representative's papers (fields nguoi_nhan_*):
// representative.citizen_id_missing, the CitizenId::Parse code of a malformed
// ID (field nguoi_nhan_so_dinh_danh), citizen_id.legacy_cmnd,
// representative.relationship_missing (nguoi_nhan_quan_he).
std::vector<Finding> RepresentativeFindings(const Representative& representative,
                                            const ReferenceCodes& codes);

// CASH_HOME only for special cases (sick, immobile). Error code
// payment_method.cash_home_not_special_case.
Status CheckChannelAllowed(PaymentChannel channel, const Beneficiary& beneficiary);
// The same rule on the flag alone, for a row whose other fields may be unusable.
Status CheckChannelAllowed(PaymentChannel channel, bool special_case);

// A representative is required when the recipient is not the beneficiary, and
// its kind must match (UY_QUYEN ↔ authorised, GIAM_HO ↔ guardian). Error codes
// payment_method.representative_missing, payment_method.representative_kind.
Status CheckRecipient(Recipient recipient, const std::optional<Representative>& representative);

// The policy's group must be the person's group. Error policy.group_mismatch.
Status CheckPolicyGroup(BeneficiaryGroup policy_group, BeneficiaryGroup person_group,
                        const std::string& policy_code);

// An entitlement's own shape: end (when set) not before start. Error
// entitlement.end_before_start.
Status CheckEntitlementPeriod(const Entitlement& entitlement);

// Two entitlements of one person under the same policy code must not cover a
// common month (a gap and a restart is allowed). Error entitlement.overlap.
Status CheckNoOverlap(const Entitlement& added, const Entitlement& existing);

// Why a stored payment method cannot carry a payment in `month` (empty =
// valid). For account channels: payment_method.account_missing (so_tai_khoan),
// payment_method.account_invalid (not parsed; the parser named the reason when
// it was read), payment_method.institution_kind_mismatch (a bank BIN for
// MOBILE_MONEY or a wallet BIN for BANK_ACCOUNT, field ma_ngan_hang),
// payment_method.holder_name_missing (ten_chu_tai_khoan). For any channel with
// a representative recipient: payment_method.representative_missing, and
// representative.authorisation_expired from the month after valid_to /
// representative.authorisation_not_yet_valid before the month of valid_from
// (field nguoi_nhan).
std::vector<Finding> PaymentMethodProblems(const PaymentMethod& method,
                                           const std::optional<Representative>& representative,
                                           const Period& month);

}  // namespace ansinh::core
