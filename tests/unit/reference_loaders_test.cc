// The loaders on the shipped data: counts, the conversion file's quirks, and
// the institution merge.
#include <algorithm>

#include <gtest/gtest.h>

#include "formats/reference_data.h"

namespace ansinh::formats {
namespace {

const std::filesystem::path kReferenceData = ANSINH_REFERENCE_DATA_DIR;

long CountLevel(const AdminUnitSet& set, AdminLevel level) {
  return std::count_if(set.units.begin(), set.units.end(),
                       [level](const AdminUnitRecord& u) { return u.level == level; });
}

class ReferenceLoadersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto data = LoadReferenceData(kReferenceData);
    ASSERT_TRUE(data) << data.error().message;
    data_ = new ReferenceData(std::move(*data));
  }
  static void TearDownTestSuite() { delete data_; }
  static ReferenceData* data_;
};

ReferenceData* ReferenceLoadersTest::data_ = nullptr;

TEST_F(ReferenceLoadersTest, OldMapHasThreeLevels) {
  EXPECT_EQ(CountLevel(data_->pre2025, AdminLevel::kProvince), 63);
  EXPECT_EQ(CountLevel(data_->pre2025, AdminLevel::kDistrict), 696);
  EXPECT_EQ(CountLevel(data_->pre2025, AdminLevel::kCommune), 10'051);
  EXPECT_EQ(data_->pre2025.districts_without_communes, 5);
  const auto& first = data_->pre2025.units.front();
  EXPECT_EQ(first.division_type, "thành phố trung ương");
  EXPECT_EQ(first.valid_to, "2025-06-30");
}

TEST_F(ReferenceLoadersTest, NewMapHasTwoLevels) {
  EXPECT_EQ(CountLevel(data_->post2025, AdminLevel::kProvince), 34);
  EXPECT_EQ(CountLevel(data_->post2025, AdminLevel::kCommune), 3'321);
  EXPECT_EQ(CountLevel(data_->post2025, AdminLevel::kDistrict), 0);
  const auto special = std::count_if(
      data_->post2025.units.begin(), data_->post2025.units.end(),
      [](const AdminUnitRecord& u) { return u.division_type == "đặc khu"; });
  EXPECT_EQ(special, 13);
}

TEST_F(ReferenceLoadersTest, ConversionCountsWhatCannotBeLinked) {
  const auto& conversion = data_->conversion;
  EXPECT_EQ(conversion.province_heading_rows, 34);
  EXPECT_EQ(conversion.unlinked.size(), 17u);
  const auto no_old = std::count_if(conversion.unlinked.begin(), conversion.unlinked.end(),
                                    [](const auto& u) { return u.reason == "no_old_code"; });
  EXPECT_EQ(no_old, 6);
  const auto communes = std::count_if(conversion.links.begin(), conversion.links.end(),
                                      [](const auto& l) { return l.level == AdminLevel::kCommune; });
  EXPECT_EQ(communes, 10'554);
  EXPECT_EQ(conversion.links.size() - static_cast<std::size_t>(communes), 63u);
  EXPECT_GT(conversion.province_label_slips, 0);
}

TEST_F(ReferenceLoadersTest, NotesBecomeTransferKinds) {
  const auto& links = data_->conversion.links;
  const auto first = std::find_if(links.begin(), links.end(),
                                  [](const auto& l) { return l.old_code == "00016"; });
  ASSERT_NE(first, links.end());
  EXPECT_EQ(first->transfer, TransferKind::kPartial);
  EXPECT_EQ(first->note, "Nhập một phần");
  EXPECT_EQ(links.front().transfer, TransferKind::kWhole);
}

TEST_F(ReferenceLoadersTest, InstitutionsAreMergedByBin) {
  const auto& institutions = data_->institutions;
  EXPECT_EQ(institutions.size(), 66u);
  const auto find = [&](const char* bin) {
    return std::find_if(institutions.begin(), institutions.end(),
                        [bin](const auto& r) { return r.institution.bin == bin; });
  };
  ASSERT_NE(find("971005"), institutions.end());
  EXPECT_EQ(find("971005")->institution.kind, core::PaymentInstitutionKind::kMobileMoney);
  EXPECT_EQ(find("971011")->institution.code, "VNPTMONEY");
  EXPECT_EQ(find("971025")->institution.code, "MOMO");
  EXPECT_EQ(find("999888")->institution.kind, core::PaymentInstitutionKind::kBank);
}

TEST_F(ReferenceLoadersTest, RatesKeepExactCoefficients) {
  EXPECT_EQ(data_->policy_rates.size(), 220u);
  EXPECT_EQ(data_->policy_rates.front().coefficient, "2.5");
  EXPECT_EQ(data_->policy_rates.front().age_to_years, 4);
  EXPECT_EQ(data_->standard_levels.size(), 4u);
  EXPECT_EQ(data_->standard_levels.back().amount_vnd, 2'789'000);
}

TEST(ReferenceCodesTest, LoadsCodeListsForTheCore) {
  auto codes = LoadReferenceCodes(kReferenceData);
  ASSERT_TRUE(codes) << codes.error().message;
  EXPECT_EQ(codes->citizen_id_province_codes.size(), 63u);
  EXPECT_TRUE(codes->citizen_id_province_codes.count("001"));
  EXPECT_EQ(codes->mobile_prefixes.at("032").carrier, "Viettel");
  EXPECT_TRUE(codes->institutions.count("970436"));
}

TEST(ReferenceCodesTest, MissingDirectoryIsNotFound) {
  auto codes = LoadReferenceCodes("/nonexistent-ansinh-data");
  ASSERT_FALSE(codes);
  EXPECT_EQ(codes.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace ansinh::formats
