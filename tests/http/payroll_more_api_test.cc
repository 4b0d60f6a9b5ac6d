// Black-box: the rest of a paying office's cycle over HTTP against the real
// server (http/payroll_office_routes.h): release of a HELD line to cash, a
// one-off payment with its decision number, the recovery receivables and the
// cash per pay point — each in scope, out of scope (404 exactly as a missing
// office), for a role without the permission (403), without the CSRF token
// (403) and replayed with an Idempotency-Key — and the decrease reasons of
// the changes list ("chet", "het_tuoi_huong").
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/registry_api_support.h"
#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

// District 001 (pre-2025 map), commune 00004, paid by the previous system
// through August 2024: M1 cash; M2 cash, dies on 10 August 2024 but is
// reported only after September was approved (a receivable); M3 with an
// account number too short to be one (HELD); M4 a child of BTXH-5.1 who turns
// 16 in September 2024 (aged out from October). M5 lives in district 395.
constexpr const char* kMoreRegister =
    "ma_doi_tuong,ho_ten,ngay_sinh,gioi_tinh,so_dinh_danh,so_dien_thoai,ma_xa,dia_chi,nhom,"
    "ma_che_do,so_tien,thang_bat_dau,da_chi_den_thang,hinh_thuc,nguoi_nhan,nguoi_nhan_ho_ten,"
    "nguoi_nhan_so_dinh_danh,nguoi_nhan_quan_he,ma_ngan_hang,so_tai_khoan,ten_chu_tai_khoan,"
    "dien_thoai_thong_minh,truong_hop_dac_biet,so_quyet_dinh\n"
    "BTXH-00004-0000011,Trương Đình Trung,21/05/1932,Nam,001032013551,,00004,"
    "\"Phường Trúc Bạch\",BTXH,BTXH-5.5c,,02/2024,08/2024,TIEN_MAT,BAN_THAN,,,,,,,K,K,"
    "2134/QĐ-UBND\n"
    "BTXH-00004-0000012,Lê Thị Hoa,02/01/1935,Nữ,001135013552,,00004,"
    "\"Phường Trúc Bạch\",BTXH,BTXH-5.5c,,02/2024,08/2024,TIEN_MAT,BAN_THAN,,,,,,,K,K,"
    "2135/QĐ-UBND\n"
    "BTXH-00004-0000013,Phạm Văn Bình,10/10/1930,Nam,001030013553,,00004,"
    "\"Phường Trúc Bạch\",BTXH,BTXH-5.5c,,02/2024,08/2024,TAI_KHOAN,BAN_THAN,,,,970436,12,"
    "PHAM VAN BINH,K,K,2136/QĐ-UBND\n"
    "BTXH-00004-0000014,Đỗ Minh Khôi,15/09/2008,Nam,001208013554,,00004,"
    "\"Phường Trúc Bạch\",BTXH,BTXH-5.1,,02/2024,08/2024,TIEN_MAT,BAN_THAN,,,,,,,K,K,"
    "2137/QĐ-UBND\n"
    "BTXH-15517-0000015,Nguyễn Văn Nam,18/11/1932,Nam,038032174486,,15517,"
    "\"Thôn 13, Xã Xuân Hòa\",BTXH,BTXH-5.5c,,02/2024,08/2024,TIEN_MAT,BAN_THAN,,,,,,,K,K,"
    "4787/QĐ-UBND\n";

constexpr const char* kDies = "BTXH-00004-0000012";
constexpr const char* kHeld = "BTXH-00004-0000013";
constexpr const char* kChild = "BTXH-00004-0000014";
constexpr const char* kElsewhere = "BTXH-15517-0000015";

std::string Office(const std::string& unit, const std::string& period, const std::string& tail) {
  return "/api/v1/payroll/" + unit + "/" + period + tail;
}

bool Cli(const std::vector<std::string>& arguments, std::string& error) {
  const ProcessResult done = RunAnsinh(arguments);
  if (done.exit_code == 0) return true;
  error = done.stderr_text + done.stdout_text;
  return false;
}

