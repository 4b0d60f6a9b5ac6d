// Black-box: changing the register over HTTP — create, update, status,
// entitlements, payment method — with their error codes, the bad-input
// catalogue (nothing written), Idempotency-Key and CSRF.
#include <gtest/gtest.h>

#include <string>

#include "http/registry_api_support.h"
#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

using nlohmann::json;

json NewPerson(const std::string& code, const std::string& commune = kBaDinh) {
  return {{"code", code},           {"full_name", "Đặng Thị Hoa"}, {"birth_date", "1948-05-20"},
          {"sex", "female"},        {"citizen_id", "001148123456"}, {"phone", "0987654321"},
          {"commune_code", commune}, {"address", "Ngõ 5 Liễu Giai"}, {"group", "BTXH"}};
}

class BeneficiaryWriteApiTest : public SharedServerTest<BeneficiaryWriteApiTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    const std::vector<Cells> rows = {{{"ma_doi_tuong", "W001"}},
                                     {{"ma_doi_tuong", "W002"}, {"truong_hop_dac_biet", "C"}},
                                     {{"ma_doi_tuong", "Y001"}, {"ma_xa", kCaoBang}}};
    if (!ImportWithCli(workspace, ImportFile(rows), error)) return false;
    return AddUser(workspace.db_url, "xa_viet", "commune_officer", kBaDinh, error) &&
           AddUser(workspace.db_url, "tinh_doc", "province_officer", "01", error);
  }

 protected:
  static ApiSession Officer() { return LoginAs(server_->port(), "xa_viet"); }
  static long long People() { return CountRows(workspace_->db_url, "beneficiaries"); }
  static long long History() { return CountRows(workspace_->db_url, "beneficiary_history"); }
};

TEST_F(BeneficiaryWriteApiTest, CreateThenReadBack) {
  const ApiSession officer = Officer();
  const HttpReply created = officer.SendJson("POST", "/api/v1/beneficiaries", NewPerson("C001").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Json(created)["beneficiary"]["citizen_id"], "********3456");
  const auto read = Json(officer.Get("/api/v1/beneficiaries/C001"));
  EXPECT_EQ(read["beneficiary"]["full_name"], "Đặng Thị Hoa");
  EXPECT_EQ(read["beneficiary"]["status"], "active");
  const HttpReply again = officer.SendJson("POST", "/api/v1/beneficiaries", NewPerson("C001").dump());
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCodeOf(again), "beneficiary.exists");
}

TEST_F(BeneficiaryWriteApiTest, CreateOutsideTheScopeOrWithoutTheRoleIsRefused) {
  const long long people = People();
  EXPECT_EQ(Officer().SendJson("POST", "/api/v1/beneficiaries", NewPerson("C002", kCaoBang).dump())
                .status, 404);
  EXPECT_EQ(Officer().SendJson("POST", "/api/v1/beneficiaries", NewPerson("C002", "99999").dump())
                .status, 400);
  const ApiSession province = LoginAs(server_->port(), "tinh_doc");
  EXPECT_EQ(province.SendJson("POST", "/api/v1/beneficiaries", NewPerson("C003").dump()).status, 403);
  EXPECT_EQ(People(), people);
}

