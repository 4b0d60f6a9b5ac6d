// API tokens on both databases: created once and shown once, stored hashed,
// scoped like a user, revocable, expiring, audited, and never a password login.
#include "app/api_token_service.h"

#include <gtest/gtest.h>

#include "app/auth_scope.h"
#include "app/auth_secrets.h"
#include "app/auth_service.h"
#include "integration/test_database.h"
#include "store/migrations.h"

namespace ansinh::app {
namespace {

constexpr std::int64_t kNow_s = 1'750'000'000;  // 2025-06-15T15:06:40Z

class ApiTokenServiceTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto seeded = testing_support::MigrateWithTwoDistricts(database());
    ASSERT_TRUE(seeded) << seeded.error().message;
  }

  CreatedApiToken Create(const std::string& name, std::optional<std::string> expires = {}) {
    NewApiToken token{name, core::Role::kProviderOperator, "001", std::nullopt, {}, expires, {}};
    auto created = CreateApiToken(database(), token, CliActor(), kNow_s);
    EXPECT_TRUE(created) << (created ? "" : created.error().code);
    return created ? *created : CreatedApiToken{};
  }

  std::string AuthCode(const std::string& token, std::int64_t now_s = kNow_s) {
    auto principal = AuthenticateApiToken(database(), token, now_s);
    return principal ? "ok" : principal.error().code;
  }

  std::int64_t CountRows(const std::string& sql) {
    auto session = database().Acquire();
    auto rows = (*session)->Query(sql);
    return rows ? rows->Int64(0, 0) : -1;
  }
};

TEST_P(ApiTokenServiceTest, TokenIsShownOnceAndStoredHashed) {
  const auto created = Create("buudien-badinh");
  EXPECT_EQ(created.token.rfind("ans_", 0), 0u);
  EXPECT_EQ(created.token.size(), 4u + 43u);  // 32 bytes, unpadded base64url
  EXPECT_EQ(created.record.token_hash, HashToken(created.token));
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '" +
                      created.record.token_hash + "'"),
            1);
  const auto json = ApiTokenToJson(created.record).dump();
  EXPECT_EQ(json.find(created.token), std::string::npos);
  EXPECT_EQ(json.find(created.record.token_hash), std::string::npos);
  EXPECT_NE(Create("buudien-badinh2").token, created.token);
}

TEST_P(ApiTokenServiceTest, TokenActsAsItsServiceAccountWithItsScope) {
  const auto created = Create("buudien-badinh");
  auto principal = AuthenticateApiToken(database(), created.token, kNow_s);
  ASSERT_TRUE(principal) << principal.error().code;
  EXPECT_EQ(principal->username, "api.buudien-badinh");
  EXPECT_EQ(principal->role, core::Role::kProviderOperator);
  EXPECT_EQ(principal->scope_unit_code, "001");
  EXPECT_FALSE(principal->second_factor_verified);
  auto session = database().Acquire();
  EXPECT_EQ(IsUnitInScope(**session, *principal, "pre2025", "00004"), true);
  EXPECT_EQ(IsUnitInScope(**session, *principal, "pre2025", "00007"), false);
  EXPECT_EQ(CountRows("SELECT last_used_at_s FROM api_tokens"), kNow_s);
}

TEST_P(ApiTokenServiceTest, UnknownMalformedRevokedAndExpiredTokensAreRefused) {
  const auto created = Create("nganhang-a", "2025-06-30");
  EXPECT_EQ(AuthCode(created.token), "ok");
  EXPECT_EQ(AuthCode("ans_" + std::string(43, 'A')), "auth.token_invalid");
  EXPECT_EQ(AuthCode("Bearer x"), "auth.token_invalid");
  EXPECT_EQ(AuthCode(created.token.substr(0, 20)), "auth.token_invalid");
  // Valid through 30 June Vietnam time: until 2025-06-30T17:00:00Z.
  EXPECT_EQ(AuthCode(created.token, 1'751'302'799), "ok");
  EXPECT_EQ(AuthCode(created.token, 1'751'302'800), "auth.token_invalid");
  ASSERT_TRUE(RevokeApiToken(database(), created.record.id, CliActor()));
  EXPECT_EQ(AuthCode(created.token), "auth.token_invalid");
  EXPECT_EQ(RevokeApiToken(database(), created.record.id, CliActor()).error().code,
            "api_token.revoked");
  EXPECT_EQ(RevokeApiToken(database(), 999, CliActor()).error().code, "api_token.not_found");
}

TEST_P(ApiTokenServiceTest, BadNamesAndDatesAreRefused) {
  const auto code = [this](const std::string& name, std::optional<std::string> expires) {
    NewApiToken token{name, core::Role::kProviderOperator, "001", std::nullopt, {}, expires, {}};
    auto created = CreateApiToken(database(), token, CliActor(), kNow_s);
    return created ? "ok" : created.error().code;
  };
  EXPECT_EQ(code("AB", std::nullopt), "api_token.name_invalid");
  EXPECT_EQ(code("bưu-điện", std::nullopt), "api_token.name_invalid");
  EXPECT_EQ(code("partner", "2025-02-30"), "api_token.expiry_invalid");
  EXPECT_EQ(code("partner", "2025-06-14"), "api_token.expiry_invalid");  // already past
  EXPECT_EQ(code("partner", "15/07/2025"), "api_token.expiry_invalid");
  EXPECT_EQ(code("partner", std::nullopt), "ok");
  EXPECT_EQ(code("partner", std::nullopt), "api_token.exists");
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM api_tokens"), 1);
}

TEST_P(ApiTokenServiceTest, ServiceAccountCannotLogInWithAPassword) {
  const auto created = Create("buudien-badinh");
  AuthService auth(database(), AuthOptions{}, [] { return kNow_s; });
  auto login = auth.Login("api.buudien-badinh", "bất kỳ mật khẩu nào cũng sai",
                          RequestOrigin{"10.0.0.9", "req"});
  ASSERT_FALSE(login);
  EXPECT_EQ(login.error().code, "auth.invalid_credentials");
}

TEST_P(ApiTokenServiceTest, CreateAndRevokeAreAuditedAndListed) {
  const auto created = Create("buudien-badinh");
  ASSERT_TRUE(RevokeApiToken(database(), created.record.id, CliActor()));
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM audit_log WHERE action IN "
                      "('api_token.create', 'api_token.revoke')"),
            2);
  auto listed = ListApiTokens(database(), 0, 10);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  const auto json = ApiTokenToJson((*listed)[0].token, &(*listed)[0].account);
  EXPECT_EQ(json["role"], "provider_operator");
  EXPECT_EQ(json["unit"], "001");
  EXPECT_EQ(json["active"], false);
  EXPECT_FALSE(json["revoked_at"].is_null());
  auto verified = VerifyAuditLog(database());
  ASSERT_TRUE(verified);
  EXPECT_FALSE(verified->first_break);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(ApiTokenServiceTest);

}  // namespace
}  // namespace ansinh::app
