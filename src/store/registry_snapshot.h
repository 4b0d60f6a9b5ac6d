// A whole person of the register (beneficiary, entitlements, representative,
// payment method) loaded together, and its JSON form: the snapshot kept in
// the history and answered by "what did we know on day D".
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "store/beneficiary_store.h"
#include "store/entitlement_store.h"
#include "store/payment_method_store.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct PersonAggregate {
  BeneficiaryRecord beneficiary;
  std::vector<core::Entitlement> entitlements;  // by policy code and start month
  std::optional<core::Representative> representative;
  std::optional<PaymentMethodRecord> payment_method;
};

// Empty when no person has this code.
Result<std::optional<PersonAggregate>> LoadPerson(SqlSession& session, std::string_view code);

// The snapshot: plain values, ISO dates, "YYYY-MM" months, money in đồng.
// Identity and account numbers are in clear, as in the tables they come from.
nlohmann::json SnapshotJson(const PersonAggregate& person);
nlohmann::json EntitlementJson(const core::Entitlement& entitlement);
nlohmann::json PaymentMethodJson(const PaymentMethodRecord& record);
nlohmann::json RepresentativeJson(const core::Representative& representative);

}  // namespace ansinh::store
