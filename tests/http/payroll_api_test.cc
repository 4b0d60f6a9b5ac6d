// Black-box: the monthly payroll over HTTP against the real server. Run,
// show (the same bytes as `ansinh payroll show --format json`), approval by
// a second user with a verified second factor (refused without it and for
// the preparer), an earlier draft blocking approval, out-of-scope offices
// answering 404, the changes list stamped and audited, and rates.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/totp.h"
#include "formats/xlsx_reader.h"
#include "formats/xlsx_zip.h"
#include "http/registry_api_support.h"
#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

// Three people of commune 00004 (district 001, Hà Nội, pre-2025 map), paid
// by the previous system through August 2024.
constexpr const char* kRegister =
    "ma_doi_tuong,ho_ten,ngay_sinh,gioi_tinh,so_dinh_danh,so_dien_thoai,ma_xa,dia_chi,nhom,"
    "ma_che_do,so_tien,thang_bat_dau,da_chi_den_thang,hinh_thuc,nguoi_nhan,nguoi_nhan_ho_ten,"
    "nguoi_nhan_so_dinh_danh,nguoi_nhan_quan_he,ma_ngan_hang,so_tai_khoan,ten_chu_tai_khoan,"
    "dien_thoai_thong_minh,truong_hop_dac_biet,so_quyet_dinh\n"
    "BTXH-00004-0000001,Trương Đình Trung,21/05/1932,Nam,001032013551,,00004,"
    "\"Phường Trúc Bạch\",BTXH,BTXH-5.5c,,02/2024,08/2024,TIEN_MAT,BAN_THAN,,,,,,,K,K,"
    "2134/QĐ-UBND\n"
    "BTXH-00004-0000002,Lê Thị Hoa,02/01/1935,Nữ,001135013552,,00004,"
    "\"Phường Trúc Bạch\",BTXH,BTXH-5.5c,,02/2024,08/2024,TIEN_MAT,BAN_THAN,,,,,,,K,K,"
    "2135/QĐ-UBND\n"
    "BTXH-00004-0000003,Phạm Văn Bình,10/10/1930,Nam,001030013553,,00004,"
    "\"Phường Trúc Bạch\",BTXH,BTXH-5.5c,,02/2024,08/2024,TIEN_MAT,BAN_THAN,,,,,,,K,K,"
    "2136/QĐ-UBND\n";

// The code an authenticator app shows now.
std::string CodeNow(const std::string& secret_base32) {
  const auto seed = core::Base32Decode(secret_base32).value_or(std::vector<std::uint8_t>{});
  return core::FormatTotpCode(
      core::HotpValue(core::OpenSslHmacSha1, seed, core::TotpStep(std::time(nullptr))));
}

std::string Payroll(const std::string& unit, const std::string& period,
                    const std::string& tail = "") {
  return "/api/v1/payroll/" + unit + "/" + period + tail;
}

class PayrollApiTest : public SharedServerTest<PayrollApiTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    // The server seals TOTP seeds with this key; the child inherits the variable.
    ::setenv("ANSINH_KEY_FILE", (workspace.root / "server.key").c_str(), 1);
    const std::string file = (workspace.root / "payroll.csv").string();
    std::ofstream(file) << kRegister;
    const ProcessResult imported = RunAnsinh(
        {"import", "--db", workspace.db_url, "beneficiaries", file, "--edition", "pre2025"});
    if (imported.exit_code != 0) {
      error = imported.stderr_text;
      return false;
    }
    const std::vector<std::vector<std::string>> users = {{"huyen01", "district_officer", "001"},
                                                         {"huyen02", "district_officer", "001"},
                                                         {"huyen395", "district_officer", "395"},
                                                         {"tinh01", "province_officer", "01"},
                                                         {"kiemtoan", "auditor", ""}};
    for (const auto& u : users) {
      if (!AddUser(workspace.db_url, u[0], u[1], u[2], error, "pre2025")) {
        error = u[0] + ": " + error;
        return false;
      }
    }
    return true;
  }

 protected:
  static ApiSession As(const std::string& username) { return LoginAs(server_->port(), username); }

  // A session of the user with the second factor enrolled and verified
  // (enrolment happens once per user; its confirmation verifies the session).
  static const ApiSession& Verified(const std::string& username) {
    static std::map<std::string, ApiSession> sessions;
    const auto found = sessions.find(username);
    if (found != sessions.end()) return found->second;
    ApiSession session = As(username);
    const HttpReply enrolled = session.SendJson("POST", "/api/v1/auth/totp/enroll", "{}");
    EXPECT_EQ(enrolled.status, 200) << enrolled.body;
    const std::string secret = Json(enrolled).value("secret", "");
    const HttpReply confirmed = session.SendJson("POST", "/api/v1/auth/totp/confirm",
                                                 nlohmann::json{{"code", CodeNow(secret)}}.dump());
    EXPECT_EQ(confirmed.status, 200) << confirmed.body;
    return sessions.emplace(username, session).first->second;
  }

  static HttpReply Post(const ApiSession& session, const std::string& target,
                        const std::string& extra = "") {
    return session.SendJson("POST", target, "", extra);
  }

  static std::vector<nlohmann::json> AuditDetails(const std::string& action) {
    return testing::AuditDetails(workspace_->db_url, action);
  }
};

