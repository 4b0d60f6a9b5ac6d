// Where a payment line goes (issue 4 item 5): the channel and recipient of
// the payment method in force, as long as that method can carry a payment
// in the month; otherwise the line is HELD with a reason in Vietnamese until
// a district officer releases it to cash at the pay point. And the line's
// stable id, built from its exactly-once key so that re-runs keep it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/payroll.h"
#include "store/payroll_facts_store.h"

namespace ansinh::app {

struct LineRouting {
  std::string channel;    // "CASH_PAYPOINT", "BANK_ACCOUNT", ...
  std::string recipient;  // "SELF", "AUTHORISED", "GUARDIAN"
  std::string status;     // "pending" | "held"
  std::optional<std::string> hold_reason;
};

// `released`: a district officer released this line to cash.
LineRouting RouteLine(const std::optional<store::PayrollMethod>& method, core::Period month,
                      bool released);

// "YYYYMM-<entitlement id>-<R|A|T>-YYYYMM" (period, entitlement, kind, month
// paid for: the exactly-once key) or "YYYYMM-O<one-off id>": at most 35
// characters, the ISO 20022 EndToEndId limit.
std::string LineId(core::Period period, const core::ComputedLine& line, std::int64_t one_off_id);

}  // namespace ansinh::app
