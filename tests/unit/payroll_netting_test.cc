// NetRecoveries on hand-made lines: the order in which recoveries are netted,
// the split between RECOVERY lines and receivables, and its guards.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/payroll.h"
#include "unit/error_expectations.h"
#include "unit/payroll_test_support.h"

namespace ansinh::core {
namespace {

using test::Dong;
using test::Month;

ComputedLine Line(LineKind kind, std::int64_t entitlement_id, const char* month,
                  std::int64_t amount) {
  return ComputedLine{1, "P1", entitlement_id, "BTXH-5.4", kind, Month(month), Dong(amount), {}};
}

std::vector<std::string> Lines(const CycleComputation& out) {
  std::vector<std::string> text;
  for (const ComputedLine& line : out.lines) {
    text.push_back(std::string(LineKindCode(line.kind)) + " " +
                   std::to_string(line.entitlement_id) + " " + line.for_period.ToString() + " " +
                   line.amount.ToString());
  }
  return text;
}

std::vector<std::string> Receivables(const CycleComputation& out) {
  std::vector<std::string> text;
  for (const RecoveryReceivable& r : out.receivables) {
    text.push_back(std::to_string(r.entitlement_id) + " " + r.for_period.ToString() + " " +
                   r.amount.ToString());
  }
  return text;
}

TEST(PayrollNettingTest, OldestMonthFirstThenLowestEntitlement) {
  CycleComputation out;
  out.lines = {Line(LineKind::kRegular, 1, "2024-10", 500'000),
               Line(LineKind::kRecovery, 2, "2024-08", -300'000),
               Line(LineKind::kRecovery, 1, "2024-09", -300'000),
               Line(LineKind::kRecovery, 1, "2024-08", -300'000)};
  ASSERT_TRUE(NetRecoveries(out, 0, 0));
  EXPECT_EQ(Lines(out),
            (std::vector<std::string>{"REGULAR 1 2024-10 500000", "RECOVERY 2 2024-08 -200000",
                                      "RECOVERY 1 2024-08 -300000"}));
  EXPECT_EQ(Receivables(out), (std::vector<std::string>{"1 2024-09 300000", "2 2024-08 100000"}));
}

TEST(PayrollNettingTest, EnoughPaymentNetsEverything) {
  CycleComputation out;
  out.lines = {Line(LineKind::kRecovery, 1, "2024-08", -300'000),
               Line(LineKind::kArrears, 1, "2024-09", 300'000)};
  ASSERT_TRUE(NetRecoveries(out, 0, 0));
  EXPECT_EQ(out.lines.size(), 2u);
  EXPECT_TRUE(out.receivables.empty());
}

TEST(PayrollNettingTest, NothingToNetAgainstBecomesReceivableOnly) {
  CycleComputation out;
  out.lines = {Line(LineKind::kRecovery, 1, "2024-08", -300'000)};
  ASSERT_TRUE(NetRecoveries(out, 0, 0));
  EXPECT_TRUE(out.lines.empty());
  EXPECT_EQ(Receivables(out), (std::vector<std::string>{"1 2024-08 300000"}));
}

TEST(PayrollNettingTest, OnlyTouchesThisPersonsPart) {
  CycleComputation out;
  out.lines = {Line(LineKind::kRegular, 7, "2024-10", 900'000),  // someone before
               Line(LineKind::kRecovery, 1, "2024-08", -300'000)};
  out.receivables = {RecoveryReceivable{9, "P9", 9, Month("2024-01"), Dong(5)}};
  ASSERT_TRUE(NetRecoveries(out, 1, 1));
  EXPECT_EQ(Lines(out), (std::vector<std::string>{"REGULAR 7 2024-10 900000"}));
  EXPECT_EQ(Receivables(out), (std::vector<std::string>{"9 2024-01 5", "1 2024-08 300000"}));
}

TEST(PayrollNettingTest, GuardsTheSigns) {
  CycleComputation out;
  out.lines = {Line(LineKind::kRecovery, 1, "2024-08", 300'000)};
  test::ExpectError(NetRecoveries(out, 0, 0), "payroll.netting_invariant", ErrorKind::kInternal);
  out.lines = {Line(LineKind::kRegular, 1, "2024-08", -1)};
  test::ExpectError(NetRecoveries(out, 0, 0), "payroll.netting_invariant", ErrorKind::kInternal);
}

}  // namespace
}  // namespace ansinh::core