TEST_F(PayrollApiTest, RunShowAndApprovalByASecondVerifiedUser) {
  const ApiSession preparer = As("huyen01");
  const HttpReply run = Post(preparer, Payroll("001", "2024-09", "/run"));
  ASSERT_EQ(run.status, 200) << run.body;
  EXPECT_EQ(Json(run)["status"], "draft");
  EXPECT_EQ(Json(run)["count"], 3);

  const HttpReply shown = preparer.Get(Payroll("001", "2024-09"));
  ASSERT_EQ(shown.status, 200) << shown.body;
  const ProcessResult cli =
      RunAnsinh({"payroll", "--db", workspace_->db_url, "show", "--period", "2024-09", "--unit",
                 "001", "--edition", "pre2025", "--format", "json"});
  ASSERT_EQ(cli.exit_code, 0) << cli.stderr_text;
  EXPECT_EQ(shown.body, cli.stdout_text);
  const auto cycle = Json(shown);
  EXPECT_EQ(cycle["lines"].size(), 3u);
  EXPECT_EQ(cycle["lines"][0]["kind"], "REGULAR");
  EXPECT_EQ(cycle["totals"]["count"], 3);

  // A second district officer who has not enrolled a second factor yet.
  const HttpReply unenrolled = Post(As("huyen02"), Payroll("001", "2024-09", "/approve"));
  EXPECT_EQ(unenrolled.status, 403);
  EXPECT_EQ(ErrorCodeOf(unenrolled), "auth.second_factor_required");
  EXPECT_NE(Json(unenrolled)["error"]["message"].get<std::string>().find("xác thực hai lớp"),
            std::string::npos);

  const HttpReply self = Post(Verified("huyen01"), Payroll("001", "2024-09", "/approve"));
  EXPECT_EQ(self.status, 403) << self.body;
  EXPECT_EQ(ErrorCodeOf(self), "payroll.same_user");

  const HttpReply approved = Post(Verified("huyen02"), Payroll("001", "2024-09", "/approve"));
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(Json(approved)["status"], "approved");
  EXPECT_EQ(Json(approved)["prepared_by"], "huyen01");
  EXPECT_EQ(Json(approved)["approved_by"], "huyen02");
  EXPECT_EQ(Json(preparer.Get(Payroll("001", "2024-09")))["status"], "approved");

  const HttpReply again = Post(Verified("huyen02"), Payroll("001", "2024-09", "/approve"));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCodeOf(Post(preparer, Payroll("001", "2024-09", "/run"))),
            "payroll.cycle_approved");
  const auto entries = AuditEntries(workspace_->db_url, "payroll.approve");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].actor, "huyen02");
  EXPECT_EQ(entries[0].object_id, "001/2024-09");
  EXPECT_EQ(entries[0].request_id, approved.headers.at("x-request-id"));
}

