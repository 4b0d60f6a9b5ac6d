// The reasons of the decreases (giảm) of a changes list, and of the amount
// adjustments where one of a person's entitlements stopped: the facts of just
// the people concerned, read from the store in id windows, and
// the core's verdict for each (core/payroll_decrease.h).
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/error.h"
#include "core/payroll_decrease.h"
#include "core/period.h"
#include "store/payroll_facts_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

// Per beneficiary id of `ids` (any order, duplicates allowed): why the person
// is owed nothing for `period`. A person no longer among the office's people
// with entitlements (moved to another office, entitlements removed) is kOther.
// Errors: the store's; the rate table's conversion errors.
Result<std::map<std::int64_t, core::DecreaseReason>> DecreaseReasonsOf(
    store::SqlSession& session, const store::OfficeCommunes& communes, core::Period period,
    std::vector<std::int64_t> ids);

// Per beneficiary id of `ids` still paid in `period` but less than in
// `previous`: the stopped entitlement's reason (core::PartialDecreaseReasonOf),
// for those that have one; a lower rate or band gives no entry.
Result<std::map<std::int64_t, core::DecreaseReason>> PartialDecreaseReasonsOf(
    store::SqlSession& session, const store::OfficeCommunes& communes, core::Period period,
    core::Period previous, std::vector<std::int64_t> ids);

}  // namespace ansinh::app
