// core::PlanBatches: lines grouped by batch key, a person's recoveries netted
// against their positive lines oldest first, totals equal to the lines; and
// the stable batch ids.
#include "core/batch_plan.h"

#include <gtest/gtest.h>

#include "unit/error_expectations.h"

namespace ansinh::core {
namespace {

TEST(BatchPlanTest, LinesGoToTheBatchOfTheirKeyInOrder) {
  auto batches = PlanBatches(
      {{"L1", 1, 500'000, "P|BANK"}, {"L2", 2, 750'000, "P|CASH"}, {"L3", 3, 360'000, "P|BANK"}});
  ASSERT_TRUE(batches);
  ASSERT_EQ(batches->size(), 2u);
  EXPECT_EQ((*batches)[0].batch_key, "P|BANK");
  ASSERT_EQ((*batches)[0].items.size(), 2u);
  EXPECT_EQ((*batches)[0].items[1].line_id, "L3");
  EXPECT_EQ((*batches)[0].total_vnd, 860'000);
  EXPECT_EQ((*batches)[0].transfer_count, 2);
  EXPECT_EQ((*batches)[1].total_vnd, 750'000);
}

TEST(BatchPlanTest, RecoveriesAreNettedAgainstThePersonsLinesInOrder) {
  // late_death_report (docs/payroll.md §4): a one-off of 1,000,000 and
  // recoveries of 750,000 and 250,000 leave nothing to transfer; another
  // person's regular line is untouched.
  auto batches = PlanBatches({{"O1", 7, 1'000'000, "K"},
                              {"T8", 7, -750'000, "K"},
                              {"T9", 7, -250'000, "K"},
                              {"R1", 8, 500'000, "K"}});
  ASSERT_TRUE(batches);
  const PlannedBatch& batch = batches->front();
  EXPECT_EQ(batch.items[0].transfer_vnd, 0);
  EXPECT_EQ(batch.items[1].transfer_vnd, 0);
  EXPECT_EQ(batch.items[2].transfer_vnd, 0);
  EXPECT_EQ(batch.items[3].transfer_vnd, 500'000);
  EXPECT_EQ(batch.transfer_count, 1);
  EXPECT_EQ(batch.total_vnd, 500'000);

  auto partial =
      PlanBatches({{"A7", 7, 300'000, "K"}, {"R9", 7, 750'000, "K"}, {"T8", 7, -500'000, "K"}});
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->front().items[0].transfer_vnd, 0);  // the older line first
  EXPECT_EQ(partial->front().items[1].transfer_vnd, 550'000);
  EXPECT_EQ(partial->front().total_vnd, 550'000);  // Σ lines
}

TEST(BatchPlanTest, APersonBelowZeroInABatchIsRefused) {
  test::ExpectError(PlanBatches({{"R1", 7, 100'000, "K"}, {"T1", 7, -200'000, "K"}}),
                    "batch.person_negative");
}

TEST(BatchPlanTest, BatchIdsAreStableAndFitIso20022) {
  auto id = BatchId("2026-11", "38", 'P', "VNPOST", 'B', 1);
  ASSERT_TRUE(id);
  EXPECT_EQ(*id, "202611-38-P-VNPOST-B-1");
  test::ExpectError(BatchId("2026-11", "38", 'P', "AVERYLONGPROVIDERCODE", 'B', 1),
                    "batch.id_too_long");
}

}  // namespace
}  // namespace ansinh::core
