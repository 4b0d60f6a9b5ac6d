// Admin units of both editions and successor links, on a small hand-made map.
#include <gtest/gtest.h>

#include "integration/test_database.h"
#include "store/admin_unit_store.h"
#include "store/migrations.h"

namespace ansinh::store {
namespace {

using formats::AdminUnitRecord;
using formats::SuccessorLinkRecord;
using formats::TransferKind;

AdminUnitRecord Old(AdminLevel level, std::string code, std::string name, std::string parent) {
  return {AdminEdition::kPre2025, level, std::move(code), std::move(name), "x",
          std::move(parent), std::nullopt, std::string(formats::kPre2025ValidTo)};
}

AdminUnitRecord New(AdminLevel level, std::string code, std::string name, std::string parent) {
  return {AdminEdition::k2025, level, std::move(code), std::move(name), "x", std::move(parent),
          std::string(formats::k2025ValidFrom), std::nullopt};
}

class AdminUnitStoreTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(ApplyMigrations(database(), testing_support::SourceMigrationsRoot()));
    auto lease = database().Acquire();
    ASSERT_TRUE(lease);
    lease_ = std::make_unique<SessionLease>(std::move(*lease));
    store_ = MakeAdminUnitStore(**lease_);
    auto inserted = store_->InsertUnits(units_);
    ASSERT_TRUE(inserted) << inserted.error().message;
    ASSERT_EQ(*inserted, 7);
  }
  void TearDown() override {
    store_.reset();
    lease_.reset();
    BackendTest::TearDown();
  }

  std::vector<AdminUnitRecord> units_ = {
      Old(AdminLevel::kProvince, "01", "Thành phố Hà Nội", ""),
      Old(AdminLevel::kDistrict, "001", "Quận Ba Đình", "01"),
      Old(AdminLevel::kCommune, "00004", "Phường Trúc Bạch", "001"),
      Old(AdminLevel::kCommune, "00016", "Phường Ngọc Hà", "001"),
      New(AdminLevel::kProvince, "01", "Thành phố Hà Nội", ""),
      New(AdminLevel::kCommune, "00004", "Phường Ba Đình", "01"),
      New(AdminLevel::kCommune, "00008", "Phường Ngọc Hà", "01"),
  };
  std::unique_ptr<SessionLease> lease_;
  std::unique_ptr<AdminUnitStore> store_;
};

TEST_P(AdminUnitStoreTest, SameCodeInBothEditionsAreDifferentUnits) {
  auto old_unit = store_->Find(AdminEdition::kPre2025, AdminLevel::kCommune, "00004");
  auto new_unit = store_->Find(AdminEdition::k2025, AdminLevel::kCommune, "00004");
  ASSERT_TRUE(old_unit && *old_unit);
  ASSERT_TRUE(new_unit && *new_unit);
  EXPECT_NE((*old_unit)->id, (*new_unit)->id);
  EXPECT_EQ((*old_unit)->name, "Phường Trúc Bạch");
  EXPECT_EQ((*new_unit)->name, "Phường Ba Đình");
  EXPECT_EQ((*old_unit)->valid_to, "2025-06-30");
  EXPECT_EQ((*old_unit)->valid_from, std::nullopt);
  EXPECT_EQ((*new_unit)->valid_from, "2025-07-01");
}

TEST_P(AdminUnitStoreTest, ParentsAreLinkedWithinTheEdition) {
  auto district = store_->Find(AdminEdition::kPre2025, AdminLevel::kDistrict, "001");
  ASSERT_TRUE(district && *district);
  auto children = store_->Children((*district)->id);
  ASSERT_TRUE(children);
  ASSERT_EQ(children->size(), 2u);
  EXPECT_EQ((*children)[0].code, "00004");
  auto new_province = store_->Find(AdminEdition::k2025, AdminLevel::kProvince, "01");
  ASSERT_TRUE(new_province && *new_province);
  auto new_children = store_->Children((*new_province)->id);
  ASSERT_TRUE(new_children);
  EXPECT_EQ(new_children->size(), 2u);
  EXPECT_EQ(new_children->front().edition, AdminEdition::k2025);
}

TEST_P(AdminUnitStoreTest, SuccessorLinksKeepTheTransferKind) {
  const std::vector<SuccessorLinkRecord> links = {
      {AdminLevel::kCommune, "00004", "00004", TransferKind::kWhole, "Nhập toàn bộ"},
      {AdminLevel::kCommune, "00016", "00004", TransferKind::kPartial, "Nhập một phần"},
      {AdminLevel::kCommune, "00016", "00008", TransferKind::kPartial, "Nhập một phần"},
      {AdminLevel::kProvince, "01", "01", TransferKind::kWhole, "Nhập toàn bộ"},
  };
  auto inserted = store_->InsertSuccessorLinks(links);
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_EQ(*inserted, 4);
  auto old_unit = store_->Find(AdminEdition::kPre2025, AdminLevel::kCommune, "00016");
  ASSERT_TRUE(old_unit && *old_unit);
  auto successors = store_->Successors((*old_unit)->id);
  ASSERT_TRUE(successors);
  ASSERT_EQ(successors->size(), 2u);
  EXPECT_EQ((*successors)[0].unit.code, "00004");
  EXPECT_EQ((*successors)[0].unit.edition, AdminEdition::k2025);
  EXPECT_EQ((*successors)[0].transfer, TransferKind::kPartial);
  EXPECT_EQ(store_->CountSuccessorLinks(AdminLevel::kCommune).value(), 3);
  EXPECT_EQ(store_->CountSuccessorLinks(AdminLevel::kProvince).value(), 1);
  EXPECT_EQ(store_->InsertSuccessorLinks(links).value(), 0);
}

TEST_P(AdminUnitStoreTest, InsertingAgainChangesNothing) {
  auto again = store_->InsertUnits(units_);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(store_->CountUnits(AdminEdition::kPre2025, AdminLevel::kCommune).value(), 2);
  EXPECT_EQ(store_->CountUnits(AdminEdition::k2025, AdminLevel::kProvince).value(), 1);
}

TEST_P(AdminUnitStoreTest, LinkToAnUnknownUnitFails) {
  auto inserted = store_->InsertSuccessorLinks(
      {{AdminLevel::kCommune, "99999", "00004", TransferKind::kWhole, ""}});
  ASSERT_FALSE(inserted);
}

TEST_P(AdminUnitStoreTest, MissingUnitIsEmptyNotAnError) {
  auto unit = store_->Find(AdminEdition::k2025, AdminLevel::kCommune, "99999");
  ASSERT_TRUE(unit);
  EXPECT_FALSE(unit->has_value());
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(AdminUnitStoreTest);

}  // namespace
}  // namespace ansinh::store
