#include "http/idempotency.h"

#include <utility>

#include "app/audit_log.h"
#include "app/auth_secrets.h"
#include "app/idempotency.h"
#include "http/error_status.h"

namespace ansinh::http {
namespace {

bool IsValidKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxIdempotencyKey_bytes) return false;
  for (char c : key) {
    if (c < 0x21 || c > 0x7E) return false;  // visible ASCII only
  }
  return true;
}

// Method, path, query and body: the request a key stands for.
std::string RequestHash(const Request& request) {
  std::string text = std::string(MethodName(request.method)) + ' ' + request.path + '?';
  for (const auto& [name, value] : request.query) text += name + '=' + value + '&';
  text += '\n';
  text += request.body;
  return app::HashToken(text);
}

Response Refusal(int status, std::string code, std::string message) {
  return ErrorResponse(status, MakeError(status == 400 ? ErrorKind::kInvalidInput
                                                       : ErrorKind::kConflict,
                                         std::move(code), std::move(message)));
}

Response ReplayOf(const app::StoredAnswer& answer) {
  Response response;
  response.status = answer.status;
  response.body = answer.body;
  response.SetHeader("Content-Type", answer.content_type);
  response.SetHeader("Idempotency-Replayed", "true");
  return response;
}

}  // namespace

Response IdempotencyGuard::RunReleasingOnThrow(const AuthorizedHandler& handler,
                                               const Request& request,
                                               const core::Principal& principal,
                                               const std::string& key) const {
  try {
    return handler(request, principal);
  } catch (...) {
    if (auto session = database_.Acquire()) {
      (void)app::ReleaseIdempotencyKey(**session, principal.user_id, key);
    }
    throw;
  }
}

AuthorizedHandler IdempotencyGuard::Wrap(AuthorizedHandler handler) const {
  return [this, handler = std::move(handler)](const Request& request,
                                              const core::Principal& principal) {
    return Run(handler, request, principal);
  };
}

Response IdempotencyGuard::Run(const AuthorizedHandler& handler, const Request& request,
                               const core::Principal& principal) const {
  const auto key_header = request.Header("idempotency-key");
  if (!key_header) return handler(request, principal);
  const std::string key(*key_header);
  if (!IsValidKey(key)) {
    return Refusal(400, "idempotency.key_invalid",
                   "Idempotency-Key phải gồm 1 đến 128 ký tự ASCII nhìn thấy được.");
  }
  Result<app::Reservation> reservation = [&]() -> Result<app::Reservation> {
    auto session = database_.Acquire();  // released before the handler takes its own
    if (!session) return Fail(std::move(session.error()));
    return app::ReserveIdempotencyKey(**session, principal.user_id, key, RequestHash(request),
                                      app::NowUnixSeconds());
  }();
  if (!reservation) return ErrorResponse(reservation.error());
  if (const auto* replay = std::get_if<app::Replay>(&*reservation)) return ReplayOf(replay->answer);
  if (std::holds_alternative<app::KeyReused>(*reservation)) {
    return Refusal(422, "idempotency.key_reused",
                   "Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới.");
  }
  if (std::holds_alternative<app::InProgress>(*reservation)) {
    return Refusal(409, "idempotency.in_progress",
                   "Yêu cầu đầu tiên với Idempotency-Key này đang được xử lý; hãy thử lại sau.");
  }
  Response response = RunReleasingOnThrow(handler, request, principal, key);
  auto session = database_.Acquire();
  if (!session) return response;  // the key stays reserved; it expires with the retention
  if (response.status >= 500) {
    (void)app::ReleaseIdempotencyKey(**session, principal.user_id, key);
  } else {
    const std::string content_type(response.Header("Content-Type").value_or("application/json"));
    (void)app::CompleteIdempotencyKey(**session, principal.user_id, key,
                                      {response.status, content_type, response.body});
  }
  return response;
}

}  // namespace ansinh::http
