#include "app/auth_service.h"

#include <algorithm>
#include <utility>

#include "app/auth_secrets.h"
#include "store/api_token_store.h"
#include "store/session_store.h"
#include "store/user_store.h"

namespace ansinh::app {
namespace {

constexpr std::size_t kMaxUsernameBytes = 64;
constexpr std::size_t kMaxPasswordBytes = 256;
// Doubling stops here; max_lock_s caps the result long before.
constexpr std::int64_t kMaxLockDoublings = 30;

tl::unexpected<Error> InvalidCredentials() {
  return Fail(ErrorKind::kUnauthenticated, "auth.invalid_credentials",
              "Tên đăng nhập hoặc mật khẩu không đúng.");
}

tl::unexpected<Error> Locked(std::int64_t wait_s) {
  return Fail(ErrorKind::kLimitExceeded, "auth.locked",
              "Tài khoản tạm khoá do đăng nhập sai nhiều lần; thử lại sau " +
                  std::to_string(std::max<std::int64_t>(wait_s, 1)) + " giây.");
}

tl::unexpected<Error> SessionMissing() {
  return Fail(ErrorKind::kUnauthenticated, "auth.session_missing",
              "Chưa đăng nhập hoặc phiên không hợp lệ.");
}

tl::unexpected<Error> SessionExpired() {
  return Fail(ErrorKind::kUnauthenticated, "auth.session_expired",
              "Phiên làm việc đã hết hạn; vui lòng đăng nhập lại.");
}

}  // namespace

core::Principal PrincipalOf(const store::UserRecord& user, bool second_factor) {
  core::Principal principal;
  principal.user_id = user.id;
  principal.username = user.username;
  principal.role = user.role;
  principal.scope_unit_code = user.unit_code.value_or("");
  principal.scope_edition = user.unit_edition.value_or("");
  principal.contracted_unit_codes = user.contracted_units;
  principal.second_factor_verified = second_factor;
  principal.must_change_password = user.must_change_password;
  return principal;
}

namespace {

AuditActor ActorOf(std::optional<std::int64_t> user_id, std::string_view name,
                   const RequestOrigin& origin) {
  return AuditActor{user_id, std::string(name.substr(0, kMaxUsernameBytes)),
                    origin.source_address, origin.request_id};
}

template <class T>
Result<T> CommitThen(store::Transaction& transaction, Result<T> value) {
  if (auto ok = transaction.Commit(); !ok) return Fail(std::move(ok.error()));
  return value;
}

}  // namespace

std::int64_t LockSeconds(const AuthOptions& options, std::int64_t failed_logins) {
  if (failed_logins < options.free_attempts) return 0;
  const std::int64_t doublings =
      std::min(failed_logins - options.free_attempts, kMaxLockDoublings);
  return std::min(options.base_lock_s << doublings, options.max_lock_s);
}

AuthService::AuthService(store::Database& database, AuthOptions options, Clock clock)
    : database_(database), options_(options), clock_(std::move(clock)) {}

Result<LoginResult> AuthService::Login(std::string_view username, std::string_view password,
                                       const RequestOrigin& origin,
                                       std::optional<std::string_view> previous_token) {
  auto session = database_.Acquire();
  if (!session) return Fail(std::move(session.error()));
  if (username.empty() || username.size() > kMaxUsernameBytes ||
      password.size() > kMaxPasswordBytes) {
    return Fail401(**session, username, std::nullopt, origin, "malformed");
  }
  auto user = store::MakeUserStore(**session)->FindByUsername(std::string(username));
  if (!user) return Fail(std::move(user.error()));
  if (!*user || !(*user)->active) {
    VerifyAgainstDummy(password);
    return Fail401(**session, username, *user ? std::optional((*user)->id) : std::nullopt,
                   origin, *user ? "disabled" : "unknown_user");
  }
  // The service account of an API token authenticates only with its token.
  auto service = store::MakeApiTokenStore(**session)->IsServiceAccount((*user)->id);
  if (!service) return Fail(std::move(service.error()));
  if (*service) {
    VerifyAgainstDummy(password);
    return Fail401(**session, username, (*user)->id, origin, "service_account");
  }
  const std::int64_t now_s = clock_();
  if ((*user)->locked_until_s > now_s) {
    (void)Fail401(**session, username, (*user)->id, origin, "locked");
    return Locked((*user)->locked_until_s - now_s);
  }
  auto matches = VerifyPassword((*user)->password_hash, password);
  if (!matches) return Fail(std::move(matches.error()));
  if (!*matches) return OnWrongPassword(**session, (*user)->id, username, origin);
  return OnSuccess(**session, PrincipalOf(**user, false), origin, previous_token);
}

Result<LoginResult> AuthService::Fail401(store::SqlSession& session, std::string_view username,
                                         std::optional<std::int64_t> user_id,
                                         const RequestOrigin& origin, std::string_view reason) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto audited = AppendAudit(session, ActorOf(user_id, username, origin),
                             AuditEvent{"auth.login", "failure", "user",
                                        std::string(username.substr(0, kMaxUsernameBytes)),
                                        std::nullopt, nlohmann::json{{"reason", reason}}});
  if (!audited) return Fail(std::move(audited.error()));
  return CommitThen<LoginResult>(*transaction, InvalidCredentials());
}

