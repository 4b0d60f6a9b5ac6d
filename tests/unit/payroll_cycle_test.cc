// ComputePersonCycle beyond the scenario table: determinism, the two ledger
// shapes, appending into a shared buffer, one-offs, options and error details.
#include <gtest/gtest.h>

#include <vector>

#include "core/payroll.h"
#include "unit/error_expectations.h"
#include "unit/payroll_test_support.h"

namespace ansinh::core {
namespace {

using test::Day;
using test::Dong;
using test::ExpectError;
using test::Month;
using test::ShippedRates;

// Arrears (back-dated second entitlement), a recovery (overpaid month) and a
// one-off, so every kind and the netting are exercised.
PersonFacts BusyPerson() {
  PersonFacts person{42,
                     "BTXH-38001-0000042",
                     BeneficiaryGroup::kBtxh,
                     Day("1944-11-20"),
                     std::nullopt,
                     {},
                     Month("2024-06"),
                     {}};
  person.entitlements.push_back(
      EntitlementFacts{9, Entitlement{"BTXH-5.5a", Month("2020-01"), std::nullopt, "QĐ 9", {}}});
  person.entitlements.push_back(
      EntitlementFacts{4, Entitlement{"BTXH-5.4", Month("2024-08"), std::nullopt, "QĐ 4", {}}});
  return person;
}

PaidLedger BusyLedger() {
  return PaidLedger{{PaidKey{9, Month("2024-07")}, Dong(750'000)},
                    {PaidKey{9, Month("2024-08")}, Dong(900'000)},
                    {PaidKey{9, Month("2024-09")}, Dong(750'000)}};
}

std::vector<OneOffPayment> BusyOneOffs() {
  return {OneOffPayment{42, "QĐ-B", "ho_tro", Dong(200'000)},
          OneOffPayment{7, "QĐ-X", "mai_tang", Dong(9'000'000)},  // someone else's
          OneOffPayment{42, "QĐ-A", "ho_tro", Dong(100'000)}};
}

void ExpectSameLines(const CycleComputation& a, const CycleComputation& b) {
  ASSERT_EQ(a.lines.size(), b.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    const ComputedLine& x = a.lines[i];
    const ComputedLine& y = b.lines[i];
    EXPECT_EQ(std::tie(x.beneficiary_id, x.beneficiary_code, x.entitlement_id, x.policy_code,
                       x.kind, x.for_period, x.amount, x.decision_number),
              std::tie(y.beneficiary_id, y.beneficiary_code, y.entitlement_id, y.policy_code,
                       y.kind, y.for_period, y.amount, y.decision_number))
        << "line " << i;
  }
  ASSERT_EQ(a.receivables.size(), b.receivables.size());
  for (std::size_t i = 0; i < a.receivables.size(); ++i) {
    const RecoveryReceivable& x = a.receivables[i];
    const RecoveryReceivable& y = b.receivables[i];
    EXPECT_EQ(
        std::tie(x.beneficiary_id, x.beneficiary_code, x.entitlement_id, x.for_period, x.amount),
        std::tie(y.beneficiary_id, y.beneficiary_code, y.entitlement_id, y.for_period, y.amount));
  }
}

TEST(PayrollCycleTest, TheBusyPersonsLines) {
  auto result = ComputePersonCycle(BusyPerson(), ShippedRates(), BusyLedger(), BusyOneOffs(),
                                   CycleOptions{Month("2024-10"), 60});
  ASSERT_TRUE(result) << result.error().message;
  std::vector<std::string> lines;
  for (const ComputedLine& line : result->lines) {
    lines.push_back(std::string(LineKindCode(line.kind)) + " " +
                    std::to_string(line.entitlement_id) + " " + line.for_period.ToString() + " " +
                    line.amount.ToString() + " " + line.decision_number);
  }
  EXPECT_EQ(lines,
            (std::vector<std::string>{"ONE_OFF 0 2024-10 100000 QĐ-A",
                                      "ONE_OFF 0 2024-10 200000 QĐ-B", "REGULAR 4 2024-10 500000 ",
                                      "ARREARS 4 2024-08 500000 ", "ARREARS 4 2024-09 500000 ",
                                      "REGULAR 9 2024-10 750000 ", "RECOVERY 9 2024-08 -150000 "}));
  EXPECT_TRUE(result->receivables.empty());
  EXPECT_EQ(result->lines[2].policy_code, "BTXH-5.4");
  EXPECT_EQ(result->lines[2].beneficiary_code, "BTXH-38001-0000042");
}

TEST(PayrollCycleTest, SameInputsGiveIdenticalLines) {
  const CycleOptions options{Month("2024-10"), 60};
  auto first =
      ComputePersonCycle(BusyPerson(), ShippedRates(), BusyLedger(), BusyOneOffs(), options);
  PersonFacts reordered = BusyPerson();
  std::swap(reordered.entitlements[0], reordered.entitlements[1]);
  std::vector<OneOffPayment> one_offs = BusyOneOffs();
  std::swap(one_offs[0], one_offs[2]);
  auto second = ComputePersonCycle(reordered, ShippedRates(), BusyLedger(), one_offs, options);
  ASSERT_TRUE(first && second);
  ExpectSameLines(*first, *second);
}

TEST(PayrollCycleTest, FlatLedgerGivesTheSameLinesAsTheMap) {
  std::vector<PaidEntry> flat;
  for (const auto& [key, amount] : BusyLedger()) {
    flat.push_back(PaidEntry{std::get<0>(key), std::get<1>(key), amount});
  }
  const std::vector<OneOffPayment> one_offs = BusyOneOffs();
  const CycleOptions options{Month("2024-10"), 60};
  auto from_map = ComputePersonCycle(BusyPerson(), ShippedRates(), BusyLedger(), one_offs, options);
  auto from_span =
      ComputePersonCycle(BusyPerson(), ShippedRates(), std::span<const PaidEntry>(flat),
                         std::span<const OneOffPayment>(one_offs), options);
  ASSERT_TRUE(from_map && from_span);
  ExpectSameLines(*from_map, *from_span);
}

TEST(PayrollCycleTest, AppendKeepsWhatIsThereAndUndoesAFailure) {
  CycleComputation out;
  const CycleOptions options{Month("2024-10"), 60};
  ASSERT_TRUE(
      AppendPersonCycle(BusyPerson(), ShippedRates(), BusyLedger(), BusyOneOffs(), options, out));
  const std::size_t lines = out.lines.size();
  PersonFacts broken = BusyPerson();
  broken.beneficiary_id = 43;
  broken.beneficiary_code = "BTXH-BROKEN";
  broken.entitlements.push_back(
      EntitlementFacts{11, Entitlement{"NO-SUCH", Month("2024-01"), std::nullopt, "QĐ", {}}});
  auto status = AppendPersonCycle(broken, ShippedRates(), BusyLedger(), {}, options, out);
  ExpectError(status, "payroll.policy_unknown");
  EXPECT_EQ(out.lines.size(), lines);
  // The error names person, policy and month, in the message and the details.
  const Error& error = status.error();
  EXPECT_NE(error.message.find("BTXH-BROKEN"), std::string::npos);
  EXPECT_NE(error.message.find("NO-SUCH"), std::string::npos);
  EXPECT_NE(error.message.find("2024-10"), std::string::npos);
  std::vector<std::string> fields;
  for (const ErrorDetail& detail : error.details)
    fields.push_back(detail.field + "=" + detail.message);
  EXPECT_EQ(fields, (std::vector<std::string>{"policy_code=NO-SUCH", "period=2024-10",
                                              "beneficiary_code=BTXH-BROKEN"}));
}

TEST(PayrollCycleTest, RejectsBadOneOffsAndOptions) {
  std::vector<OneOffPayment> zero{OneOffPayment{42, "QĐ-0", "ho_tro", Dong(0)}};
  ExpectError(ComputePersonCycle(BusyPerson(), ShippedRates(), PaidLedger{}, zero,
                                 CycleOptions{Month("2024-10"), 60}),
              "payroll.one_off_invalid");
  ExpectError(ComputePersonCycle(BusyPerson(), ShippedRates(), PaidLedger{}, {},
                                 CycleOptions{Month("2024-10"), -1}),
              "payroll.lookback_invalid");
  ExpectError(
      ComputePersonCycle(BusyPerson(), ShippedRates(), PaidLedger{}, {},
                         CycleOptions{Month("2024-10"), CycleOptions::kMaxLookbackMonths + 1}),
      "payroll.lookback_invalid");
}

TEST(PayrollCycleTest, LedgerEntriesOutsideTheWindowAreIgnored) {
  // Up to paid_through, before the lookback, the period itself and later.
  PaidLedger paid{{PaidKey{9, Month("2024-06")}, Dong(1)},
                  {PaidKey{9, Month("2024-10")}, Dong(1)},
                  {PaidKey{9, Month("2024-11")}, Dong(1)},
                  {PaidKey{4, Month("2024-09")}, Dong(500'000)}};
  PersonFacts person = BusyPerson();
  person.entitlements.pop_back();  // only entitlement 9
  auto result =
      ComputePersonCycle(person, ShippedRates(), paid, {}, CycleOptions{Month("2024-10"), 60});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->lines.size(), 4u);
  EXPECT_EQ(result->lines[0].kind, LineKind::kRegular);
  for (std::size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(result->lines[i].kind, LineKind::kArrears);
    EXPECT_EQ(result->lines[i].amount.dong(), 750'000);  // 07, 08, 09 unpaid; 1 đồng nowhere
  }
}

}  // namespace
}  // namespace ansinh::core
