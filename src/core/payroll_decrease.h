// Why a person paid in the previous approved cycle is paid nothing now: the
// reason a "giảm" (decrease) of the changes list carries (issue 4 item 6), so
// that a district officer tells a death from a child ageing out of the
// policy's last age band ("hết tuổi hưởng") without opening each record.
//
// Pure: derived from the person's facts as known today and the rate table.
#pragma once

#include <optional>

#include "core/payroll.h"
#include "core/rate_table.h"

namespace ansinh::core {

enum class DecreaseReason {
  kDeath,             // "chet": termination by death in force in the period
  kMovedAway,         // "chuyen_di": terminated, moved to another place
  kIneligible,        // "thoi_huong": terminated, no longer eligible
  kSuspended,         // "tam_dung": in an unpaid suspension
  kEntitlementEnded,  // "het_han_huong": every entitlement's end month has passed
  kAgedOut,           // "het_tuoi_huong": older than every age band of the policy
  kOther,             // "khac": none of the above (e.g. moved to another office)
};

const char* DecreaseReasonCode(DecreaseReason reason);
// Lower-case Vietnamese, to be set in a sentence: "hết tuổi hưởng".
const char* DecreaseReasonText(DecreaseReason reason);

// The reason `person` is owed nothing for `period`, checked in this order:
// termination in force, unpaid suspension, then the entitlements — aged out
// when an entitlement active in the period has a zero amount because the
// person is older than every band (RateTable: "aged out" is 0, not an
// error), ended when none is active any more. An entitlement that still pays,
// or whose amount is an error, gives kOther.
DecreaseReason DecreaseReasonOf(const PersonFacts& person, const RateTable& rates, Period period);

// Why a person still paid in `period` is paid less than in `previous` because
// one of several entitlements stopped: kAgedOut when an entitlement that paid
// in `previous` pays nothing now because the person is older than every band,
// kEntitlementEnded when one that paid then has passed its end month. Nothing
// for a decrease of another cause (a lower rate, a band that pays less).
std::optional<DecreaseReason> PartialDecreaseReasonOf(const PersonFacts& person,
                                                      const RateTable& rates, Period period,
                                                      Period previous);

}  // namespace ansinh::core
