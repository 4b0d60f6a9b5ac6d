// The TOTP second factor: enrolment, confirmation with a first code,
// verification on a login session, and an administrator's reset.
//
// A user enrols (a new seed, sealed with the server key, is stored as
// pending and shown once as an otpauth:// URI and base32), then confirms with
// a code from the app: the seed becomes the user's and this session counts as
// verified. Later sessions verify with POST /api/v1/auth/totp/verify. Wrong
// codes count as failed logins (same progressive lockout), and a code is good
// once: a replayed code is refused. Every outcome is audited.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "app/audit_log.h"
#include "app/auth_secrets.h"
#include "app/auth_service.h"
#include "core/error.h"
#include "core/permission.h"
#include "store/database.h"

namespace ansinh::app {

inline constexpr const char* kTotpIssuer = "ansinh";

struct TotpEnrolment {
  std::string secret_base32;  // for manual entry in the app
  std::string otpauth_uri;    // for a QR code
};

// The server key, loaded (and created when missing) on first use, then kept.
// Thread safety: Get may be called from several threads at once.
class LazyServerKey {
 public:
  explicit LazyServerKey(std::filesystem::path path) : path_(std::move(path)) {}
  Result<ServerKey> Get();

 private:
  std::filesystem::path path_;
  std::mutex mutex_;
  std::optional<ServerKey> key_;
};

// Thread safety: every method may be called from several threads at once.
class TotpService {
 public:
  using Clock = AuthService::Clock;

  // REQUIRES: database and key outlive the service. `lockout` gives the
  // progressive lockout applied to wrong codes.
  TotpService(store::Database& database, LazyServerKey& key, AuthOptions lockout,
              Clock clock = NowUnixSeconds);

  // Errors: kConflict "totp.already_enrolled" (an administrator must reset it
  // first), "key.*" when the server key cannot be read.
  Result<TotpEnrolment> Enroll(const core::Principal& principal, const RequestOrigin& origin);

  // Confirms the pending seed with a code and marks the session (token as in
  // the cookie) verified. Errors: kConflict "totp.not_pending"; those of Verify.
  Status Confirm(const core::Principal& principal, std::string_view session_token,
                 std::string_view code, const RequestOrigin& origin);

  // Marks the session verified when the code is right. Errors: kInvalidInput
  // "totp.code_malformed" (not 6 digits: not counted as an attempt); kConflict
  // "totp.not_enrolled"; kInvalidInput "totp.invalid_code" (wrong, expired or
  // replayed: not 401, which would read as "the session ended"); kLimitExceeded "auth.locked" while
  // locked after failures.
  Status Verify(const core::Principal& principal, std::string_view session_token,
                std::string_view code, const RequestOrigin& origin);

 private:
  enum class Stage { kConfirm, kVerify };
  Status Check(Stage stage, const core::Principal& principal, std::string_view session_token,
               std::string_view code, const RequestOrigin& origin);
  Status OnWrongCode(store::SqlSession& session, const core::Principal& principal,
                     const RequestOrigin& origin, std::string_view action);

  store::Database& database_;
  LazyServerKey& key_;
  AuthOptions lockout_;
  Clock clock_;
};

// Removes a user's second factor (lost phone) and ends its sessions; the user
// enrols again at next login. Errors: kNotFound "user.not_found".
Status ResetTotp(store::Database& database, const std::string& username, const AuditActor& actor);

// The context a seed is sealed under: binds it to its user row.
std::string TotpSealContext(std::int64_t user_id);

}  // namespace ansinh::app
