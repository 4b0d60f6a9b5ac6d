// Black-box: login, cookie flags, 401 without a session, CSRF, logout and
// lockout against the real `ansinh serve`; users are created with the CLI.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

constexpr const char* kPassword = "một cụm từ đủ dài cho kiểm thử";
constexpr const char* kJson = "Content-Type: application/json\r\n";

std::string LoginBody(const std::string& username, const std::string& password) {
  return nlohmann::json{{"username", username}, {"password", password}}.dump();
}

std::string CookieValue(const HttpReply& reply) {
  const auto found = reply.headers.find("set-cookie");
  if (found == reply.headers.end()) return "";
  const std::string& header = found->second;
  return header.substr(0, header.find(';'));  // "ansinh_session=..."
}

class AuthLoginTest : public SharedServerTest<AuthLoginTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    for (const char* user : {"xa01", "xa02", "xa03"}) {
      if (!CreateUser(workspace.db_url, user, "commune_officer", "00004", kPassword, &error)) {
        return false;
      }
    }
    return true;
  }

 protected:

  static HttpReply Login(const std::string& username, const std::string& password,
                         const std::string& extra_headers = "") {
    return Request(server_->port(), "POST", "/api/v1/auth/login", kJson + extra_headers,
                   LoginBody(username, password));
  }

};

TEST_F(AuthLoginTest, LoginSetsAStrictHttpOnlySessionCookie) {
  const HttpReply reply = Login("xa01", kPassword);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const std::string cookie = reply.headers.at("set-cookie");
  EXPECT_EQ(cookie.rfind("ansinh_session=", 0), 0u);
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP on loopback
  const auto body = nlohmann::json::parse(reply.body);
  EXPECT_EQ(body["user"], "xa01");
  EXPECT_EQ(body["role"], "commune_officer");
  EXPECT_EQ(body["unit"], "00004");
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 64u);
  EXPECT_EQ(reply.body.find(kPassword), std::string::npos);
}

TEST_F(AuthLoginTest, CookieIsSecureBehindATlsProxy) {
  const HttpReply reply = Login("xa01", kPassword, "X-Forwarded-Proto: https\r\n");
  ASSERT_EQ(reply.status, 200);
  EXPECT_NE(reply.headers.at("set-cookie").find("; Secure"), std::string::npos);
}

TEST_F(AuthLoginTest, EachLoginRotatesTheSession) {
  const std::string first = CookieValue(Login("xa01", kPassword));
  const std::string second = CookieValue(Login("xa01", kPassword, "Cookie: " + first + "\r\n"));
  EXPECT_NE(first, second);
  EXPECT_EQ(Request(server_->port(), "GET", "/api/v1/auth/me", "Cookie: " + first + "\r\n").status,
            401);  // the session presented at login was revoked
  EXPECT_EQ(Request(server_->port(), "GET", "/api/v1/auth/me", "Cookie: " + second + "\r\n").status,
            200);
}

TEST_F(AuthLoginTest, BadCredentialsGive401) {
  EXPECT_EQ(Login("xa02", "không phải mật khẩu này").status, 401);
  const HttpReply unknown = Login("nobody", kPassword);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(ErrorCode(unknown), "auth.invalid_credentials");
  EXPECT_EQ(unknown.headers.count("set-cookie"), 0u);
}

TEST_F(AuthLoginTest, ApiRoutesWithoutASessionGive401) {
  EXPECT_EQ(Request(server_->port(), "GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(Request(server_->port(), "POST", "/api/v1/auth/logout").status, 401);
  const HttpReply forged =
      Request(server_->port(), "GET", "/api/v1/auth/me", "Cookie: ansinh_session=abc\r\n");
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(Request(server_->port(), "GET", "/healthz").status, 200);  // outside /api
}

TEST_F(AuthLoginTest, StateChangesNeedTheCsrfToken) {
  const HttpReply login = Login("xa01", kPassword);
  const std::string cookie = "Cookie: " + CookieValue(login) + "\r\n";
  const std::string csrf = nlohmann::json::parse(login.body)["csrf_token"];
  const HttpReply missing = Request(server_->port(), "POST", "/api/v1/auth/logout", cookie);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(ErrorCode(missing), "auth.csrf_invalid");
  const HttpReply wrong = Request(server_->port(), "POST", "/api/v1/auth/logout",
                                  cookie + "X-CSRF-Token: " + std::string(64, 'a') + "\r\n");
  EXPECT_EQ(wrong.status, 403);
  const HttpReply me = Request(server_->port(), "GET", "/api/v1/auth/me", cookie);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(nlohmann::json::parse(me.body)["csrf_token"], csrf);
}

TEST_F(AuthLoginTest, LogoutEndsTheSession) {
  const HttpReply login = Login("xa01", kPassword);
  const std::string cookie = "Cookie: " + CookieValue(login) + "\r\n";
  const std::string csrf = nlohmann::json::parse(login.body)["csrf_token"];
  const HttpReply logout = Request(server_->port(), "POST", "/api/v1/auth/logout",
                                   cookie + "X-CSRF-Token: " + csrf + "\r\n");
  ASSERT_EQ(logout.status, 200) << logout.body;
  EXPECT_NE(logout.headers.at("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Request(server_->port(), "GET", "/api/v1/auth/me", cookie).status, 401);
}

TEST_F(AuthLoginTest, RepeatedFailuresLockTheAccount) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Login("xa03", "sai mật khẩu lần nữa").status, 401);
  const HttpReply locked = Login("xa03", kPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(ErrorCode(locked), "auth.locked");
}

TEST_F(AuthLoginTest, LoginBodyIsSmallFlatJson) {
  EXPECT_EQ(Request(server_->port(), "POST", "/api/v1/auth/login", "",
                    LoginBody("xa01", kPassword)).status,
            400);  // no JSON content type
  EXPECT_EQ(Login("xa01", std::string(5000, 'x')).status, 413);
  const std::string deep = std::string(40, '[') + std::string(40, ']');
  EXPECT_EQ(Request(server_->port(), "POST", "/api/v1/auth/login", kJson, deep).status, 413);
  EXPECT_EQ(Request(server_->port(), "POST", "/api/v1/auth/login", kJson, "{\"username\":1}").status,
            400);
}

TEST_F(AuthLoginTest, AuditLogOfTheseLoginsVerifies) {
  const ProcessResult verified = RunAnsinh({"audit-log", "--db", workspace_->db_url, "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.stderr_text;
  EXPECT_NE(verified.stdout_text.find("\"intact\""), std::string::npos);
}

}  // namespace
}  // namespace ansinh::http::testing