class PayrollMoreApiTest : public SharedServerTest<PayrollMoreApiTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    ::setenv("ANSINH_KEY_FILE", (workspace.root / "server.key").c_str(), 1);
    const std::string file = (workspace.root / "more.csv").string();
    std::ofstream(file) << kMoreRegister;
    const std::string& db = workspace.db_url;
    if (!Cli({"import", "--db", db, "beneficiaries", file, "--edition", "pre2025"}, error)) {
      return false;
    }
    const std::vector<std::vector<std::string>> users = {{"huyen01", "district_officer", "001"},
                                                         {"huyen395", "district_officer", "395"},
                                                         {"tinh01", "province_officer", "01"},
                                                         {"xa00004", "commune_officer", "00004"},
                                                         {"kiemtoan", "auditor", ""}};
    for (const auto& u : users) {
      if (!AddUser(db, u[0], u[1], u[2], error, "pre2025")) {
        error = u[0] + ": " + error;
        return false;
      }
    }
    // September approved by the CLI (maker-checker), then the late death
    // report, then October's draft.
    const std::vector<std::string> office{"--unit", "001", "--edition", "pre2025"};
    auto payroll = [&](const char* action, const char* period, const char* as) {
      std::vector<std::string> arguments{"payroll", "--db", db, action, "--period", period};
      arguments.insert(arguments.end(), office.begin(), office.end());
      arguments.insert(arguments.end(), {"--as", as});
      return Cli(arguments, error);
    };
    return payroll("run", "2024-09", "lapbang") && payroll("approve", "2024-09", "duyet") &&
           Cli({"beneficiary", "--db", db, "terminate", "--code", kDies, "--reason", "death",
                "--date", "10/08/2024"},
               error) &&
           payroll("run", "2024-10", "lapbang");
  }

 protected:
  static ApiSession As(const std::string& username) { return LoginAs(server_->port(), username); }

  static std::string NoCsrf(const ApiSession& session) {
    return session.headers.substr(0, session.headers.find("X-CSRF-Token"));
  }

  // The line ids of a person in a cycle, as `show` lists them.
  static std::vector<nlohmann::json> LinesOf(const std::string& period, const std::string& code) {
    std::vector<nlohmann::json> out;
    const auto cycle = Json(As("huyen01").Get(Office("001", period, "")));
    for (const auto& line : cycle["lines"]) {
      if (line["beneficiary_code"] == code) out.push_back(line);
    }
    return out;
  }
};

TEST_F(PayrollMoreApiTest, AHeldLineIsReleasedToCashOnceAndAudited) {
  const auto held = LinesOf("2024-10", kHeld);
  ASSERT_EQ(held.size(), 1u);
  ASSERT_EQ(held[0]["status"], "held");
  const std::string line_id = held[0]["line_id"];
  const std::string body = nlohmann::json{{"line_id", line_id}}.dump();
  const ApiSession officer = As("huyen01");

  // Refused before anything happens: no CSRF token, a role without
  // payroll.prepare, an office outside the caller's district.
  const HttpReply no_csrf = Request(server_->port(), "POST", Office("001", "2024-10", "/release"),
                                    NoCsrf(officer) + "Content-Type: application/json\r\n", body);
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(ErrorCode(no_csrf), "auth.csrf_invalid");
  const HttpReply province =
      As("tinh01").SendJson("POST", Office("001", "2024-10", "/release"), body);
  EXPECT_EQ(province.status, 403);
  EXPECT_EQ(ErrorCode(province), "auth.forbidden");
  const ApiSession elsewhere = As("huyen395");
  const HttpReply outside = elsewhere.SendJson("POST", Office("001", "2024-10", "/release"), body);
  const HttpReply missing =
      elsewhere.SendJson("POST", Office("99999", "2024-10", "/release"), body);
  EXPECT_EQ(outside.status, 404) << outside.body;
  EXPECT_EQ(ErrorCode(outside), ErrorCode(missing));
  // A line of another cycle of the office is not a line of this one.
  const auto september = LinesOf("2024-09", kHeld);
  ASSERT_EQ(september.size(), 1u);
  const HttpReply other_cycle =
      officer.SendJson("POST", Office("001", "2024-10", "/release"),
                       nlohmann::json{{"line_id", september[0]["line_id"]}}.dump());
  EXPECT_EQ(other_cycle.status, 404);
  EXPECT_EQ(ErrorCode(other_cycle), "payroll.line_not_found");
  EXPECT_EQ(officer.SendJson("POST", Office("001", "2024-10", "/release"), "{}").status, 400);
  EXPECT_EQ(LinesOf("2024-10", kHeld)[0]["status"], "held");

  const std::string key = "Idempotency-Key: giai-toa-" + line_id + "\r\n";
  const HttpReply released =
      officer.SendJson("POST", Office("001", "2024-10", "/release"), body, key);
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(Json(released)["channel"], "CASH_PAYPOINT");
  EXPECT_EQ(Json(released)["status"], "pending");
  const HttpReply replay =
      officer.SendJson("POST", Office("001", "2024-10", "/release"), body, key);
  EXPECT_EQ(replay.status, 200);
  EXPECT_EQ(replay.body, released.body);
  EXPECT_EQ(replay.headers.count("idempotency-replayed"), 1u);
  const HttpReply again = officer.SendJson("POST", Office("001", "2024-10", "/release"), body);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCode(again), "payroll.line_not_held");

  EXPECT_EQ(LinesOf("2024-10", kHeld)[0]["channel"], "CASH_PAYPOINT");
  const auto entries = AuditEntries(workspace_->db_url, "payroll.release_to_cash");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].actor, "huyen01");
  EXPECT_EQ(entries[0].object_id, line_id);
  EXPECT_EQ(entries[0].request_id, released.headers.at("x-request-id"));
}