TEST_F(PayrollApiTest, AnEarlierDraftBlocksApproval) {
  const ApiSession preparer = As("huyen01");
  ASSERT_EQ(Post(preparer, Payroll("001", "2024-10", "/run")).status, 200);
  ASSERT_EQ(Post(preparer, Payroll("001", "2024-11", "/run")).status, 200);
  const HttpReply blocked = Post(Verified("huyen02"), Payroll("001", "2024-11", "/approve"));
  EXPECT_EQ(blocked.status, 409) << blocked.body;
  EXPECT_EQ(ErrorCodeOf(blocked), "payroll.earlier_unapproved");
  EXPECT_EQ(Json(Verified("huyen02").Get(Payroll("001", "2024-11")))["status"], "draft");
}

TEST_F(PayrollApiTest, AnOfficeOutOfScopeLooksLikeOneThatDoesNotExist) {
  const ApiSession elsewhere = As("huyen395");
  for (const std::string tail : {"", "/changes"}) {
    const HttpReply outside = elsewhere.Get(Payroll("001", "2024-09", tail));
    const HttpReply missing = elsewhere.Get(Payroll("99999", "2024-09", tail));
    EXPECT_EQ(outside.status, 404) << tail << outside.body;
    EXPECT_EQ(missing.status, 404) << tail << missing.body;
    EXPECT_EQ(ErrorCodeOf(outside), ErrorCodeOf(missing)) << tail;
  }
  const HttpReply run = Post(elsewhere, Payroll("001", "2024-12", "/run"));
  EXPECT_EQ(run.status, 404);
  EXPECT_EQ(ErrorCodeOf(run), ErrorCodeOf(Post(elsewhere, Payroll("99999", "2024-12", "/run"))));
  const HttpReply approve = Post(Verified("huyen395"), Payroll("001", "2024-09", "/approve"));
  EXPECT_EQ(approve.status, 404);
  // An auditor reads every office but prepares and approves none. The cycle
  // exists whether or not another test of this process approved it already.
  Post(As("huyen01"), Payroll("001", "2024-09", "/run"));
  const ApiSession auditor = As("kiemtoan");
  EXPECT_EQ(auditor.Get(Payroll("001", "2024-09")).status, 200);
  EXPECT_EQ(Post(auditor, Payroll("001", "2024-12", "/run")).status, 403);
}

TEST_F(PayrollApiTest, WritesNeedTheCsrfTokenAndHonourIdempotencyKeys) {
  const ApiSession preparer = As("huyen01");
  const std::string no_csrf = preparer.headers.substr(0, preparer.headers.find("X-CSRF-Token"));
  const HttpReply refused = Request(server_->port(), "POST", Payroll("001", "2025-01", "/run"),
                                    no_csrf + "Content-Type: application/json\r\n", "{}");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(ErrorCodeOf(refused), "auth.csrf_invalid");
  const std::string key = "Idempotency-Key: chay-2025-01\r\n";
  const HttpReply first = Post(preparer, Payroll("001", "2025-01", "/run"), key);
  ASSERT_EQ(first.status, 200) << first.body;
  const HttpReply replay = Post(preparer, Payroll("001", "2025-01", "/run"), key);
  EXPECT_EQ(replay.status, 200);
  EXPECT_EQ(replay.body, first.body);
  EXPECT_EQ(replay.headers.count("idempotency-replayed"), 1u);
  EXPECT_EQ(preparer.SendJson("POST", Payroll("001", "2025-01", "/run"), "[1]").status, 400);
}

