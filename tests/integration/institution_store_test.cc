// Banks and mobile-money providers by BIN.
#include <gtest/gtest.h>

#include "integration/test_database.h"
#include "store/institution_store.h"
#include "store/migrations.h"

namespace ansinh::store {
namespace {

using core::PaymentInstitutionKind;

class InstitutionStoreTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(ApplyMigrations(database(), testing_support::SourceMigrationsRoot()));
  }

  const std::vector<formats::InstitutionRecord> records_ = {
      {{"970436", "VCB", "Vietcombank", "Ngân hàng TMCP Ngoại Thương Việt Nam",
        PaymentInstitutionKind::kBank},
       "BFTVVNVX"},
      {{"971005", "VTLMONEY", "ViettelMoney", "Tổng Công ty Dịch vụ số Viettel",
        PaymentInstitutionKind::kMobileMoney},
       ""},
  };
};

TEST_P(InstitutionStoreTest, StoresAndFindsByBin) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto store = MakeInstitutionStore(**session);
  auto inserted = store->Insert(records_);
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_EQ(*inserted, 2);
  auto wallet = store->FindByBin("971005");
  ASSERT_TRUE(wallet && *wallet);
  EXPECT_EQ((*wallet)->institution.kind, PaymentInstitutionKind::kMobileMoney);
  EXPECT_EQ((*wallet)->institution.full_name, "Tổng Công ty Dịch vụ số Viettel");
  EXPECT_EQ((*wallet)->swift_code, "");
  auto bank = store->FindByBin("970436");
  ASSERT_TRUE(bank && *bank);
  EXPECT_EQ((*bank)->swift_code, "BFTVVNVX");
  EXPECT_EQ(store->Count(PaymentInstitutionKind::kBank).value(), 1);
  EXPECT_EQ(store->Count(PaymentInstitutionKind::kMobileMoney).value(), 1);
}

TEST_P(InstitutionStoreTest, RepeatedInsertKeepsTheFirstRow) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto store = MakeInstitutionStore(**session);
  ASSERT_TRUE(store->Insert(records_));
  auto again = store->Insert(records_);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
  auto all = store->List();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->front().institution.bin, "970436");
}

TEST_P(InstitutionStoreTest, UnknownBinIsEmpty) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto found = MakeInstitutionStore(**session)->FindByBin("000000");
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->has_value());
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(InstitutionStoreTest);

}  // namespace
}  // namespace ansinh::store
