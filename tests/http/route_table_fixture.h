// An in-process fixture over the real route table: the Router from
// BuildRouter on a real initialised SQLite database holding two beneficiaries
// (one inside every scoped test user's area, one outside all of them), one
// user per role, and sessions inserted directly (no password hashing per
// request). Used by the authorization matrix and the bad-input catalogue.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/api_token_service.h"
#include "app/auth_secrets.h"
#include "app/user_service.h"
#include "core/permission.h"
#include "core/role.h"
#include "http/routes.h"
#include "http/test_server.h"
#include "store/database.h"
#include "store/session_store.h"

namespace ansinh::http::route_fixture {

using testing::RunAnsinh;
using testing::Workspace;

constexpr const char* kPassword = "một cụm từ đủ dài cho ma trận quyền";

// Beneficiary A lives in commune 15517 (district 395, province 38, Thanh Hóa);
// B in commune 00004 (district 001, province 01, Hà Nội). Every scoped user
// below works where A lives, so B is outside each one's scope.
constexpr const char* kInScopeCode = "BTXH-15517-0000002";
constexpr const char* kOutOfScopeCode = "BTXH-00004-0000009";
constexpr const char* kMissingCode = "BTXH-99999-0000000";
constexpr const char* kInScopeBatch = "202409-15517-P-VNPOST-C-1";
constexpr const char* kOutOfScopeBatch = "202409-00004-P-VNPOST-C-1";

struct ParamValues {
  std::string in_scope;
  std::string out_of_scope;  // empty: the parameter names nothing scoped
  std::string missing;
};

// How to fill each path parameter. A route with a parameter missing here
// fails the suite until a fixture is added.
inline const std::map<std::string, ParamValues>& ParamTable() {
  static const std::map<std::string, ParamValues> table = {
      {"code", {kInScopeCode, kOutOfScopeCode, kMissingCode}},
      {"unit", {"15517", "00004", "99999"}},
      {"period", {"2024-09", "", ""}},
      // VNPOST's cash batches of the two offices (PrepareBatches); the token
      // of the provider operator speaks for VNPOST in district 395.
      {"batch_id", {kInScopeBatch, kOutOfScopeBatch, "202409-99999-P-VNPOST-C-1"}},
  };
  return table;
}

inline const char* kImportCsv =
    "ma_doi_tuong,ho_ten,ngay_sinh,gioi_tinh,so_dinh_danh,so_dien_thoai,ma_xa,dia_chi,nhom,"
    "ma_che_do,so_tien,thang_bat_dau,da_chi_den_thang,hinh_thuc,nguoi_nhan,nguoi_nhan_ho_ten,"
    "nguoi_nhan_so_dinh_danh,nguoi_nhan_quan_he,ma_ngan_hang,so_tai_khoan,ten_chu_tai_khoan,"
    "dien_thoai_thong_minh,truong_hop_dac_biet,so_quyet_dinh\n"
    "BTXH-15517-0000002,Nguyễn Văn Nam,18/11/1932,Nam,038032174486,0339657655,15517,"
    "\"Thôn 13, Xã Xuân Hòa\",BTXH,BTXH-5.5c,,09/2021,08/2024,TIEN_MAT,BAN_THAN,,,,,,,C,K,"
    "4787/QĐ-UBND\n"
    "BTXH-00004-0000009,Trương Đình Trung,21/05/1943,Nam,001043013552,,00004,"
    "\"Phường Trúc Bạch\",BTXH,BTXH-5.5c,,02/2024,08/2024,TIEN_MAT,BAN_THAN,,,,,,,K,K,"
    "2134/QĐ-UBND\n";

// The unit each role's test user works in (all contain beneficiary A).
inline std::optional<std::string> UnitOf(core::Role role) {
  switch (role) {
    case core::Role::kCommuneOfficer:
    case core::Role::kPoliceVerifier:
      return "15517";
    case core::Role::kDistrictOfficer:
    case core::Role::kProviderOperator:
    case core::Role::kTreasuryOfficer:
      return "395";
    case core::Role::kProvinceOfficer:
      return "38";
    default:
      return std::nullopt;  // auditor, admin: national
  }
}

class RouteTableTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = std::make_unique<Workspace>();
    ASSERT_TRUE(workspace_->initialised) << workspace_->init_stderr;
    // TOTP enrolment seals seeds with the server key: keep it in the workspace.
    ::setenv("ANSINH_KEY_FILE", (workspace_->root / "server.key").c_str(), 1);
    const auto csv = workspace_->root / "matrix.csv";
    std::ofstream(csv) << kImportCsv;
    const auto imported = RunAnsinh({"import", "--db", workspace_->db_url, "beneficiaries",
                                     csv.string(), "--edition", "pre2025"});
    ASSERT_EQ(imported.exit_code, 0) << imported.stderr_text;
    // A draft payroll cycle of the in-scope office and period, prepared by
    // someone who is none of the role users, so that a payroll route in
    // scope has a cycle to act on and approving it is not self-approval.
    const auto prepared = RunAnsinh({"payroll", "--db", workspace_->db_url, "run", "--period",
                                     "2024-09", "--unit", "15517", "--edition", "pre2025", "--as",
                                     "mt.preparer"});
    ASSERT_EQ(prepared.exit_code, 0) << prepared.stderr_text << prepared.stdout_text;
    ASSERT_NO_FATAL_FAILURE(PrepareBatches());
    auto url = store::ParseDatabaseUrl(workspace_->db_url);
    ASSERT_TRUE(url);
    auto database = store::OpenDatabase(*url);
    ASSERT_TRUE(database);
    database_ = std::move(*database);
    for (const core::Role role : core::kAllRoles) {
      if (role == core::Role::kProviderOperator) {
        // A provider operator reaches the partner API through a token tied to
        // its provider code; the session below acts as its service account.
        app::NewApiToken token{"mt.provider_operator", role, UnitOf(role), "pre2025", {},
                               std::nullopt, "VNPOST"};
        auto created = app::CreateApiToken(*database_, token, app::CliActor(),
                                           app::NowUnixSeconds());
        ASSERT_TRUE(created) << created.error().message;
        users_[role] = created->record.user_id;
        continue;
      }
      app::NewUser user{std::string("mt.") + core::RoleName(role),
                        role,
                        UnitOf(role),
                        std::string("pre2025"),
                        {},
                        kPassword,
                        false};
      if (!UnitOf(role)) user.unit_edition.reset();
      auto added = app::AddUser(*database_, user, app::CliActor());
      ASSERT_TRUE(added) << core::RoleName(role) << ": " << added.error().message;
      users_[role] = added->id;
    }
    router_ = std::make_unique<Router>(BuildRouter(*database_));
  }

  // Approves the draft of the in-scope office and opens VNPOST's cash batch
  // there (kInScopeBatch), then the same for the office outside every
  // scope (kOutOfScopeBatch).
  static void PrepareBatches() {
    for (const char* unit : {"15517", "00004"}) {
      const std::string u(unit);
      const std::vector<std::vector<std::string>> steps = {
          {"payroll", "--db", workspace_->db_url, "run", "--period", "2024-09", "--unit", u,
           "--edition", "pre2025", "--as", "mt.preparer"},
          {"payroll", "--db", workspace_->db_url, "approve", "--period", "2024-09", "--unit", u,
           "--edition", "pre2025", "--as", "mt.approver"},
          {"disburse", "--db", workspace_->db_url, "route", "set", "--unit", u, "--edition",
           "pre2025", "--group", "BTXH", "--route", "PROVIDER", "--provider", "VNPOST",
           "--contract", "HD-" + u, "--account", "3713.0.1", "--fee-fixed", "2000"},
          {"disburse", "--db", workspace_->db_url, "export", "--period", "2024-09", "--unit", u,
           "--edition", "pre2025", "--format", "csv", "--out",
           (workspace_->root / ("batches-" + u)).string()},
      };
      for (const auto& step : steps) {
        if (u == "15517" && step[3] == "run") continue;  // prepared above
        const auto done = RunAnsinh(step);
        ASSERT_EQ(done.exit_code, 0) << step[3] << " " << u << ": " << done.stderr_text
                                     << done.stdout_text;
      }
    }
  }

  static void TearDownTestSuite() {
    router_.reset();
    database_.reset();
    workspace_.reset();
    ::unsetenv("ANSINH_KEY_FILE");
  }

  // A fresh session for the role (a route such as logout may end the last one).
  static std::pair<std::string, std::string> NewSession(core::Role role, bool second_factor) {
    const std::string token = app::RandomToken();
    const std::string csrf = app::RandomToken();
    auto session = database_->Acquire();
    EXPECT_TRUE(session);
    const std::int64_t now_s = app::NowUnixSeconds();
    EXPECT_TRUE(store::MakeSessionStore(**session)->Insert(store::SessionRecord{
        app::HashToken(token), users_.at(role), csrf, now_s, now_s, second_factor, "127.0.0.1"}));
    return {token, csrf};
  }

  // The path of a route pattern with its parameters filled; none when a
  // parameter is not in the table (the caller fails).
  static std::optional<std::vector<std::string>> Fill(const std::string& pattern,
                                                      const std::string ParamValues::*which,
                                                      std::string* unknown) {
    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= pattern.size()) {
      const std::size_t end = std::min(pattern.find('/', start), pattern.size());
      std::string segment = pattern.substr(start, end - start);
      if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
        const auto found = ParamTable().find(segment.substr(1, segment.size() - 2));
        if (found == ParamTable().end()) {
          *unknown = segment;
          return std::nullopt;
        }
        const std::string& value = found->second.*which;
        segment = value.empty() ? found->second.in_scope : value;
      }
      segments.push_back(std::move(segment));
      start = end + 1;
    }
    return segments;
  }

  static bool HasScopedParam(const std::string& pattern) {
    for (const auto& [name, values] : ParamTable()) {
      if (!values.out_of_scope.empty() && pattern.find("{" + name + "}") != std::string::npos) {
        return true;
      }
    }
    return false;
  }

  // A request as a browser with the role's session would send it; a
  // state-changing one carries the CSRF token and, unless body is given, "{}".
  static Response Send(const Router::RouteInfo& route, const std::vector<std::string>& segments,
                       std::optional<core::Role> role, bool second_factor = true,
                       const std::optional<std::string>& body = std::nullopt,
                       const std::string& content_type = "application/json") {
    Request request;
    request.method = route.method;
    for (const auto& segment : segments) request.path += "/" + segment;
    request.path_segments = segments;
    request.remote_address = "127.0.0.1";
    request.request_id = "matrix";
    if (role) {
      const auto [token, csrf] = NewSession(*role, second_factor);
      request.headers.emplace_back("cookie", "ansinh_session=" + token);
      request.headers.emplace_back("x-csrf-token", csrf);
    }
    if (route.method != Method::kGet && route.method != Method::kHead) {
      request.headers.emplace_back("content-type", content_type);
      request.body = body.value_or("{}");
    }
    auto response = router_->Dispatch(request);
    EXPECT_TRUE(response) << request.path << " matched no route";
    return response ? *response : Response{};
  }

  static std::string ErrorCode(const Response& response) {
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    return body.is_object() && body.contains("error") ? body["error"].value("code", "") : "";
  }

  static bool Allowed(const AccessRule& rule, core::Role role) {
    return rule.kind != AccessRule::Kind::kPermission ||
           core::RoleHasPermission(role, rule.permission);
  }

  inline static std::unique_ptr<Workspace> workspace_;
  inline static std::unique_ptr<store::Database> database_;
  inline static std::unique_ptr<Router> router_;
  inline static std::map<core::Role, std::int64_t> users_;
};

inline std::string NameOf(const Router::RouteInfo& route) {
  return std::string(MethodName(route.method)) + " " + route.pattern;
}

}  // namespace ansinh::http::route_fixture
