// Helpers of the register API's black-box tests: users of the 2025 map, a
// small register imported with the CLI before the server starts, login, and
// requests that carry the session cookie and CSRF token.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/test_server.h"
#include "store/database.h"
#include "store/sql_session.h"

namespace ansinh::http::testing {

inline constexpr const char* kApiPassword = "một cụm từ đủ dài cho kiểm thử";

// Phường Ba Đình (00004) and Phường Ngọc Hà (00008) are communes of Hà Nội
// (01) in the 2025 map; 01273 is in Cao Bằng.
inline constexpr const char* kBaDinh = "00004";
inline constexpr const char* kNgocHa = "00008";
inline constexpr const char* kCaoBang = "01273";

// `ansinh user add` in the given map (the 2025 one unless told); an empty
// unit for national roles. On failure `error` holds the CLI's message.
inline bool AddUser(const std::string& db_url, const std::string& username, const std::string& role,
                    const std::string& unit, std::string& error,
                    const std::string& edition = "2025") {
  std::vector<std::string> arguments{"user", "--db", db_url, "add", "--username", username,
                                     "--role", role, "--password-stdin"};
  if (!unit.empty()) {
    for (const char* extra : {"--unit", unit.c_str(), "--edition", edition.c_str()}) {
      arguments.push_back(extra);
    }
  }
  const ProcessResult added = RunAnsinhWithInput(arguments, std::string(kApiPassword) + "\n");
  error = added.stderr_text;
  return added.exit_code == 0;
}

using Cells = std::map<std::string, std::string>;

// An import file (DESIGN.md §4): each row overrides a valid BTXH cash row.
inline std::string ImportFile(const std::vector<Cells>& rows) {
  static const std::vector<std::string> keys = {
      "ma_doi_tuong", "ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh", "so_dien_thoai",
      "ma_xa", "dia_chi", "nhom", "ma_che_do", "so_tien", "thang_bat_dau", "hinh_thuc",
      "nguoi_nhan", "nguoi_nhan_ho_ten", "nguoi_nhan_so_dinh_danh", "nguoi_nhan_quan_he",
      "ma_ngan_hang", "so_tai_khoan", "ten_chu_tai_khoan", "truong_hop_dac_biet"};
  const Cells base = {{"ho_ten", "Nguyễn Văn An"}, {"ngay_sinh", "07/03/1950"},
                      {"gioi_tinh", "Nam"}, {"so_dinh_danh", "001050123456"},
                      {"so_dien_thoai", "0912345678"}, {"ma_xa", kBaDinh},
                      {"dia_chi", "Số 1 phố Đội Cấn"}, {"nhom", "BTXH"}, {"ma_che_do", "BTXH-5.1"},
                      {"thang_bat_dau", "01/2024"}, {"hinh_thuc", "TIEN_MAT"},
                      {"nguoi_nhan", "BAN_THAN"}, {"truong_hop_dac_biet", "K"}};
  std::string csv;
  for (std::size_t i = 0; i < keys.size(); ++i) csv += (i ? "," : "") + keys[i];
  csv += "\r\n";
  for (const Cells& overrides : rows) {
    Cells cells = base;
    for (const auto& [key, value] : overrides) cells[key] = value;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const auto found = cells.find(keys[i]);
      csv += (i ? "," : "") + (found == cells.end() ? std::string() : found->second);
    }
    csv += "\r\n";
  }
  return csv;
}

inline Cells BankAccount(const std::string& account, const std::string& holder) {
  return {{"hinh_thuc", "TAI_KHOAN"}, {"ma_ngan_hang", "970436"}, {"so_tai_khoan", account},
          {"ten_chu_tai_khoan", holder}};
}

inline Cells Merge(Cells a, const Cells& b) {
  a.insert(b.begin(), b.end());
  return a;
}

// `ansinh import beneficiaries` of `csv` into the workspace's database.
inline bool ImportWithCli(const Workspace& workspace, const std::string& csv, std::string& error) {
  const std::string file = (workspace.root / "register.csv").string();
  {
    std::FILE* out = std::fopen(file.c_str(), "wb");
    if (out == nullptr) return false;
    std::fwrite(csv.data(), 1, csv.size(), out);
    std::fclose(out);
  }
  const ProcessResult imported =
      RunAnsinh({"import", "--db", workspace.db_url, "beneficiaries", file});
  error = imported.stderr_text + imported.stdout_text;
  return imported.exit_code == 0;
}