TEST_F(PayrollApiTest, ChangesAreStampedWithTheUserAndAudited) {
  const ApiSession officer = As("huyen01");
  ASSERT_EQ(Post(officer, Payroll("001", "2025-02", "/run")).status, 200);
  const std::size_t before = AuditDetails("payroll.changes_export").size();

  const HttpReply json = officer.Get(Payroll("001", "2025-02", "/changes"));
  ASSERT_EQ(json.status, 200) << json.body;
  const auto changes = Json(json);
  EXPECT_EQ(changes["exported_by"], "huyen01");
  EXPECT_EQ(changes["exported_at"].get<std::string>().size(), 20u);  // YYYY-MM-DDTHH:MM:SSZ
  EXPECT_EQ(changes["period"], "2025-02");

  const HttpReply xlsx = officer.Get(Payroll("001", "2025-02", "/changes?format=xlsx"));
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_NE(xlsx.headers.at("content-disposition").find("tang-giam-001-2025-02.xlsx"),
            std::string::npos);
  const auto rows = formats::ReadXlsxBuffer(xlsx.body);
  ASSERT_TRUE(rows) << rows.error().message;
  bool stamped = false;
  for (const auto& row : *rows) {
    stamped = stamped || row.Cell(0).rfind("Xuất bởi huyen01 lúc ", 0) == 0;
  }
  EXPECT_TRUE(stamped);
  auto zip = formats::xlsx::ZipArchive::Open(xlsx.body, 100);
  ASSERT_TRUE(zip);
  const auto core_xml = zip->Read("docProps/core.xml", 1 << 20);
  ASSERT_TRUE(core_xml) << core_xml.error().message;
  EXPECT_NE(core_xml->find("<dc:creator>huyen01</dc:creator>"), std::string::npos) << *core_xml;
  const auto app_xml = zip->Read("docProps/app.xml", 1 << 20);
  ASSERT_TRUE(app_xml);

  EXPECT_EQ(officer.Get(Payroll("001", "2025-02", "/changes?format=pdf")).status, 400);
  const auto details = AuditDetails("payroll.changes_export");
  ASSERT_EQ(details.size(), before + 2);
  EXPECT_EQ(details[before]["format"], "json");
  EXPECT_EQ(details[before]["rows"], changes["changes"].size());
  EXPECT_EQ(details[before + 1]["format"], "xlsx");
  const auto entries = AuditEntries(workspace_->db_url, "payroll.changes_export");
  EXPECT_EQ(entries.back().actor, "huyen01");
  EXPECT_EQ(entries.back().object_id, "001/2025-02");
}

TEST_F(PayrollApiTest, RatesAreAddedByTheProvinceAndReadByAnyone) {
  const ApiSession province = As("tinh01");
  const HttpReply level = province.SendJson(
      "POST", "/api/v1/rates/standard-levels",
      R"({"kind":"BTXH_STANDARD","amount_vnd":650000,"effective_from":"2030-01-01"})");
  ASSERT_EQ(level.status, 201) << level.body;
  EXPECT_EQ(Json(level)["amount_vnd"], 650000);
  const HttpReply rate = province.SendJson(
      "POST", "/api/v1/rates/policy-rates",
      R"({"policy_code":"NCC-I.1.1-1","amount_vnd":3500000,"effective_from":"2030-01-01",)"
      R"("legal_basis":"Nghị định thử nghiệm"})");
  ASSERT_EQ(rate.status, 201) << rate.body;
  const HttpReply both = province.SendJson(
      "POST", "/api/v1/rates/policy-rates",
      R"({"policy_code":"BTXH-5.5c","amount_vnd":1,"coefficient":"1.5","effective_from":"2030-01-01"})");
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(
      province
          .SendJson("POST", "/api/v1/rates/policy-rates",
                    R"({"policy_code":"KHONG-CO","amount_vnd":1,"effective_from":"2030-01-01"})")
          .status,
      404);
  EXPECT_EQ(
      As("huyen01")
          .SendJson("POST", "/api/v1/rates/standard-levels",
                    R"({"kind":"BTXH_STANDARD","amount_vnd":1,"effective_from":"2030-01-01"})")
          .status,
      403);
  const HttpReply listed = As("huyen01").Get("/api/v1/rates?policy=NCC-I.1.1-1");
  ASSERT_EQ(listed.status, 200) << listed.body;
  bool found = false;
  const auto rates = Json(listed);
  for (const auto& r : rates["policy_rates"]) {
    found = found || (r["amount_vnd"] == 3500000 && r["effective_from"] == "2030-01-01");
  }
  EXPECT_TRUE(found) << listed.body;
  EXPECT_EQ(AuditEntries(workspace_->db_url, "rates.add_standard_level").size() +
                AuditEntries(workspace_->db_url, "rates.add_policy_rate").size(),
            2u);
}

}  // namespace
}  // namespace ansinh::http::testing
