#include "core/payroll_decrease.h"

namespace ansinh::core {

const char* DecreaseReasonCode(DecreaseReason reason) {
  switch (reason) {
    case DecreaseReason::kDeath:
      return "chet";
    case DecreaseReason::kMovedAway:
      return "chuyen_di";
    case DecreaseReason::kIneligible:
      return "thoi_huong";
    case DecreaseReason::kSuspended:
      return "tam_dung";
    case DecreaseReason::kEntitlementEnded:
      return "het_han_huong";
    case DecreaseReason::kAgedOut:
      return "het_tuoi_huong";
    case DecreaseReason::kOther:
      return "khac";
  }
  return "khac";
}

const char* DecreaseReasonText(DecreaseReason reason) {
  switch (reason) {
    case DecreaseReason::kDeath:
      return "đối tượng đã chết";
    case DecreaseReason::kMovedAway:
      return "chuyển đi nơi khác";
    case DecreaseReason::kIneligible:
      return "thôi hưởng do không còn đủ điều kiện";
    case DecreaseReason::kSuspended:
      return "tạm dừng hưởng";
    case DecreaseReason::kEntitlementEnded:
      return "hết thời hạn hưởng theo quyết định";
    case DecreaseReason::kAgedOut:
      return "hết tuổi hưởng";
    case DecreaseReason::kOther:
      return "không còn được chi trả";
  }
  return "không còn được chi trả";
}

namespace {

DecreaseReason TerminationDecrease(TerminationReason reason) {
  switch (reason) {
    case TerminationReason::kDeath:
      return DecreaseReason::kDeath;
    case TerminationReason::kMovedAway:
      return DecreaseReason::kMovedAway;
    case TerminationReason::kIneligible:
      return DecreaseReason::kIneligible;
  }
  return DecreaseReason::kIneligible;
}

}  // namespace

DecreaseReason DecreaseReasonOf(const PersonFacts& person, const RateTable& rates, Period period) {
  if (person.termination && !(period < person.termination->effective_from)) {
    return TerminationDecrease(person.termination->reason);
  }
  if (!AccruesIn(person, period)) return DecreaseReason::kSuspended;
  bool aged_out = false;
  bool ended = false;
  for (const EntitlementFacts& facts : person.entitlements) {
    if (!EntitlementActiveIn(facts.entitlement, period)) {
      ended = ended || (facts.entitlement.end && *facts.entitlement.end < period);
      continue;
    }
    auto amount = rates.MonthlyAmount(facts.entitlement, person.birth_date, period);
    if (!amount || amount->dong() != 0) return DecreaseReason::kOther;
    aged_out = true;
  }
  if (aged_out) return DecreaseReason::kAgedOut;
  if (ended) return DecreaseReason::kEntitlementEnded;
  return DecreaseReason::kOther;
}

namespace {

bool PaysIn(const EntitlementFacts& facts, const PersonFacts& person, const RateTable& rates,
            Period period) {
  if (!EntitlementActiveIn(facts.entitlement, period)) return false;
  auto amount = rates.MonthlyAmount(facts.entitlement, person.birth_date, period);
  return amount && amount->dong() > 0;
}

}  // namespace

std::optional<DecreaseReason> PartialDecreaseReasonOf(const PersonFacts& person,
                                                      const RateTable& rates, Period period,
                                                      Period previous) {
  std::optional<DecreaseReason> reason;
  for (const EntitlementFacts& facts : person.entitlements) {
    if (!PaysIn(facts, person, rates, previous)) continue;
    if (!EntitlementActiveIn(facts.entitlement, period)) {  // it paid before: its end passed
      reason = DecreaseReason::kEntitlementEnded;
      continue;
    }
    auto amount = rates.MonthlyAmount(facts.entitlement, person.birth_date, period);
    if (amount && amount->dong() == 0) return DecreaseReason::kAgedOut;
  }
  return reason;
}

}  // namespace ansinh::core
