// Masking of personal data in API answers: by key, at any depth, whatever
// the shape of the stored snapshot.
#include "http/pii_mask.h"

#include <gtest/gtest.h>

namespace ansinh::http {
namespace {

TEST(PiiMaskTest, MaskTailKeepsTheLastFourCharacters) {
  EXPECT_EQ(MaskTail("001150123457"), "********3457");
  EXPECT_EQ(MaskTail("1234"), "****");
  EXPECT_EQ(MaskTail(""), "");
  EXPECT_EQ(MaskTail("ĐĐĐĐĐ"),
            "*Đ"
            "ĐĐĐ");
}

TEST(PiiMaskTest, SnapshotOfTheStoredShapeIsMasked) {
  nlohmann::json snapshot = {
      {"beneficiary",
       {{"citizen_id", "001150123457"}, {"phone", "0912345678"}, {"full_name", "An"}}},
      {"representative", {{"citizen_id", "001085123404"}, {"phone", nullptr}}},
      {"payment_method", {{"account_number", "0123456701"}, {"holder_name", "NGUYEN VAN AN"}}}};
  MaskSnapshot(snapshot);
  EXPECT_EQ(snapshot["beneficiary"]["citizen_id"], "********3457");
  EXPECT_EQ(snapshot["beneficiary"]["phone"], "******5678");
  EXPECT_EQ(snapshot["beneficiary"]["full_name"], "An");
  EXPECT_EQ(snapshot["representative"]["citizen_id"], "********3404");
  EXPECT_TRUE(snapshot["representative"]["phone"].is_null());
  EXPECT_EQ(snapshot["payment_method"]["account_number"], "******6701");
  EXPECT_EQ(snapshot["payment_method"]["holder_name"], "NGUYEN VAN AN");
}

TEST(PiiMaskTest, OtherShapesAreMaskedByKeyAtAnyDepth) {
  nlohmann::json entry = {
      {"rows",
       {{{"so_dinh_danh", "001150123457"}, {"so_tai_khoan", "0123456701"}},
        {{"nguoi_nhan_so_dinh_danh", "001085123404"}, {"so_dien_thoai", "0912345678"}}}},
      {"nested", {{"deeper", {{"account_number", 123456789012}}}}},
      {"citizen_id_note", "001150123457 is not a key we know"}};
  MaskPersonalData(entry);
  EXPECT_EQ(entry["rows"][0]["so_dinh_danh"], "********3457");
  EXPECT_EQ(entry["rows"][0]["so_tai_khoan"], "******6701");
  EXPECT_EQ(entry["rows"][1]["nguoi_nhan_so_dinh_danh"], "********3404");
  EXPECT_EQ(entry["rows"][1]["so_dien_thoai"], "******5678");
  EXPECT_EQ(entry["nested"]["deeper"]["account_number"], "********9012");
  EXPECT_EQ(entry["citizen_id_note"], "001150123457 is not a key we know");
}

TEST(PiiMaskTest, DeeperThanTheLimitIsDropped) {
  nlohmann::json deep = {{"citizen_id", "001150123457"}};
  for (int i = 0; i < kMaxMaskDepth + 2; ++i) deep = nlohmann::json{{"x", deep}};
  MaskPersonalData(deep);
  EXPECT_EQ(deep.dump().find("001150123457"), std::string::npos);
}

}  // namespace
}  // namespace ansinh::http
