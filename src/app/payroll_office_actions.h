// The payroll's per-line actions in the form a caller that names the office
// and period uses (the HTTP API, issue 4 items 3 and 5): release a held line
// to cash, enter a one-off payment, and the receivables and pay-point lists
// as the JSON both the CLI and the API print. A line or person that does not
// belong to the office answers exactly like one that does not exist.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/payroll_changes.h"
#include "app/payroll_service.h"
#include "core/error.h"
#include "store/payroll_cycle_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

// The line must be of the office's cycle of request.period; then as
// PayrollService::ReleaseToCash (one transaction with its audit entry
// "payroll.release_to_cash"). Errors: payroll.unit_*; kNotFound
// payroll.cycle_not_found, payroll.line_not_found (also for a line of
// another cycle); kConflict payroll.line_not_held.
Result<store::PaymentLineRecord> ReleaseOfficeLine(store::SqlSession& session,
                                                   const PayrollRequest& request,
                                                   const std::string& line_id);

struct OfficeOneOff {
  std::string beneficiary_code;
  std::string decision_number;
  std::string reason = "mai_tang";  // e.g. funeral support
  std::int64_t amount_vnd = 0;
};

// A one-off payment of a person the office pays, in its cycle of
// request.period; then as PayrollService::AddOneOff (audit entry
// "payroll.one_off_add"). Errors: payroll.unit_*; kNotFound
// beneficiary.not_found (also for a person of a commune the office does not
// pay); kConflict payroll.cycle_approved (the period's cycle is approved: the
// payment would never be paid); kInvalidInput payroll.one_off_amount;
// kConflict payroll.one_off_exists.
Result<std::int64_t> AddOfficeOneOff(store::SqlSession& session, const PayrollRequest& request,
                                     const OfficeOneOff& one_off);

// {"period","unit","receivables":[{"beneficiary_code","entitlement_id",
// "for_period","amount_vnd","status"}]}
nlohmann::json ReceivablesJson(const PayrollRequest& request,
                               const std::vector<store::ReceivableRecord>& receivables);

// {"period","unit","pay_points":[{"pay_point","channel","count","amount_vnd"}]}
nlohmann::json PayPointsJson(const PayrollRequest& request,
                             const std::vector<PayPointGroup>& groups);

}  // namespace ansinh::app
