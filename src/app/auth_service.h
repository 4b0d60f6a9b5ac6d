// Login, session authentication and logout, with lockout and audit.
//
// Sessions live in the database (store/session_store.h), so several server
// processes behind a load balancer share them. The token handed to the browser
// is 32 random bytes; only its hash is stored. A new token is issued at every
// login (and the one the browser presented, if any, is revoked).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/audit_log.h"
#include "core/error.h"
#include "core/permission.h"
#include "store/database.h"
#include "store/user_store.h"

namespace ansinh::app {

struct AuthOptions {
  std::int64_t idle_timeout_s = 30 * 60;
  std::int64_t absolute_timeout_s = 12 * 60 * 60;
  // Progressive lockout: after free_attempts failures in a row, the account is
  // locked for base_lock_s, doubling with each further failure, up to max_lock_s.
  std::int64_t free_attempts = 3;
  std::int64_t base_lock_s = 1;
  std::int64_t max_lock_s = 15 * 60;
  // A session's last-seen time is written at most this often, to spare writes.
  std::int64_t touch_interval_s = 30;
};

// Where a request came from, for the audit log.
struct RequestOrigin {
  std::string source_address;
  std::string request_id;
};

struct LoginResult {
  std::string session_token;  // for the cookie; never logged or stored
  std::string csrf_token;
  core::Principal principal;
};

struct AuthenticatedSession {
  core::Principal principal;
  std::string csrf_token;
};

// The principal of a user; second_factor_verified as the session says.
core::Principal PrincipalOf(const store::UserRecord& user, bool second_factor_verified);

// Seconds of lock after the failed_logins-th failure in a row (0: no lock).
std::int64_t LockSeconds(const AuthOptions& options, std::int64_t failed_logins);

// Thread safety: every method may be called from several threads at once.
class AuthService {
 public:
  using Clock = std::function<std::int64_t()>;  // Unix seconds

  // REQUIRES: database outlives the service.
  AuthService(store::Database& database, AuthOptions options, Clock clock = NowUnixSeconds);

  // Errors: kUnauthenticated "auth.invalid_credentials" (unknown user, wrong
  // password or disabled user alike); kLimitExceeded "auth.locked" while the
  // account is locked; kUnavailable "auth.busy".
  Result<LoginResult> Login(std::string_view username, std::string_view password,
                            const RequestOrigin& origin,
                            std::optional<std::string_view> previous_token = std::nullopt);

  // The session of a token. Errors: kUnauthenticated "auth.session_missing"
  // (unknown token) or "auth.session_expired" (idle or absolute timeout, or the
  // user was disabled).
  Result<AuthenticatedSession> Authenticate(std::string_view token);

  // Ends the session (unknown tokens are ignored) and audits it.
  Status Logout(std::string_view token, const core::Principal& principal,
                const RequestOrigin& origin);

  const AuthOptions& options() const { return options_; }
  store::Database& database() const { return database_; }

 private:
  Result<LoginResult> Fail401(store::SqlSession& session, std::string_view username,
                              std::optional<std::int64_t> user_id, const RequestOrigin& origin,
                              std::string_view reason);
  Result<LoginResult> OnWrongPassword(store::SqlSession& session, std::int64_t user_id,
                                      std::string_view username, const RequestOrigin& origin);
  Result<LoginResult> OnSuccess(store::SqlSession& session, const core::Principal& principal,
                                const RequestOrigin& origin,
                                std::optional<std::string_view> previous_token);

  store::Database& database_;
  AuthOptions options_;
  Clock clock_;
};

}  // namespace ansinh::app
