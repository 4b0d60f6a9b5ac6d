// Standard levels (mức chuẩn) and policy rates added by a province officer
// (issue 4 item 1), with an effective date in the past or the future. Nothing
// approved changes: the next payroll run pays or recovers the difference for
// the months since (arrears / recovery). Where two rows of a policy overlap,
// the later effective date wins (core/rate_table.h), so a new rate needs no
// edit of the old one.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "core/error.h"
#include "core/rate_table.h"
#include "formats/reference_data.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct NewPolicyRate {
  std::string policy_code;  // an existing policy: group, name and basis are taken from it
  int age_from_years = 0;
  std::optional<int> age_to_years;  // empty: that of the policy's band starting at age_from
  std::optional<std::string> coefficient;  // COEFFICIENT policies
  std::optional<std::int64_t> amount_vnd;  // FIXED policies
  std::string effective_from;              // ISO date
  std::optional<std::string> effective_to;
  std::string legal_basis;
};

// Thread safety: one thread at a time, as the session.
class RatesService {
 public:
  explicit RatesService(store::SqlSession& session) : session_(session) {}

  // Errors: kInvalidInput rate.* (core::ValidateStandardLevel, dates);
  // kConflict rates.exists (a level of this kind from this date exists).
  Result<formats::StandardLevelRecord> AddStandardLevel(formats::StandardLevelRecord level,
                                                        const AuditActor& actor);
  // Errors: kNotFound rates.policy_unknown; kInvalidInput rate.*; kConflict rates.exists.
  Result<formats::PolicyRateRecord> AddPolicyRate(const NewPolicyRate& rate,
                                                  const AuditActor& actor);
  // {"standard_levels":[…],"policy_rates":[…]}, optionally one policy only.
  Result<nlohmann::json> List(const std::optional<std::string>& policy_code);

 private:
  store::SqlSession& session_;
};

// The standard levels and policy rates as stored, as one table.
// Errors: the store's; those of formats::MakeRateTable.
Result<core::RateTable> LoadRateTable(store::SqlSession& session);

}  // namespace ansinh::app