TEST_F(PayrollMoreApiTest, AOneOffPaymentIsEnteredWithItsDecisionAndPaid) {
  const ApiSession officer = As("huyen01");
  const std::string body = nlohmann::json{
      {"beneficiary_code", "BTXH-00004-0000011"},
      {"decision_number", "15/QĐ-UBND"},
      {"reason", "mai_tang"},
      {"amount_vnd",
       7'200'000}}.dump();
  const std::string target = Office("001", "2024-11", "/one-offs");
  const HttpReply no_csrf = Request(server_->port(), "POST", target,
                                    NoCsrf(officer) + "Content-Type: application/json\r\n", body);
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(ErrorCode(no_csrf), "auth.csrf_invalid");
  EXPECT_EQ(As("kiemtoan").SendJson("POST", target, body).status, 403);
  const HttpReply outside = As("huyen395").SendJson("POST", target, body);
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(
      ErrorCode(outside),
      ErrorCode(As("huyen395").SendJson("POST", Office("99999", "2024-11", "/one-offs"), body)));
  // A person the office does not pay answers as one that does not exist.
  auto foreign = nlohmann::json::parse(body);
  foreign["beneficiary_code"] = kElsewhere;
  const HttpReply not_ours = officer.SendJson("POST", target, foreign.dump());
  foreign["beneficiary_code"] = "BTXH-00004-9999999";
  const HttpReply nobody = officer.SendJson("POST", target, foreign.dump());
  EXPECT_EQ(not_ours.status, 404);
  EXPECT_EQ(ErrorCode(not_ours), "beneficiary.not_found");
  EXPECT_EQ(ErrorCode(nobody), "beneficiary.not_found");
  auto wrong = nlohmann::json::parse(body);
  wrong["amount_vnd"] = "7200000";
  EXPECT_EQ(officer.SendJson("POST", target, wrong.dump()).status, 400);
  // September is approved: a payment entered there would never be paid.
  const HttpReply locked = officer.SendJson("POST", Office("001", "2024-09", "/one-offs"), body);
  EXPECT_EQ(locked.status, 409);
  EXPECT_EQ(ErrorCode(locked), "payroll.cycle_approved");

  const std::string key = "Idempotency-Key: mai-tang-15\r\n";
  const HttpReply added = officer.SendJson("POST", target, body, key);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(Json(added)["decision_number"], "15/QĐ-UBND");
  EXPECT_EQ(Json(added)["amount_vnd"], 7'200'000);
  const HttpReply replay = officer.SendJson("POST", target, body, key);
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.body, added.body);
  EXPECT_EQ(replay.headers.count("idempotency-replayed"), 1u);
  const HttpReply twice = officer.SendJson("POST", target, body);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(ErrorCode(twice), "payroll.one_off_exists");
  ASSERT_EQ(AuditEntries(workspace_->db_url, "payroll.one_off_add").size(), 1u);
  EXPECT_EQ(AuditEntries(workspace_->db_url, "payroll.one_off_add")[0].actor, "huyen01");

  ASSERT_EQ(officer.SendJson("POST", Office("001", "2024-11", "/run"), "").status, 200);
  bool paid = false;
  for (const auto& line : LinesOf("2024-11", "BTXH-00004-0000011")) {
    paid = paid || (line["kind"] == "ONE_OFF" && line["amount_vnd"] == 7'200'000);
  }
  EXPECT_TRUE(paid);
}

