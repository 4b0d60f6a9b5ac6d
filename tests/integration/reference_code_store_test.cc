// CCCD province codes and mobile prefixes.
#include <gtest/gtest.h>

#include "integration/test_database.h"
#include "store/migrations.h"
#include "store/reference_code_store.h"

namespace ansinh::store {
namespace {

class ReferenceCodeStoreTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(ApplyMigrations(database(), testing_support::SourceMigrationsRoot()));
  }
};

TEST_P(ReferenceCodeStoreTest, StoresAndListsCodesInOrder) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto store = MakeReferenceCodeStore(**session);
  auto provinces = store->InsertCitizenIdProvinces(
      {{"096", "96", "Tỉnh Cà Mau"}, {"001", "01", "Thành phố Hà Nội"}});
  ASSERT_TRUE(provinces) << provinces.error().message;
  EXPECT_EQ(*provinces, 2);
  auto prefixes = store->InsertMobilePrefixes({{"032", "Viettel", "0162", "verified"}});
  ASSERT_TRUE(prefixes) << prefixes.error().message;
  auto listed = store->ListCitizenIdProvinces();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ(listed->front().cccd_code, "001");
  EXPECT_EQ(listed->front().province_name, "Thành phố Hà Nội");
  auto listed_prefixes = store->ListMobilePrefixes();
  ASSERT_TRUE(listed_prefixes);
  ASSERT_EQ(listed_prefixes->size(), 1u);
  EXPECT_EQ(listed_prefixes->front().carrier, "Viettel");
  EXPECT_EQ(store->InsertMobilePrefixes({{"032", "Viettel", "0162", "verified"}}).value(), 0);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(ReferenceCodeStoreTest);

}  // namespace
}  // namespace ansinh::store
