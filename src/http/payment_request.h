// JSON request bodies for a person's entitlements and payment method (with
// the representative who receives for them), → core values.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app/registry_service.h"
#include "core/beneficiary.h"
#include "core/error.h"
#include "core/reference_codes.h"

namespace ansinh::http {

// POST /beneficiaries/{code}/entitlements: {"policy_code", "start": "YYYY-MM",
// "end", "decision_number", "fixed_amount_vnd": integer đồng}.
Result<core::Entitlement> EntitlementFromJson(const nlohmann::json& body);

// Who confirms a representative, when the request says "confirmed": true.
struct Confirmation {
  std::string user;
  core::Date today;
};

// PUT /beneficiaries/{code}/payment-method: {"channel", "recipient", "bin",
// "account_number", "holder_name", "consent", "effective_from": "YYYY-MM",
// "representative": {"kind": "authorised"|"guardian", "full_name",
// "citizen_id", "phone", "relationship", "authorisation_number",
// "authorisation_date", "valid_from", "valid_to", "confirmed": bool}}.
// bin and account_number only for BANK_ACCOUNT and MOBILE_MONEY.
// effective_from defaults to `current_month`.
Result<app::PaymentMethodChange> PaymentMethodFromJson(const nlohmann::json& body,
                                                       const core::ReferenceCodes& codes,
                                                       const Confirmation& confirmation,
                                                       const core::Period& current_month);

}  // namespace ansinh::http
