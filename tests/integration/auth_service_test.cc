// Users, login, sessions, lockout and scope on both databases, with a clock
// the test moves.
#include "app/auth_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

#include "app/auth_scope.h"
#include "app/user_service.h"
#include "integration/test_database.h"
#include "store/migrations.h"

namespace ansinh::app {
namespace {

constexpr const char* kPassword = "một cụm từ đủ dài và khó đoán";

class AuthServiceTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // Province 01 > district 001 > commune 00004; commune 00007 in district 002.
    auto seeded = testing_support::MigrateWithTwoDistricts(database());
    ASSERT_TRUE(seeded) << seeded.error().message;
    auth_ = std::make_unique<AuthService>(database(), AuthOptions{}, [this] { return now_s_.load(); });
  }

  store::UserRecord Add(const std::string& username, core::Role role,
                        std::optional<std::string> unit) {
    NewUser user{username, role, std::move(unit), std::nullopt, {}, kPassword, false};
    auto added = AddUser(database(), user, CliActor());
    EXPECT_TRUE(added) << (added ? "" : added.error().code);
    return added ? *added : store::UserRecord{};
  }

  std::string LoginCode(const std::string& username, const std::string& password) {
    auto login = auth_->Login(username, password, RequestOrigin{"10.0.0.9", "req"});
    return login ? "ok" : login.error().code;
  }

  std::atomic<std::int64_t> now_s_{1'750'000'000};
  std::unique_ptr<AuthService> auth_;
};

TEST_P(AuthServiceTest, UserIsAddedWithItsScopeAndWithoutItsPassword) {
  const auto user = Add("xa.truc-bach", core::Role::kCommuneOfficer, "00004");
  EXPECT_EQ(user.unit_edition, "pre2025");
  EXPECT_NE(user.password_hash.find("$argon2id$"), std::string::npos);
  EXPECT_FALSE(UserToJson(user).contains("password_hash"));
  NewUser duplicate{"xa.truc-bach", core::Role::kAuditor, std::nullopt, std::nullopt, {}, kPassword,
                    false};
  auto again = AddUser(database(), duplicate, CliActor());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "user.exists");
}

TEST_P(AuthServiceTest, UserNeedsAUnitOfTheRightLevel) {
  NewUser user{"huyen", core::Role::kDistrictOfficer, std::nullopt, std::nullopt, {}, kPassword,
               false};
  EXPECT_EQ(AddUser(database(), user, CliActor()).error().code, "user.unit_required");
  user.unit_code = "00004";  // a commune, not a district
  EXPECT_EQ(AddUser(database(), user, CliActor()).error().code, "user.unit_unknown");
  user.password = "short";
  user.unit_code = "001";
  EXPECT_EQ(AddUser(database(), user, CliActor()).error().code, "password.too_short");
}

TEST_P(AuthServiceTest, LoginGivesASessionThatAuthenticates) {
  Add("xa01", core::Role::kCommuneOfficer, "00004");
  auto login = auth_->Login("xa01", kPassword, RequestOrigin{"10.0.0.9", "req"});
  ASSERT_TRUE(login);
  EXPECT_EQ(login->session_token.size(), 64u);
  auto session = auth_->Authenticate(login->session_token);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->principal.username, "xa01");
  EXPECT_EQ(session->principal.scope_unit_code, "00004");
  EXPECT_EQ(session->csrf_token, login->csrf_token);
  EXPECT_EQ(auth_->Authenticate("not-a-token").error().code, "auth.session_missing");
}

TEST_P(AuthServiceTest, WrongPasswordAndUnknownUserLookAlike) {
  Add("xa01", core::Role::kCommuneOfficer, "00004");
  EXPECT_EQ(LoginCode("xa01", "sai mật khẩu rồi nhé"), "auth.invalid_credentials");
  EXPECT_EQ(LoginCode("khong-co", kPassword), "auth.invalid_credentials");
}

