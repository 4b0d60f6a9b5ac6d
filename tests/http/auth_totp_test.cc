// Black-box: the TOTP second factor against the real server: enrol, confirm
// with a code from the seed, verify on a new session, replay refused, and
// `ansinh user totp-reset` by an administrator.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>

#include "core/totp.h"
#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

constexpr const char* kTotpUserPassword = "một cụm từ đủ dài cho kiểm thử";

// The code an authenticator app shows now, offset by whole steps.
std::string CodeNow(const std::string& secret_base32, int step_offset = 0) {
  const auto seed = core::Base32Decode(secret_base32).value_or(std::vector<std::uint8_t>{});
  const std::int64_t step = core::TotpStep(std::time(nullptr)) + step_offset;
  return core::FormatTotpCode(core::HotpValue(core::OpenSslHmacSha1, seed, step));
}

struct Session {
  std::string headers;  // Cookie and X-CSRF-Token lines
  nlohmann::json me;
};

class AuthTotpTest : public SharedServerTest<AuthTotpTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    // The server seals seeds with this key; the child inherits the variable.
    ::setenv("ANSINH_KEY_FILE", (workspace.root / "server.key").c_str(), 1);
    for (const char* user : {"huyen01", "huyen02"}) {
      if (!CreateUser(workspace.db_url, user, "district_officer", "001", kTotpUserPassword, &error)) {
        return false;
      }
    }
    return true;
  }

 protected:
  static Session Login(const std::string& username) {
    const HttpReply reply =
        Request(server_->port(), "POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
                nlohmann::json{{"username", username}, {"password", kTotpUserPassword}}.dump());
    EXPECT_EQ(reply.status, 200) << reply.body;
    const std::string cookie =
        reply.headers.count("set-cookie")
            ? reply.headers.at("set-cookie").substr(0, reply.headers.at("set-cookie").find(';'))
            : "";
    const auto me = nlohmann::json::parse(reply.body, nullptr, false);
    return Session{"Cookie: " + cookie + "\r\nX-CSRF-Token: " + me.value("csrf_token", "") +
                       "\r\nContent-Type: application/json\r\n",
                   me};
  }

  static HttpReply Post(const Session& session, const std::string& target,
                        const nlohmann::json& body = nlohmann::json::object()) {
    return Request(server_->port(), "POST", target, session.headers, body.dump());
  }

  static bool Verified(const Session& session) {
    const HttpReply me = Request(server_->port(), "GET", "/api/v1/auth/me", session.headers);
    const auto body = nlohmann::json::parse(me.body, nullptr, false);
    return body.is_object() && body.value("second_factor_verified", false);
  }
};

TEST_F(AuthTotpTest, EnrolConfirmThenVerifyOnANewSession) {
  const Session first = Login("huyen01");
  EXPECT_FALSE(first.me["second_factor_verified"]);
  const HttpReply enrolled = Post(first, "/api/v1/auth/totp/enroll");
  ASSERT_EQ(enrolled.status, 200) << enrolled.body;
  const auto enrolment = nlohmann::json::parse(enrolled.body);
  const std::string secret = enrolment["secret"];
  EXPECT_EQ(enrolment["otpauth_uri"].get<std::string>().rfind("otpauth://totp/ansinh:huyen01?", 0),
            0u);
  EXPECT_EQ(Post(first, "/api/v1/auth/totp/verify", {{"code", CodeNow(secret)}}).status, 409);
  const HttpReply confirmed = Post(first, "/api/v1/auth/totp/confirm", {{"code", CodeNow(secret)}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_TRUE(Verified(first));

  const Session second = Login("huyen01");
  EXPECT_FALSE(Verified(second));
  // The code just used for confirmation is refused (replay); the next step's is good.
  const HttpReply replay = Post(second, "/api/v1/auth/totp/verify", {{"code", CodeNow(secret)}});
  EXPECT_EQ(replay.status, 400);
  EXPECT_EQ(ErrorCode(replay), "totp.invalid_code");
  const HttpReply next = Post(second, "/api/v1/auth/totp/verify", {{"code", CodeNow(secret, 1)}});
  EXPECT_EQ(next.status, 200) << next.body;
  EXPECT_TRUE(Verified(second));
  EXPECT_EQ(Post(second, "/api/v1/auth/totp/enroll").status, 409);
}

TEST_F(AuthTotpTest, CodesNeedTheSessionAndTheCsrfToken) {
  const Session session = Login("huyen02");
  EXPECT_EQ(Request(server_->port(), "POST", "/api/v1/auth/totp/enroll").status, 401);
  const std::string no_csrf = session.headers.substr(0, session.headers.find("X-CSRF-Token"));
  EXPECT_EQ(Request(server_->port(), "POST", "/api/v1/auth/totp/enroll", no_csrf, "{}").status,
            403);
  EXPECT_EQ(Post(session, "/api/v1/auth/totp/verify", {{"code", 123456}}).status, 400);
  EXPECT_EQ(ErrorCode(Post(session, "/api/v1/auth/totp/verify", {{"code", "12a456"}})),
            "totp.code_malformed");
}

TEST_F(AuthTotpTest, AdministratorResetLetsTheUserEnrolAgain) {
  const Session session = Login("huyen02");
  const HttpReply enrolled = Post(session, "/api/v1/auth/totp/enroll");
  ASSERT_EQ(enrolled.status, 200);
  const std::string secret = nlohmann::json::parse(enrolled.body)["secret"];
  ASSERT_EQ(Post(session, "/api/v1/auth/totp/confirm", {{"code", CodeNow(secret)}}).status, 200);
  const auto reset =
      RunAnsinh({"user", "--db", workspace_->db_url, "totp-reset", "--username", "huyen02"});
  ASSERT_EQ(reset.exit_code, 0) << reset.stderr_text;
  // The reset ends the user's sessions; a new one can enrol again.
  EXPECT_EQ(Request(server_->port(), "GET", "/api/v1/auth/me", session.headers).status, 401);
  EXPECT_EQ(Post(Login("huyen02"), "/api/v1/auth/totp/enroll").status, 200);
  const auto missing =
      RunAnsinh({"user", "--db", workspace_->db_url, "totp-reset", "--username", "khong-co-ai"});
  EXPECT_NE(missing.exit_code, 0);
}

}  // namespace
}  // namespace ansinh::http::testing
