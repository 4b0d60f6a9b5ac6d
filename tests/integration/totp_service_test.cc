// The TOTP second factor on both databases: enrol, confirm, verify on a
// session, replay refused, lockout after wrong codes, seeds sealed at rest,
// and an administrator's reset.
#include "app/totp_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

#include "app/user_service.h"
#include "core/totp.h"
#include "integration/test_database.h"
#include "store/migrations.h"
#include "store/session_store.h"

namespace ansinh::app {
namespace {

constexpr const char* kPassword = "một cụm từ đủ dài và khó đoán";

class TotpServiceTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(store::ApplyMigrations(database(), testing_support::SourceMigrationsRoot()));
    // The administrator needs no unit, and is one of the roles that need a second factor.
    NewUser user{"quantri", core::Role::kAdmin, std::nullopt, std::nullopt, {}, kPassword, false};
    ASSERT_TRUE(AddUser(database(), user, CliActor()));
    key_ = std::make_unique<LazyServerKey>(keys_.path() / "server.key");
    const auto clock = [this] { return now_s_.load(); };
    auth_ = std::make_unique<AuthService>(database(), AuthOptions{}, clock);
    totp_ = std::make_unique<TotpService>(database(), *key_, AuthOptions{}, clock);
    auto login = auth_->Login("quantri", kPassword, origin_);
    ASSERT_TRUE(login);
    token_ = login->session_token;
    principal_ = login->principal;
  }

  // The code an authenticator app shows at now_s_ + offset_s.
  std::string CodeAt(const std::string& secret_base32, std::int64_t offset_s = 0) {
    const auto seed = core::Base32Decode(secret_base32).value_or(std::vector<std::uint8_t>{});
    return core::FormatTotpCode(
        core::HotpValue(core::OpenSslHmacSha1, seed, core::TotpStep(now_s_ + offset_s)));
  }

  bool SessionVerified() {
    auto session = auth_->Authenticate(token_);
    return session && session->principal.second_factor_verified;
  }

  std::string Enrolled() {
    auto enrolment = totp_->Enroll(principal_, origin_);
    EXPECT_TRUE(enrolment) << (enrolment ? "" : enrolment.error().code);
    if (!enrolment) return "";
    EXPECT_TRUE(totp_->Confirm(principal_, token_, CodeAt(enrolment->secret_base32), origin_));
    return enrolment->secret_base32;
  }

  static std::string CodeOf(const Status& status) { return status ? "ok" : status.error().code; }

  testing_support::TempDir keys_;
  std::atomic<std::int64_t> now_s_{1'750'000'000};
  RequestOrigin origin_{"10.0.0.9", "req"};
  std::unique_ptr<LazyServerKey> key_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<TotpService> totp_;
  std::string token_;
  core::Principal principal_;
};

TEST_P(TotpServiceTest, EnrolmentGivesAUriAndConfirmationVerifiesTheSession) {
  auto enrolment = totp_->Enroll(principal_, origin_);
  ASSERT_TRUE(enrolment);
  EXPECT_EQ(enrolment->secret_base32.size(), 32u);  // 20 bytes
  EXPECT_EQ(enrolment->otpauth_uri.rfind("otpauth://totp/ansinh:quantri?secret=", 0), 0u);
  EXPECT_FALSE(SessionVerified());
  EXPECT_EQ(CodeOf(totp_->Verify(principal_, token_, CodeAt(enrolment->secret_base32), origin_)),
            "totp.not_enrolled");
  EXPECT_EQ(CodeOf(totp_->Confirm(principal_, token_, CodeAt(enrolment->secret_base32), origin_)),
            "ok");
  EXPECT_TRUE(SessionVerified());
  EXPECT_EQ(totp_->Enroll(principal_, origin_).error().code, "totp.already_enrolled");
}

TEST_P(TotpServiceTest, SeedIsSealedAtRestAndBoundToItsUser) {
  const std::string secret = Enrolled();
  auto session = database().Acquire();
  auto rows = (*session)->Query("SELECT totp_secret FROM users WHERE username = 'quantri'");
  ASSERT_TRUE(rows);
  const std::string stored = rows->Text(0, 0);
  EXPECT_EQ(stored.rfind("v1:", 0), 0u);
  EXPECT_EQ(stored.find(secret), std::string::npos);
  auto key = key_->Get();
  ASSERT_TRUE(key);
  EXPECT_TRUE(OpenSecret(*key, stored, TotpSealContext(principal_.user_id)));
  EXPECT_EQ(OpenSecret(*key, stored, TotpSealContext(principal_.user_id + 1)).error().code,
            "key.corrupt");
  auto other = LoadServerKey(keys_.path() / "other.key", true);
  ASSERT_TRUE(other);
  EXPECT_EQ(OpenSecret(*other, stored, TotpSealContext(principal_.user_id)).error().code,
            "key.mismatch");
}

TEST_P(TotpServiceTest, LaterSessionsVerifyOnceAndReplaysAreRefused) {
  const std::string secret = Enrolled();
  auto second = auth_->Login("quantri", kPassword, origin_);
  ASSERT_TRUE(second);
  token_ = second->session_token;
  EXPECT_FALSE(SessionVerified());
  now_s_ += 30;
  const std::string code = CodeAt(secret);
  EXPECT_EQ(CodeOf(totp_->Verify(principal_, token_, code, origin_)), "ok");
  EXPECT_TRUE(SessionVerified());
  EXPECT_EQ(CodeOf(totp_->Verify(principal_, token_, code, origin_)), "totp.invalid_code");
  // The previous step's code is older than the one just used: refused too.
  EXPECT_EQ(CodeOf(totp_->Verify(principal_, token_, CodeAt(secret, -30), origin_)),
            "totp.invalid_code");
  EXPECT_EQ(CodeOf(totp_->Verify(principal_, token_, CodeAt(secret, 30), origin_)), "ok");
}

TEST_P(TotpServiceTest, WrongCodesLockLikeWrongPasswords) {
  const std::string secret = Enrolled();
  now_s_ += 300;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(CodeOf(totp_->Verify(principal_, token_, "000000", origin_)), "totp.invalid_code");
  }
  EXPECT_EQ(CodeOf(totp_->Verify(principal_, token_, CodeAt(secret), origin_)), "auth.locked");
  now_s_ += 2;
  EXPECT_EQ(CodeOf(totp_->Verify(principal_, token_, CodeAt(secret), origin_)), "ok");
  EXPECT_EQ(CodeOf(totp_->Verify(principal_, token_, "12345", origin_)), "totp.code_malformed");
  EXPECT_EQ(CodeOf(totp_->Verify(principal_, "", CodeAt(secret, 30), origin_)),
            "totp.session_required");
}

TEST_P(TotpServiceTest, ResetRemovesTheFactorAndEndsSessions) {
  Enrolled();
  ASSERT_TRUE(ResetTotp(database(), "quantri", CliActor()));
  EXPECT_EQ(auth_->Authenticate(token_).error().code, "auth.session_missing");
  auto login = auth_->Login("quantri", kPassword, origin_);
  ASSERT_TRUE(login);
  EXPECT_TRUE(totp_->Enroll(login->principal, origin_));
  EXPECT_EQ(CodeOf(ResetTotp(database(), "khong-co", CliActor())), "user.not_found");
  auto verified = VerifyAuditLog(database());
  ASSERT_TRUE(verified);
  EXPECT_FALSE(verified->first_break);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(TotpServiceTest);

}  // namespace
}  // namespace ansinh::app
