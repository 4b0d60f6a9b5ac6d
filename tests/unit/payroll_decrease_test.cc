// Why a person is no longer paid (core/payroll_decrease.h), on the shipped
// 2026 rates: a child of BTXH-5.1 (bands 0–4 and 4–16) ages out at 16, which
// is "hết tuổi hưởng", distinct from death, termination and suspension.
#include "core/payroll_decrease.h"

#include <gtest/gtest.h>

#include "unit/payroll_test_support.h"

namespace ansinh::core {
namespace {

using test::Day;
using test::Month;
using test::ShippedRates;

// Born 15 August 2010: 15 on 1 August 2026, 16 from 1 September 2026.
PersonFacts Facts(const char* birth) {
  return PersonFacts{
      7, "BTXH-00001-0000007", BeneficiaryGroup::kBtxh, Day(birth), std::nullopt, {}, std::nullopt,
      {}};
}

PersonFacts Child() {
  PersonFacts person = Facts("2010-08-15");
  person.entitlements.push_back(
      {71, Entitlement{"BTXH-5.1", Month("2024-01"), std::nullopt, "12/QĐ-UBND", std::nullopt}});
  return person;
}

DecreaseReason ReasonIn(const PersonFacts& person, const char* period) {
  return DecreaseReasonOf(person, ShippedRates(), Month(period));
}

TEST(PayrollDecreaseTest, AChildOlderThanTheLastBandHasAgedOut) {
  const PersonFacts child = Child();
  // Still in the 4–16 band in August: nothing to explain, it pays.
  EXPECT_EQ(ReasonIn(child, "2026-08"), DecreaseReason::kOther);
  EXPECT_EQ(ReasonIn(child, "2026-09"), DecreaseReason::kAgedOut);
  EXPECT_STREQ(DecreaseReasonCode(DecreaseReason::kAgedOut), "het_tuoi_huong");
  EXPECT_STREQ(DecreaseReasonText(DecreaseReason::kAgedOut), "hết tuổi hưởng");
}

TEST(PayrollDecreaseTest, DeathAndTerminationComeBeforeAge) {
  PersonFacts child = Child();
  child.termination =
      Termination{TerminationReason::kDeath, Day("2026-08-20"), std::nullopt, Month("2026-09")};
  EXPECT_EQ(ReasonIn(child, "2026-09"), DecreaseReason::kDeath);
  child.termination->reason = TerminationReason::kIneligible;
  EXPECT_EQ(ReasonIn(child, "2026-09"), DecreaseReason::kIneligible);
  child.termination->reason = TerminationReason::kMovedAway;
  EXPECT_EQ(ReasonIn(child, "2026-09"), DecreaseReason::kMovedAway);
  EXPECT_STREQ(DecreaseReasonCode(DecreaseReason::kDeath), "chet");
}

TEST(PayrollDecreaseTest, ASuspendedPersonIsSuspendedNotAgedOut) {
  PersonFacts child = Child();
  child.suspensions.push_back({Month("2026-05"), std::nullopt, false});
  EXPECT_EQ(ReasonIn(child, "2026-06"), DecreaseReason::kSuspended);
  EXPECT_EQ(ReasonIn(child, "2026-09"), DecreaseReason::kSuspended);
}

TEST(PayrollDecreaseTest, AnEndedDecisionIsNotAnAgeLimit) {
  PersonFacts child = Child();
  child.entitlements[0].entitlement.end = Month("2025-12");
  EXPECT_EQ(ReasonIn(child, "2026-01"), DecreaseReason::kEntitlementEnded);
  // A policy without an upper age (BTXH-5.5c, from 80 on) never ages out.
  PersonFacts elderly = Facts("1940-01-01");
  elderly.entitlements.push_back(
      {9, Entitlement{"BTXH-5.5c", Month("2024-01"), std::nullopt, "1/QĐ", std::nullopt}});
  EXPECT_EQ(ReasonIn(elderly, "2026-09"), DecreaseReason::kOther);
}

// A disabled orphan: BTXH-5.1 stops at 16, BTXH-5.6-N goes on (1.5 from 16).
PersonFacts DisabledOrphan() {
  PersonFacts child = Child();
  child.entitlements.push_back(
      {72, Entitlement{"BTXH-5.6-N", Month("2024-01"), std::nullopt, "13/QĐ-UBND", std::nullopt}});
  return child;
}

std::optional<DecreaseReason> PartialIn(const PersonFacts& person, const char* period,
                                        const char* previous) {
  return PartialDecreaseReasonOf(person, ShippedRates(), Month(period), Month(previous));
}

TEST(PayrollDecreaseTest, OneOfTwoEntitlementsAgingOutIsAPartialDecrease) {
  const PersonFacts child = DisabledOrphan();
  EXPECT_EQ(ReasonIn(child, "2026-09"), DecreaseReason::kOther);  // still paid
  EXPECT_EQ(PartialIn(child, "2026-09", "2026-08"), DecreaseReason::kAgedOut);
  EXPECT_EQ(PartialIn(child, "2026-08", "2026-07"), std::nullopt);  // both pay
  EXPECT_EQ(PartialIn(child, "2026-10", "2026-09"), std::nullopt);  // already gone
}

TEST(PayrollDecreaseTest, OneOfTwoDecisionsEndingIsAPartialDecrease) {
  PersonFacts child = DisabledOrphan();
  child.entitlements[1].entitlement.end = Month("2025-12");
  EXPECT_EQ(PartialIn(child, "2026-01", "2025-12"), DecreaseReason::kEntitlementEnded);
  EXPECT_EQ(PartialIn(child, "2026-01", "2025-11"), DecreaseReason::kEntitlementEnded);
}

TEST(PayrollDecreaseTest, ALowerBandIsNoStoppedEntitlement) {
  // BTXH-5.1 pays 2.5 under 4 and 1.5 from 4: less, but nothing stopped.
  PersonFacts toddler = Facts("2022-08-15");
  toddler.entitlements.push_back(
      {73, Entitlement{"BTXH-5.1", Month("2024-01"), std::nullopt, "14/QĐ", std::nullopt}});
  EXPECT_EQ(PartialIn(toddler, "2026-09", "2026-08"), std::nullopt);
}

}  // namespace
}  // namespace ansinh::core
