// When a person accrues at all, and the entitlement window.
#include "core/payroll_accrual.h"

#include <gtest/gtest.h>

#include "unit/payroll_test_support.h"
#include "unit/test_table.h"

namespace ansinh::core {
namespace {

using test::Day;
using test::Month;
using test::ReadTable;
using test::RowName;
using test::TableRow;

class PayrollAccrualTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(PayrollAccrualTable, StopsAndSuspends) {
  const TableRow& row = GetParam();
  PersonFacts person{1, "X", BeneficiaryGroup::kBtxh, Day("1950"), std::nullopt, {}, std::nullopt,
                     {}};
  if (!row.at(0).empty()) {
    person.termination =
        Termination{TerminationReason::kDeath, Day("2024-07-20"), std::nullopt, Month(row.at(0))};
  }
  if (!row.at(1).empty()) {
    std::optional<Period> until;
    if (!row.at(2).empty()) until = Month(row.at(2));
    person.suspensions.push_back(SuspensionSpan{Month(row.at(1)), until, row.at(3) == "Y"});
  }
  EXPECT_EQ(AccruesIn(person, Month(row.at(4))), row.at(5) == "Y");
}

INSTANTIATE_TEST_SUITE_P(Cases, PayrollAccrualTable,
                         ::testing::ValuesIn(ReadTable("payroll_accrual.csv")), RowName());

TEST(PayrollAccrualTest, EntitlementWindowIsInclusive) {
  Entitlement closed{"BTXH-5.4", Month("2024-03"), Month("2024-05"), "QĐ", {}};
  EXPECT_FALSE(EntitlementActiveIn(closed, Month("2024-02")));
  EXPECT_TRUE(EntitlementActiveIn(closed, Month("2024-03")));
  EXPECT_TRUE(EntitlementActiveIn(closed, Month("2024-05")));
  EXPECT_FALSE(EntitlementActiveIn(closed, Month("2024-06")));
  Entitlement open{"BTXH-5.4", Month("2024-03"), std::nullopt, "QĐ", {}};
  EXPECT_TRUE(EntitlementActiveIn(open, Month("2199-12")));
}

}  // namespace
}  // namespace ansinh::core
