// Black-box: API tokens made with `ansinh token` authenticate machine
// partners as `Authorization: Bearer ans_…` against the real server; no
// cookie and no CSRF token; revoked tokens answer 401; each use is recorded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

class ApiTokenTest : public SharedServerTest<ApiTokenTest> {
 protected:
  // `ansinh token create`: the token printed once, or "" on failure.
  static std::string CreateToken(const std::string& name) {
    const auto result = RunAnsinh({"token", "--db", workspace_->db_url, "create", "--name", name,
                                   "--role", "provider_operator", "--unit", "001"});
    EXPECT_EQ(result.exit_code, 0) << result.stderr_text;
    const auto summary = nlohmann::json::parse(result.stdout_text, nullptr, false);
    return summary.is_object() ? summary.value("token", "") : "";
  }

  static nlohmann::json List() {
    const auto result = RunAnsinh({"token", "--db", workspace_->db_url, "list"});
    EXPECT_EQ(result.exit_code, 0) << result.stderr_text;
    return nlohmann::json::parse(result.stdout_text, nullptr, false);
  }

  static HttpReply WithToken(const std::string& method, const std::string& target,
                             const std::string& token, const std::string& body = "") {
    return Request(server_->port(), method, target,
                   "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n",
                   body);
  }
};

TEST_F(ApiTokenTest, BearerTokenActsAsItsServiceAccount) {
  const std::string token = CreateToken("buudien-badinh");
  ASSERT_EQ(token.rfind("ans_", 0), 0u);
  const HttpReply me = WithToken("GET", "/api/v1/auth/me", token);
  ASSERT_EQ(me.status, 200) << me.body;
  const auto body = nlohmann::json::parse(me.body);
  EXPECT_EQ(body["user"], "api.buudien-badinh");
  EXPECT_EQ(body["role"], "provider_operator");
  EXPECT_EQ(body["unit"], "001");
  EXPECT_TRUE(body["csrf_token"].is_null());
  EXPECT_EQ(me.headers.count("set-cookie"), 0u);
}

TEST_F(ApiTokenTest, BearerRequestsNeedNoCsrfTokenButKeepTheRoleTable) {
  const std::string token = CreateToken("nganhang-a");
  // A provider may not register beneficiaries: refused for the role, not for CSRF.
  const HttpReply write = WithToken("POST", "/api/v1/beneficiaries", token, "{}");
  EXPECT_EQ(write.status, 403) << write.body;
  EXPECT_EQ(ErrorCode(write), "auth.forbidden");
}

TEST_F(ApiTokenTest, UnknownAndRevokedTokensGive401) {
  const HttpReply unknown = WithToken("GET", "/api/v1/auth/me", "ans_" + std::string(43, 'x'));
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.headers.at("www-authenticate"), "Bearer");
  const std::string token = CreateToken("thu-hoi");
  ASSERT_EQ(WithToken("GET", "/api/v1/auth/me", token).status, 200);
  std::int64_t id = 0;
  const auto list = List();  // kept alive: the loop below walks inside it
  for (const auto& listed : list["api_tokens"]) {
    if (listed["name"] == "thu-hoi") id = listed["id"].get<std::int64_t>();
  }
  ASSERT_GT(id, 0);
  const auto revoked =
      RunAnsinh({"token", "--db", workspace_->db_url, "revoke", "--id", std::to_string(id)});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.stderr_text;
  const HttpReply after = WithToken("GET", "/api/v1/auth/me", token);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(ErrorCode(after), "auth.token_invalid");
}

TEST_F(ApiTokenTest, ListShowsUseButNeverTheToken) {
  const std::string token = CreateToken("dung-roi");
  ASSERT_EQ(WithToken("GET", "/api/v1/auth/me", token).status, 200);
  const auto list = List();
  EXPECT_EQ(list.dump().find(token), std::string::npos);
  bool seen = false;
  for (const auto& listed : list["api_tokens"]) {
    if (listed["name"] != "dung-roi") continue;
    seen = true;
    EXPECT_FALSE(listed["last_used_at"].is_null());
  }
  EXPECT_TRUE(seen);
  const auto verify = RunAnsinh({"audit-log", "--db", workspace_->db_url, "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.stdout_text << verify.stderr_text;
}

TEST_F(ApiTokenTest, ServiceAccountCannotLogInWithAPassword) {
  CreateToken("khong-dang-nhap");
  const HttpReply login = Request(
      server_->port(), "POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
      nlohmann::json{{"username", "api.khong-dang-nhap"}, {"password", "bất kỳ mật khẩu nào"}}
          .dump());
  EXPECT_EQ(login.status, 401);
}

}  // namespace
}  // namespace ansinh::http::testing
