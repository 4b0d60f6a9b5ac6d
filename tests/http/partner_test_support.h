// What the partner API and deadline tests share: three people paid in cash
// in commune 15517 (district 395, Thanh Hóa, pre-2025 map), their September
// 2024 cycle approved and opened as VNPOST's cash batch, API tokens created
// with the real CLI, and a bearer request helper.
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/registry_api_support.h"
#include "http/test_server.h"

namespace ansinh::http::testing {

inline constexpr const char* kPartnerBatch = "202409-15517-P-VNPOST-C-1";

inline constexpr const char* kPartnerRegister =
    "ma_doi_tuong,ho_ten,ngay_sinh,gioi_tinh,so_dinh_danh,so_dien_thoai,ma_xa,dia_chi,nhom,"
    "ma_che_do,so_tien,thang_bat_dau,da_chi_den_thang,hinh_thuc,nguoi_nhan,nguoi_nhan_ho_ten,"
    "nguoi_nhan_so_dinh_danh,nguoi_nhan_quan_he,ma_ngan_hang,so_tai_khoan,ten_chu_tai_khoan,"
    "dien_thoai_thong_minh,truong_hop_dac_biet,so_quyet_dinh\n"
    "BTXH-15517-0000011,Nguyễn Văn Nam,18/11/1932,Nam,038032174411,0339657611,15517,"
    "\"Thôn 1, Xã Xuân Hòa\",BTXH,BTXH-5.5c,,09/2021,08/2024,TIEN_MAT,BAN_THAN,,,,,,,C,K,"
    "4711/QĐ-UBND\n"
    "BTXH-15517-0000012,Lê Thị Hoa,02/01/1935,Nữ,038135174412,0339657612,15517,"
    "\"Thôn 2, Xã Xuân Hòa\",BTXH,BTXH-5.5c,,09/2021,08/2024,TIEN_MAT,BAN_THAN,,,,,,,C,K,"
    "4712/QĐ-UBND\n"
    "BTXH-15517-0000013,Phạm Văn Bình,10/10/1930,Nam,038030174413,0339657613,15517,"
    "\"Thôn 3, Xã Xuân Hòa\",BTXH,BTXH-5.5c,,09/2021,08/2024,TIEN_MAT,BAN_THAN,,,,,,,C,K,"
    "4713/QĐ-UBND\n";

// The register imported, the cycle run and approved, VNPOST's route set and
// the batch opened, each with the real CLI.
inline bool PrepareVnpostCashBatch(const Workspace& workspace, std::string& error) {
  const std::string file = (workspace.root / "partner.csv").string();
  std::ofstream(file) << kPartnerRegister;
  const std::string& db = workspace.db_url;
  const std::vector<std::vector<std::string>> steps = {
      {"import", "--db", db, "beneficiaries", file, "--edition", "pre2025"},
      {"payroll", "--db", db, "run", "--period", "2024-09", "--unit", "15517", "--edition",
       "pre2025", "--as", "lap.bieu"},
      {"payroll", "--db", db, "approve", "--period", "2024-09", "--unit", "15517", "--edition",
       "pre2025", "--as", "truong.phong"},
      {"disburse", "--db", db, "route", "set", "--unit", "15517", "--edition", "pre2025",
       "--group", "BTXH", "--route", "PROVIDER", "--provider", "VNPOST", "--provider-name",
       "Bưu điện Thanh Hóa", "--contract", "12/2024/HĐ", "--account", "3713.0.1055555",
       "--fee-fixed", "2000"},
      {"disburse", "--db", db, "export", "--period", "2024-09", "--unit", "15517", "--edition",
       "pre2025", "--format", "csv", "--out", (workspace.root / "exported").string()},
  };
  for (const auto& step : steps) {
    const ProcessResult done = RunAnsinh(step);
    if (done.exit_code != 0) {
      error = step[0] + " " + step[3] + ": " + done.stderr_text + done.stdout_text;
      return false;
    }
  }
  return true;
}

// `ansinh token create` for a provider operator of district 395; the token
// printed once, or "" (and the reason in error).
inline std::string CreatePartnerToken(const std::string& db_url, const std::string& name,
                                      const std::string& provider, std::string& error) {
  std::vector<std::string> arguments{"token",  "--db",   db_url,       "create", "--name", name,
                                     "--role", "provider_operator",    "--unit", "395",
                                     "--edition", "pre2025"};
  if (!provider.empty()) {
    arguments.push_back("--provider");
    arguments.push_back(provider);
  }
  const ProcessResult created = RunAnsinh(arguments);
  const auto summary = nlohmann::json::parse(created.stdout_text, nullptr, false);
  if (created.exit_code != 0 || !summary.is_object()) {
    error = created.stderr_text + created.stdout_text;
    return "";
  }
  return summary.value("token", "");
}

inline HttpReply BearerGet(std::uint16_t port, const std::string& token,
                           const std::string& target) {
  return Request(port, "GET", target, "Authorization: Bearer " + token + "\r\n");
}

inline HttpReply BearerPost(std::uint16_t port, const std::string& token,
                            const std::string& target, const std::string& body) {
  return Request(port, "POST", target,
                 "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n",
                 body);
}

}  // namespace ansinh::http::testing