// A logged-in user: the cookie and CSRF headers every request sends.
struct ApiSession {
  std::uint16_t port = 0;
  std::string headers;  // "Cookie: ...\r\nX-CSRF-Token: ...\r\n"

  HttpReply Get(const std::string& target) const { return Request(port, "GET", target, headers); }
  HttpReply SendJson(const std::string& method, const std::string& target,
                     const std::string& body, const std::string& extra = "") const {
    return Request(port, method, target,
                   headers + "Content-Type: application/json\r\n" + extra, body);
  }
  HttpReply Upload(const std::string& target, const std::string& content_type,
                   const std::string& body, const std::string& extra = "") const {
    return Request(port, "POST", target, headers + "Content-Type: " + content_type + "\r\n" + extra,
                   body);
  }
};

inline ApiSession LoginAs(std::uint16_t port, const std::string& username) {
  const HttpReply login =
      Request(port, "POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
              nlohmann::json{{"username", username}, {"password", kApiPassword}}.dump());
  ApiSession session{port, ""};
  const auto cookie = login.headers.find("set-cookie");
  const auto body = nlohmann::json::parse(login.body, nullptr, false);
  if (login.status != 200 || cookie == login.headers.end() || !body.is_object()) return session;
  session.headers = "Cookie: " + cookie->second.substr(0, cookie->second.find(';')) +
                    "\r\nX-CSRF-Token: " + body.value("csrf_token", "") + "\r\n";
  return session;
}

inline nlohmann::json Json(const HttpReply& reply) {
  return nlohmann::json::parse(reply.body, nullptr, false);
}

inline std::string ErrorCodeOf(const HttpReply& reply) { return ErrorCode(reply); }

// One audit-log entry as the tests look at it.
struct AuditRow {
  std::string action, outcome, actor, source_address, request_id, object_id;
};

// Every audit entry with `action`, read from the server's database beside it
// (SQLite in WAL mode lets a reader in while the server writes).
inline std::vector<AuditRow> AuditEntries(const std::string& db_url, const std::string& action) {
  std::vector<AuditRow> entries;
  auto url = store::ParseDatabaseUrl(db_url);
  if (!url) return entries;
  auto database = store::OpenDatabase(*url);
  if (!database) return entries;
  auto session = (*database)->Acquire();
  if (!session) return entries;
  auto rows = (*session)->Query(
      "SELECT action, outcome, actor, source_address, request_id, object_id FROM audit_log"
      " WHERE action = ?1 ORDER BY seq",
      {store::SqlText(action)});
  if (!rows) return entries;
  for (std::size_t r = 0; r < rows->size(); ++r) {
    entries.push_back({rows->Text(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                       rows->Text(r, 4), rows->Text(r, 5)});
  }
  return entries;
}

// The after_json of every audit entry with `action`, oldest first.
inline std::vector<nlohmann::json> AuditDetails(const std::string& db_url,
                                                const std::string& action) {
  std::vector<nlohmann::json> details;
  auto url = store::ParseDatabaseUrl(db_url);
  if (!url) return details;
  auto database = store::OpenDatabase(*url);
  if (!database) return details;
  auto session = (*database)->Acquire();
  if (!session) return details;
  auto rows = (*session)->Query("SELECT after_json FROM audit_log WHERE action = ?1 ORDER BY seq",
                                {store::SqlText(action)});
  if (!rows) return details;
  for (std::size_t r = 0; r < rows->size(); ++r) {
    details.push_back(nlohmann::json::parse(rows->Text(r, 0), nullptr, false));
  }
  return details;
}

// A count of rows of a table of the server's database.
inline long long CountRows(const std::string& db_url, const std::string& table) {
  auto url = store::ParseDatabaseUrl(db_url);
  if (!url) return -1;
  auto database = store::OpenDatabase(*url);
  if (!database) return -1;
  auto session = (*database)->Acquire();
  if (!session) return -1;
  auto rows = (*session)->Query("SELECT COUNT(*) FROM " + table);
  return rows ? rows->Int64(0, 0) : -1;
}

}  // namespace ansinh::http::testing
