// A database on both stores with the schema and the shipped reference data,
// a session on it, and a fixed clock, for the register's tests.
#pragma once

#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/init_service.h"
#include "app/registry_service.h"
#include "integration/test_database.h"

namespace ansinh::testing_support {

class RegistryTest : public BackendTest {
 protected:
  bool StartsInitialised() const override { return true; }

  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ::setenv("ANSINH_MIGRATIONS_DIR", SourceMigrationsRoot().c_str(), 1);
    auto codes = app::LoadReferenceCodesFromDatabase(database());
    ASSERT_TRUE(codes) << codes.error().message;
    codes_ = std::move(*codes);
    auto lease = database().Acquire();
    ASSERT_TRUE(lease) << lease.error().message;
    lease_.emplace(std::move(*lease));
  }
  void TearDown() override {
    lease_.reset();
    ::unsetenv("ANSINH_MIGRATIONS_DIR");
    BackendTest::TearDown();
  }

  store::SqlSession& session() { return **lease_; }
  const core::ReferenceCodes& codes() const { return codes_; }

  // 15 September 2024, 08:00 UTC plus `days`: before the 2025 map.
  static std::chrono::system_clock::time_point Day(int days = 0) {
    return std::chrono::system_clock::from_time_t(1'726'387'200) + std::chrono::hours(24 * days);
  }
  static app::ChangeContext By(const std::string& actor, int days = 0) {
    return app::ChangeContext{actor, Day(days), ""};
  }

  std::int64_t Count(const std::string& table) {
    auto rows = session().Query("SELECT COUNT(*) FROM " + table);
    return rows ? rows->Int64(0, 0) : -1;
  }

 private:
  core::ReferenceCodes codes_;
  std::optional<store::SessionLease> lease_;
};

// One CSV import row as column key → cell, on top of a valid BTXH row.
using ImportCells = std::map<std::string, std::string>;

inline const std::vector<std::string>& ImportColumns() {
  static const std::vector<std::string> keys = {
      "ma_doi_tuong", "ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh", "so_dien_thoai",
      "ma_xa", "dia_chi", "nhom", "ma_che_do", "so_tien", "thang_bat_dau", "da_chi_den_thang",
      "hinh_thuc", "nguoi_nhan", "nguoi_nhan_ho_ten", "nguoi_nhan_so_dinh_danh",
      "nguoi_nhan_quan_he", "ma_ngan_hang", "so_tai_khoan", "ten_chu_tai_khoan",
      "dien_thoai_thong_minh", "truong_hop_dac_biet"};
  return keys;
}

inline std::string ImportCsv(const std::vector<ImportCells>& rows) {
  const ImportCells base = {
      {"ma_doi_tuong", "BT001"}, {"ho_ten", "Nguyễn Văn An"}, {"ngay_sinh", "07/03/1950"},
      {"gioi_tinh", "Nam"}, {"so_dinh_danh", "001050123456"}, {"so_dien_thoai", "0912345678"},
      {"ma_xa", "00001"}, {"dia_chi", "Thôn Đông"}, {"nhom", "BTXH"}, {"ma_che_do", "BTXH-5.1"},
      {"thang_bat_dau", "01/2024"}, {"hinh_thuc", "TIEN_MAT"}, {"nguoi_nhan", "BAN_THAN"},
      {"truong_hop_dac_biet", "K"}};
  std::string csv;
  for (std::size_t i = 0; i < ImportColumns().size(); ++i) csv += (i ? "," : "") + ImportColumns()[i];
  csv += "\r\n";
  for (const ImportCells& overrides : rows) {
    ImportCells cells = base;
    for (const auto& [key, value] : overrides) cells[key] = value;
    for (std::size_t i = 0; i < ImportColumns().size(); ++i) {
      const auto found = cells.find(ImportColumns()[i]);
      csv += (i ? "," : "") + (found == cells.end() ? std::string() : found->second);
    }
    csv += "\r\n";
  }
  return csv;
}

}  // namespace ansinh::testing_support