TEST_F(BeneficiaryWriteApiTest, FieldErrorsAreNamedInVietnamese) {
  json person = NewPerson("C004");
  person.erase("full_name");
  person["birth_date"] = "31/02/1950";
  person["sex"] = 1;
  person["nickname"] = "x";
  const HttpReply reply = Officer().SendJson("POST", "/api/v1/beneficiaries", person.dump());
  ASSERT_EQ(reply.status, 400);
  const auto error = Json(reply)["error"];
  EXPECT_EQ(error["code"], "request.invalid");
  std::set<std::string> fields;
  for (const auto& detail : error["details"]) fields.insert(detail["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"full_name", "birth_date", "sex", "nickname"}));
  EXPECT_NE(error["message"].get<std::string>().find("Trường \""), std::string::npos);
}

TEST_F(BeneficiaryWriteApiTest, PatchChangesOnlyTheGivenFields) {
  const ApiSession officer = Officer();
  const HttpReply patched = officer.SendJson("PATCH", "/api/v1/beneficiaries/W001",
                                             R"({"address":"Số 9 phố Kim Mã","has_smartphone":true})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  const auto person = Json(patched)["beneficiary"];
  EXPECT_EQ(person["address"], "Số 9 phố Kim Mã");
  EXPECT_EQ(person["full_name"], "Nguyễn Văn An");
  EXPECT_EQ(officer.SendJson("PATCH", "/api/v1/beneficiaries/W001", R"({"code":"W999"})").status, 400);
  EXPECT_EQ(officer.SendJson("PATCH", "/api/v1/beneficiaries/W001",
                             std::string(R"({"commune_code":")") + kCaoBang + "\"}").status, 404);
  EXPECT_EQ(officer.SendJson("PATCH", "/api/v1/beneficiaries/Y001", R"({"address":"x"})").status, 404);
  const auto history = Json(officer.Get("/api/v1/beneficiaries/W001/history"))["entries"];
  EXPECT_EQ(history.back()["change_kind"], "updated");
  EXPECT_EQ(history.back()["changed_by"], "xa_viet");
}

TEST_F(BeneficiaryWriteApiTest, StatusLifecycle) {
  const ApiSession officer = Officer();
  ASSERT_EQ(officer.SendJson("POST", "/api/v1/beneficiaries", NewPerson("S001").dump()).status, 201);
  const auto step = [&](const json& body) {
    return officer.SendJson("POST", "/api/v1/beneficiaries/S001/status", body.dump());
  };
  EXPECT_EQ(Json(step({{"action", "suspend"}, {"note", "vắng mặt dài ngày"}}))["beneficiary"]["status"],
            "suspended");
  EXPECT_EQ(ErrorCodeOf(step({{"action", "suspend"}})), "beneficiary.status_transition");
  EXPECT_EQ(Json(step({{"action", "reinstate"}}))["beneficiary"]["status"], "active");
  const HttpReply no_date = step({{"action", "terminate"}, {"reason", "death"}});
  EXPECT_EQ(no_date.status, 400);
  EXPECT_EQ(ErrorCodeOf(no_date), "termination.date_required");
  EXPECT_EQ(step({{"action", "terminate"}, {"reason", "old age"}}).status, 400);
  const HttpReply died = step({{"action", "terminate"}, {"reason", "death"}, {"date", "2025-06-20"}});
  ASSERT_EQ(died.status, 200) << died.body;
  const auto termination = Json(died)["beneficiary"]["termination"];
  EXPECT_EQ(termination["reason"], "death");
  EXPECT_EQ(termination["effective_from"], "2025-07");
  EXPECT_EQ(step({{"action", "reinstate"}}).status, 409);
  EXPECT_EQ(step({{"action", "resurrect"}}).status, 400);
}

TEST_F(BeneficiaryWriteApiTest, EntitlementsChecksPolicyAndGroup) {
  const ApiSession officer = Officer();
  const auto add = [&](const json& body) {
    return officer.SendJson("POST", "/api/v1/beneficiaries/W001/entitlements", body.dump());
  };
  EXPECT_EQ(ErrorCodeOf(add({{"policy_code", "NCC-I.3.1-1"}, {"start", "2025-01"},
                             {"fixed_amount_vnd", 2789000}})), "policy.group_mismatch");
  EXPECT_EQ(ErrorCodeOf(add({{"policy_code", "KHONG-CO"}, {"start", "2025-01"}})), "policy.unknown");
  EXPECT_EQ(add({{"policy_code", "BTXH-5.1"}, {"start", "2025-13"}}).status, 400);
  EXPECT_EQ(add({{"policy_code", "BTXH-5.1"}, {"start", "2025-01"}, {"fixed_amount_vnd", 1.5}}).status,
            400);
  EXPECT_EQ(ErrorCodeOf(add({{"policy_code", "BTXH-5.1"}, {"start", "2024-06"}})),
            "entitlement.overlap");
  const HttpReply added = add({{"policy_code", "BTXH-5.2"}, {"start", "2025-02"},
                               {"decision_number", "12/QĐ-UBND"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(Json(added)["entitlements"].size(), 2u);
}

TEST_F(BeneficiaryWriteApiTest, PaymentMethodRulesAndMaskedAccount) {
  const ApiSession officer = Officer();
  const auto put = [&](const std::string& code, const json& body) {
    return officer.SendJson("PUT", "/api/v1/beneficiaries/" + code + "/payment-method", body.dump());
  };
  const HttpReply bank = put("W001", {{"channel", "BANK_ACCOUNT"}, {"recipient", "SELF"},
                                      {"bin", "970436"}, {"account_number", "0011223344"},
                                      {"holder_name", "NGUYEN VAN AN"}, {"consent", true}});
  ASSERT_EQ(bank.status, 200) << bank.body;
  EXPECT_EQ(Json(bank)["payment_method"]["account_number"], "******3344");
  EXPECT_EQ(Json(bank)["payment_method"]["valid"], true);
  EXPECT_EQ(ErrorCodeOf(put("W001", {{"channel", "CASH_HOME"}, {"recipient", "SELF"}})),
            "payment_method.cash_home_not_special_case");
  EXPECT_EQ(put("W002", {{"channel", "CASH_HOME"}, {"recipient", "SELF"}}).status, 200);
  EXPECT_EQ(ErrorCodeOf(put("W001", {{"channel", "CASH_PAYPOINT"}, {"recipient", "AUTHORISED"}})),
            "payment_method.representative_missing");
  const HttpReply guardian =
      put("W002", {{"channel", "CASH_PAYPOINT"}, {"recipient", "GUARDIAN"},
                   {"representative", {{"kind", "guardian"}, {"full_name", "Nguyễn Thị Lan"},
                                       {"citizen_id", "001180123499"}, {"relationship", "Con gái"},
                                       {"confirmed", true}}}});
  ASSERT_EQ(guardian.status, 200) << guardian.body;
  EXPECT_EQ(Json(guardian)["representative"]["citizen_id"], "********3499");
  EXPECT_EQ(Json(guardian)["representative"]["confirmed_by"], "xa_viet");
  EXPECT_EQ(put("W001", {{"channel", "CASH_PAYPOINT"}, {"recipient", "SELF"}, {"bin", "970436"}})
                .status, 400);
  EXPECT_EQ(put("Y001", {{"channel", "CASH_PAYPOINT"}, {"recipient", "SELF"}}).status, 404);
}

TEST_F(BeneficiaryWriteApiTest, BadInputIsRefusedAndWritesNothing) {
  const ApiSession officer = Officer();
  const long long people = People();
  const long long history = History();
  const std::string huge(70 * 1024, 'a');
  const std::vector<std::pair<std::string, int>> bodies = {
      {"{", 400},
      {"[1,2]", 400},
      {R"({"code":12,"full_name":["x"]})", 400},
      {R"({"code":"C9","full_name":")" + std::string(600, 'x') + "\"}", 400},
      {"{\"code\":\"C9\",\"full_name\":\"\xC3\x28\"}", 400},
      {std::string(40, '[') + std::string(40, ']'), 413},
      {R"({"address":")" + huge + "\"}", 413},
  };
  for (const auto& [body, status] : bodies) {
    EXPECT_EQ(officer.SendJson("POST", "/api/v1/beneficiaries", body).status, status)
        << body.substr(0, 60);
    EXPECT_EQ(officer.SendJson("PATCH", "/api/v1/beneficiaries/W001", body).status,
              status == 413 ? 413 : 400) << body.substr(0, 60);
    EXPECT_EQ(officer.SendJson("POST", "/api/v1/beneficiaries/W001/status", body).status,
              status == 413 ? 413 : 400);
  }
  EXPECT_EQ(officer.SendJson("PATCH", "/api/v1/beneficiaries/W001", R"({"phone":12345})").status, 400);
  EXPECT_EQ(Request(server_->port(), "POST", "/api/v1/beneficiaries", officer.headers + "Content-Type: text/plain\r\n",
                    NewPerson("C9").dump()).status, 400);
  EXPECT_EQ(People(), people);
  EXPECT_EQ(History(), history);
}

TEST_F(BeneficiaryWriteApiTest, WritesNeedTheCsrfToken) {
  const ApiSession officer = Officer();
  const std::string cookie_only = officer.headers.substr(0, officer.headers.find("X-CSRF-Token"));
  const HttpReply reply = Request(server_->port(), "POST", "/api/v1/beneficiaries",
                                  cookie_only + "Content-Type: application/json\r\n",
                                  NewPerson("C010").dump());
  EXPECT_EQ(reply.status, 403);
  EXPECT_EQ(ErrorCodeOf(reply), "auth.csrf_invalid");
}

TEST_F(BeneficiaryWriteApiTest, IdempotencyKeyReplaysTheFirstAnswer) {
  const ApiSession officer = Officer();
  const std::string key = "Idempotency-Key: tao-C020-lan-1\r\n";
  const HttpReply first = officer.SendJson("POST", "/api/v1/beneficiaries", NewPerson("C020").dump(), key);
  ASSERT_EQ(first.status, 201) << first.body;
  const long long history = History();
  const HttpReply again = officer.SendJson("POST", "/api/v1/beneficiaries", NewPerson("C020").dump(), key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.headers.at("idempotency-replayed"), "true");
  EXPECT_EQ(History(), history);
  const HttpReply other = officer.SendJson("POST", "/api/v1/beneficiaries", NewPerson("C021").dump(), key);
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(ErrorCodeOf(other), "idempotency.key_reused");
  EXPECT_EQ(officer.Get("/api/v1/beneficiaries/C021").status, 404);
  EXPECT_EQ(officer.SendJson("POST", "/api/v1/beneficiaries", NewPerson("C022").dump(),
                             "Idempotency-Key: có dấu\r\n").status, 400);
}

}  // namespace
}  // namespace ansinh::http::testing
