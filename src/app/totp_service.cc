#include "app/totp_service.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/totp.h"
#include "store/session_store.h"
#include "store/totp_store.h"
#include "store/user_store.h"

namespace ansinh::app {
namespace {

tl::unexpected<Error> InvalidCode() {
  return Fail(ErrorKind::kInvalidInput, "totp.invalid_code",
              "Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.");
}

tl::unexpected<Error> Locked(std::int64_t wait_s) {
  return Fail(ErrorKind::kLimitExceeded, "auth.locked",
              "Tài khoản tạm khoá do nhập sai nhiều lần; thử lại sau " +
                  std::to_string(std::max<std::int64_t>(wait_s, 1)) + " giây.");
}

AuditActor ActorOf(const core::Principal& principal, const RequestOrigin& origin) {
  return AuditActor{principal.user_id, principal.username, origin.source_address,
                    origin.request_id};
}

AuditEvent Event(std::string action, std::string outcome, const core::Principal& principal) {
  return AuditEvent{std::move(action),  std::move(outcome), "user",
                    principal.username, std::nullopt,       std::nullopt};
}

// The sealed seed a stage works on, or why there is none.
Result<std::string> SeedFor(bool confirming, const store::TotpState& state) {
  if (confirming && state.secret_sealed) {
    return Fail(ErrorKind::kConflict, "totp.already_enrolled",
                "Tài khoản đã có xác thực hai lớp; nhờ quản trị viên đặt lại nếu mất thiết bị.");
  }
  if (confirming && !state.pending_sealed) {
    return Fail(ErrorKind::kConflict, "totp.not_pending",
                "Chưa bắt đầu đăng ký xác thực hai lớp (POST /api/v1/auth/totp/enroll).");
  }
  if (!confirming && !state.secret_sealed) {
    return Fail(ErrorKind::kConflict, "totp.not_enrolled",
                "Tài khoản chưa đăng ký xác thực hai lớp.");
  }
  return confirming ? *state.pending_sealed : *state.secret_sealed;
}

}  // namespace

Result<ServerKey> LazyServerKey::Get() {
  std::lock_guard lock(mutex_);
  if (key_) return *key_;
  auto loaded = LoadServerKey(path_, true);
  if (!loaded) return Fail(std::move(loaded.error()));
  key_ = std::move(*loaded);
  return *key_;
}

std::string TotpSealContext(std::int64_t user_id) {
  return "totp:" + std::to_string(user_id);
}

TotpService::TotpService(store::Database& database, LazyServerKey& key, AuthOptions lockout,
                         Clock clock)
    : database_(database), key_(key), lockout_(lockout), clock_(std::move(clock)) {}

Result<TotpEnrolment> TotpService::Enroll(const core::Principal& principal,
                                          const RequestOrigin& origin) {
  auto key = key_.Get();
  if (!key) return Fail(std::move(key.error()));
  std::array<std::uint8_t, core::kTotpSecretBytes> seed{};
  FillRandom(seed);
  const std::string sealed = SealSecret(*key, seed, TotpSealContext(principal.user_id));
  auto session = database_.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto transaction = store::Transaction::Begin(**session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto stored = store::MakeTotpStore(**session)->SetPending(principal.user_id, sealed);
  if (!stored) return Fail(std::move(stored.error()));
  if (!*stored) {
    return Fail(ErrorKind::kConflict, "totp.already_enrolled",
                "Tài khoản đã có xác thực hai lớp; nhờ quản trị viên đặt lại nếu mất thiết bị.");
  }
  auto audited = AppendAudit(**session, ActorOf(principal, origin),
                             Event("auth.totp_enroll_start", "success", principal));
  if (!audited) return Fail(std::move(audited.error()));
  if (auto ok = transaction->Commit(); !ok) return Fail(std::move(ok.error()));
  TotpEnrolment enrolment{core::Base32Encode(seed),
                          core::TotpProvisioningUri(kTotpIssuer, principal.username, seed)};
  WipeBytes(seed);
  return enrolment;
}

Status TotpService::Confirm(const core::Principal& principal, std::string_view session_token,
                            std::string_view code, const RequestOrigin& origin) {
  return Check(Stage::kConfirm, principal, session_token, code, origin);
}

Status TotpService::Verify(const core::Principal& principal, std::string_view session_token,
                           std::string_view code, const RequestOrigin& origin) {
  return Check(Stage::kVerify, principal, session_token, code, origin);
}

Status TotpService::Check(Stage stage, const core::Principal& principal,
                          std::string_view session_token, std::string_view code,
                          const RequestOrigin& origin) {
  if (session_token.empty()) {
    return Fail(ErrorKind::kInvalidInput, "totp.session_required",
                "Xác thực hai lớp chỉ dùng cho phiên đăng nhập, không cho mã API.");
  }
  if (!core::IsWellFormedTotpCode(code)) {
    return Fail(ErrorKind::kInvalidInput, "totp.code_malformed",
                "Mã xác thực phải gồm đúng 6 chữ số.");
  }
  const bool confirming = stage == Stage::kConfirm;
  auto session = database_.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto transaction = store::Transaction::Begin(**session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto user = store::MakeUserStore(**session)->FindById(principal.user_id);
  if (!user) return Fail(std::move(user.error()));
  const std::int64_t now_s = clock_();
  if (*user && (*user)->locked_until_s > now_s) return Locked((*user)->locked_until_s - now_s);
  auto totp = store::MakeTotpStore(**session);
  auto state = totp->Find(principal.user_id);
  if (!state) return Fail(std::move(state.error()));
  auto sealed = SeedFor(confirming, *state);
  if (!sealed) return Fail(std::move(sealed.error()));
  auto key = key_.Get();
  if (!key) return Fail(std::move(key.error()));
  auto seed = OpenSecret(*key, *sealed, TotpSealContext(principal.user_id));
  if (!seed) return Fail(std::move(seed.error()));
  const auto step = core::MatchTotp(core::OpenSslHmacSha1, *seed, code, now_s, state->last_step);
  WipeBytes(*seed);
  const char* action = confirming ? "auth.totp_enroll" : "auth.totp_verify";
  if (!step) {
    if (auto ok = OnWrongCode(**session, principal, origin, action); !ok) return ok;
    if (auto ok = transaction->Commit(); !ok) return ok;
    return InvalidCode();
  }
  auto claimed = confirming ? totp->Confirm(principal.user_id, *sealed, *step)
                            : totp->ClaimStep(principal.user_id, *step);
  if (!claimed) return Fail(std::move(claimed.error()));
  if (!*claimed) return InvalidCode();  // a concurrent request used this code first
  Status steps[] = {
      totp->MarkSessionVerified(HashToken(session_token)),
      store::MakeUserStore(**session)->ClearLoginFailures(principal.user_id),
      AppendAudit(**session, ActorOf(principal, origin), Event(action, "success", principal)),
  };
  for (auto& done : steps) {
    if (!done) return done;
  }
  return transaction->Commit();
}

Status TotpService::OnWrongCode(store::SqlSession& session, const core::Principal& principal,
                                const RequestOrigin& origin, std::string_view action) {
  auto users = store::MakeUserStore(session);
  auto failures = users->IncrementLoginFailures(principal.user_id);
  if (!failures) return Fail(std::move(failures.error()));
  const std::int64_t lock_s = LockSeconds(lockout_, *failures);
  if (lock_s > 0) {
    if (auto ok = users->SetLockedUntil(principal.user_id, clock_() + lock_s); !ok) return ok;
  }
  AuditEvent event = Event(std::string(action), "failure", principal);
  event.after =
      nlohmann::json{{"reason", "wrong_code"}, {"failed_logins", *failures}, {"locked_s", lock_s}};
  return AppendAudit(session, ActorOf(principal, origin), event);
}

Status ResetTotp(store::Database& database, const std::string& username, const AuditActor& actor) {
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto transaction = store::Transaction::Begin(**session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto user = store::MakeUserStore(**session)->FindByUsername(username);
  if (!user) return Fail(std::move(user.error()));
  if (!*user) {
    return Fail(ErrorKind::kNotFound, "user.not_found", "Không có người dùng «" + username + "».");
  }
  const std::int64_t user_id = (*user)->id;
  Status steps[] = {
      store::MakeTotpStore(**session)->Reset(user_id),
      store::MakeSessionStore(**session)->DeleteForUser(user_id).map([](std::int64_t) {}),
      AppendAudit(
          **session, actor,
          AuditEvent{"user.totp_reset", "success", "user", username,
                     nlohmann::json{{"second_factor_enrolled", (*user)->second_factor_enrolled}},
                     nlohmann::json{{"second_factor_enrolled", false}}}),
  };
  for (auto& done : steps) {
    if (!done) return done;
  }
  return transaction->Commit();
}

}  // namespace ansinh::app