TEST_F(PayrollMoreApiTest, ReceivablesListWhatALateDeathLeftToRecover) {
  const HttpReply listed = As("huyen01").Get(Office("001", "2024-10", "/receivables"));
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto receivables = Json(listed)["receivables"];
  ASSERT_EQ(receivables.size(), 1u) << listed.body;
  EXPECT_EQ(receivables[0]["beneficiary_code"], kDies);
  EXPECT_EQ(receivables[0]["for_period"], "2024-09");
  EXPECT_EQ(receivables[0]["amount_vnd"], 500'000);
  // The same JSON as the CLI prints.
  const ProcessResult cli =
      RunAnsinh({"payroll", "--db", workspace_->db_url, "receivables", "--period", "2024-10",
                 "--unit", "001", "--edition", "pre2025"});
  ASSERT_EQ(cli.exit_code, 0) << cli.stderr_text;
  EXPECT_EQ(nlohmann::json::parse(cli.stdout_text), Json(listed));

  EXPECT_EQ(As("kiemtoan").Get(Office("001", "2024-10", "/receivables")).status, 200);
  const HttpReply commune = As("xa00004").Get(Office("001", "2024-10", "/receivables"));
  EXPECT_EQ(commune.status, 403);
  const ApiSession elsewhere = As("huyen395");
  const HttpReply outside = elsewhere.Get(Office("001", "2024-10", "/receivables"));
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(ErrorCode(outside),
            ErrorCode(elsewhere.Get(Office("99999", "2024-10", "/receivables"))));
}

TEST_F(PayrollMoreApiTest, PayPointsGroupTheCashLines) {
  const HttpReply listed = As("huyen01").Get(Office("001", "2024-10", "/pay-points"));
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto groups = Json(listed)["pay_points"];
  ASSERT_GE(groups.size(), 1u) << listed.body;
  EXPECT_EQ(groups[0]["pay_point"], "00004");
  EXPECT_EQ(groups[0]["channel"], "CASH_PAYPOINT");
  EXPECT_GE(groups[0]["count"].get<int>(), 1);
  EXPECT_EQ(As("xa00004").Get(Office("001", "2024-10", "/pay-points")).status, 403);
  const ApiSession elsewhere = As("huyen395");
  const HttpReply outside = elsewhere.Get(Office("001", "2024-10", "/pay-points"));
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(ErrorCode(outside),
            ErrorCode(elsewhere.Get(Office("99999", "2024-10", "/pay-points"))));
}

TEST_F(PayrollMoreApiTest, DecreasesSayWhyTheyStopped) {
  const HttpReply listed = As("huyen01").Get(Office("001", "2024-10", "/changes"));
  ASSERT_EQ(listed.status, 200) << listed.body;
  // Kept: a range-for over Json(listed)["changes"] would outlive the temporary.
  const nlohmann::json changes = Json(listed);
  std::map<std::string, nlohmann::json> by_code;
  for (const auto& change : changes["changes"]) {
    by_code[change["beneficiary_code"].get<std::string>()] = change;
  }
  ASSERT_EQ(by_code.count(kDies), 1u) << listed.body;
  EXPECT_EQ(by_code[kDies]["change"], "giam");
  EXPECT_EQ(by_code[kDies]["reason"], "chet");
  ASSERT_EQ(by_code.count(kChild), 1u) << listed.body;
  EXPECT_EQ(by_code[kChild]["change"], "giam");
  EXPECT_EQ(by_code[kChild]["reason"], "het_tuoi_huong");
  EXPECT_NE(by_code[kChild]["detail"].get<std::string>().find("hết tuổi hưởng"), std::string::npos);
}

}  // namespace
}  // namespace ansinh::http::testing