Result<LoginResult> AuthService::OnWrongPassword(store::SqlSession& session, std::int64_t user_id,
                                                 std::string_view username,
                                                 const RequestOrigin& origin) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto users = store::MakeUserStore(session);
  auto failures = users->IncrementLoginFailures(user_id);
  if (!failures) return Fail(std::move(failures.error()));
  const std::int64_t lock_s = LockSeconds(options_, *failures);
  if (lock_s > 0) {
    if (auto ok = users->SetLockedUntil(user_id, clock_() + lock_s); !ok) {
      return Fail(std::move(ok.error()));
    }
  }
  auto audited = AppendAudit(
      session, ActorOf(user_id, username, origin),
      AuditEvent{"auth.login", "failure", "user", std::string(username), std::nullopt,
                 nlohmann::json{{"reason", "wrong_password"},
                                {"failed_logins", *failures},
                                {"locked_s", lock_s}}});
  if (!audited) return Fail(std::move(audited.error()));
  return CommitThen<LoginResult>(*transaction, InvalidCredentials());
}

Result<LoginResult> AuthService::OnSuccess(store::SqlSession& session,
                                           const core::Principal& principal,
                                           const RequestOrigin& origin,
                                           std::optional<std::string_view> previous_token) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto sessions = store::MakeSessionStore(session);
  const std::int64_t now_s = clock_();
  LoginResult result{RandomToken(), RandomToken(), principal};
  Status steps[] = {
      store::MakeUserStore(session)->ClearLoginFailures(principal.user_id),
      previous_token ? sessions->Delete(HashToken(*previous_token)).map([](std::int64_t) {})
                     : Status{},
      sessions->DeleteExpired(now_s - options_.idle_timeout_s,
                              now_s - options_.absolute_timeout_s)
          .map([](std::int64_t) {}),
      sessions->Insert(store::SessionRecord{HashToken(result.session_token), principal.user_id,
                                            result.csrf_token, now_s, now_s, false,
                                            origin.source_address}),
      AppendAudit(session, ActorOf(principal.user_id, principal.username, origin),
                  AuditEvent{"auth.login", "success", "user", principal.username, std::nullopt,
                             std::nullopt}),
  };
  for (auto& step : steps) {
    if (!step) return Fail(std::move(step.error()));
  }
  return CommitThen<LoginResult>(*transaction, std::move(result));
}

Result<AuthenticatedSession> AuthService::Authenticate(std::string_view token) {
  auto session = database_.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto sessions = store::MakeSessionStore(**session);
  const std::string token_hash = HashToken(token);
  auto record = sessions->Find(token_hash);
  if (!record) return Fail(std::move(record.error()));
  if (!*record) return SessionMissing();
  const std::int64_t now_s = clock_();
  const bool expired = now_s - (*record)->last_seen_at_s > options_.idle_timeout_s ||
                       now_s - (*record)->created_at_s > options_.absolute_timeout_s;
  auto user = store::MakeUserStore(**session)->FindById((*record)->user_id);
  if (!user) return Fail(std::move(user.error()));
  if (expired || !*user || !(*user)->active) {
    auto deleted = sessions->Delete(token_hash);
    if (!deleted) return Fail(std::move(deleted.error()));
    return SessionExpired();
  }
  if (now_s - (*record)->last_seen_at_s >= options_.touch_interval_s) {
    if (auto ok = sessions->Touch(token_hash, now_s); !ok) return Fail(std::move(ok.error()));
  }
  return AuthenticatedSession{PrincipalOf(**user, (*record)->second_factor),
                              (*record)->csrf_token};
}

Status AuthService::Logout(std::string_view token, const core::Principal& principal,
                           const RequestOrigin& origin) {
  auto session = database_.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto transaction = store::Transaction::Begin(**session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto deleted = store::MakeSessionStore(**session)->Delete(HashToken(token));
  if (!deleted) return Fail(std::move(deleted.error()));
  auto audited = AppendAudit(**session, ActorOf(principal.user_id, principal.username, origin),
                             AuditEvent{"auth.logout", "success", "user", principal.username,
                                        std::nullopt, std::nullopt});
  if (!audited) return Fail(std::move(audited.error()));
  return transaction->Commit();
}

}  // namespace ansinh::app