TEST_P(AuthServiceTest, ProgressiveLockoutThenUnlockAfterTheDelay) {
  Add("xa01", core::Role::kCommuneOfficer, "00004");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(LoginCode("xa01", "sai"), "auth.invalid_credentials");
  EXPECT_EQ(LoginCode("xa01", kPassword), "auth.locked");  // locked 1 s after the 3rd failure
  now_s_ += 2;
  EXPECT_EQ(LoginCode("xa01", "sai"), "auth.invalid_credentials");  // 4th: locked 2 s
  now_s_ += 1;
  EXPECT_EQ(LoginCode("xa01", kPassword), "auth.locked");
  now_s_ += 2;
  EXPECT_EQ(LoginCode("xa01", kPassword), "ok");  // and the counter is cleared
  EXPECT_EQ(LockSeconds(AuthOptions{}, 100), 15 * 60);
}

TEST_P(AuthServiceTest, IdleAndAbsoluteTimeoutsEndTheSession) {
  Add("xa01", core::Role::kCommuneOfficer, "00004");
  auto login = auth_->Login("xa01", kPassword, RequestOrigin{"10.0.0.9", "req"});
  ASSERT_TRUE(login);
  // Active every 25 minutes: never idle, until 12 h after login.
  for (int minutes = 25; minutes <= 12 * 60 + 25; minutes += 25) {
    now_s_ += 25 * 60;
    const auto session = auth_->Authenticate(login->session_token);
    if (minutes <= 12 * 60) {
      ASSERT_TRUE(session) << minutes;
    } else {
      EXPECT_EQ(session.error().code, "auth.session_expired");
    }
  }

  auto second = auth_->Login("xa01", kPassword, RequestOrigin{"10.0.0.9", "req"});
  ASSERT_TRUE(second);
  now_s_ += 31 * 60;
  EXPECT_EQ(auth_->Authenticate(second->session_token).error().code, "auth.session_expired");
}

TEST_P(AuthServiceTest, DisableAndResetEndSessions) {
  Add("xa01", core::Role::kCommuneOfficer, "00004");
  auto login = auth_->Login("xa01", kPassword, RequestOrigin{"10.0.0.9", "req"});
  ASSERT_TRUE(login);
  ASSERT_TRUE(DisableUser(database(), "xa01", CliActor()));
  EXPECT_FALSE(auth_->Authenticate(login->session_token));
  EXPECT_EQ(LoginCode("xa01", kPassword), "auth.invalid_credentials");
  ASSERT_TRUE(ResetPassword(database(), "xa01", "một mật khẩu mới đủ dài", false, CliActor()));
  EXPECT_EQ(LoginCode("xa01", "một mật khẩu mới đủ dài"), "ok");
  auto verification = VerifyAuditLog(database());
  ASSERT_TRUE(verification);
  EXPECT_FALSE(verification->first_break);
  EXPECT_GE(verification->entries, 5);  // add, login, disable, failed login, reset, login
}

TEST_P(AuthServiceTest, FirstAdministratorOnlyOnce) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto transaction = store::Transaction::Begin(**session);
  ASSERT_TRUE(transaction);
  auto first = EnsureFirstAdministrator(**session);
  ASSERT_TRUE(first);
  ASSERT_TRUE(*first);
  EXPECT_EQ((*first)->size(), 20u);
  auto second = EnsureFirstAdministrator(**session);
  ASSERT_TRUE(second);
  EXPECT_FALSE(*second);
  ASSERT_TRUE(transaction->Commit());
  EXPECT_EQ(LoginCode("admin", **first), "ok");
}

TEST_P(AuthServiceTest, ScopeFollowsTheUnitHierarchy) {
  core::Principal district{1, "huyen", core::Role::kDistrictOfficer, "001", "pre2025", {}, false,
                           false};
  core::Principal commune{2, "xa", core::Role::kCommuneOfficer, "00004", "pre2025", {}, false, false};
  core::Principal auditor{3, "kt", core::Role::kAuditor, "", "", {}, false, false};
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto in = [&](const core::Principal& p, const std::string& code) {
    return IsUnitInScope(**session, p, "pre2025", code).value_or(false);
  };
  EXPECT_TRUE(in(district, "00004"));
  EXPECT_TRUE(in(district, "001"));
  EXPECT_FALSE(in(district, "00007"));
  EXPECT_TRUE(in(commune, "00004"));
  EXPECT_FALSE(in(commune, "001"));
  EXPECT_TRUE(in(auditor, "00007"));
  EXPECT_EQ(RequireUnitInScope(**session, commune, "pre2025", "00007").error().kind,
            ErrorKind::kNotFound);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(AuthServiceTest);

}  // namespace
}  // namespace ansinh::app
