#include "http/authorization_guard.h"

#include <utility>

#include "app/api_token_service.h"
#include "app/auth_secrets.h"
#include "http/error_status.h"

namespace ansinh::http {
namespace {

Response Forbidden(std::string code, std::string message) {
  return ErrorResponse(MakeError(ErrorKind::kForbidden, std::move(code), std::move(message)));
}

// The principal when its role may follow the rule, else the 403 that says why.
std::variant<core::Principal, Response> Authorized(core::Principal principal,
                                                   const AccessRule& rule) {
  if (rule.kind != AccessRule::Kind::kPermission) return principal;
  switch (core::Authorize(principal, rule.permission)) {
    case core::Decision::kAllow: return principal;
    case core::Decision::kDenyRole:
      return Forbidden("auth.forbidden", "Vai trò của bạn không được phép thực hiện thao tác này.");
    case core::Decision::kDenySecondFactor:
      return Forbidden("auth.second_factor_required",
                       "Thao tác này cần xác thực hai lớp; hãy đăng ký và xác thực lớp thứ hai.");
  }
  return Forbidden("auth.forbidden", "Vai trò của bạn không được phép thực hiện thao tác này.");
}

}  // namespace

SessionGuard::SessionGuard(std::shared_ptr<app::AuthService> auth, AuthHttpOptions options)
    : auth_(std::move(auth)), options_(std::move(options)) {}

std::variant<core::Principal, Response> SessionGuard::Admit(const Request& request,
                                                            const AccessRule& rule) const {
  if (rule.kind == AccessRule::Kind::kPublic) return core::Principal{};
  if (const auto bearer = BearerToken(request)) return AdmitToken(*bearer, rule);
  const auto token = SessionToken(request);
  if (!token) {
    return ErrorResponse(MakeError(ErrorKind::kUnauthenticated, "auth.session_missing",
                                   "Chưa đăng nhập hoặc phiên không hợp lệ."));
  }
  auto session = auth_->Authenticate(*token);
  if (!session) {
    Response refused = ErrorResponse(session.error());
    if (session.error().kind == ErrorKind::kUnauthenticated) {
      refused.SetHeader("Set-Cookie", ClearedSessionCookieHeader(request, options_));
    }
    return refused;
  }
  if (IsStateChanging(request.method) &&
      !app::ConstantTimeEquals(request.Header(kCsrfHeader).value_or(""), session->csrf_token)) {
    return Forbidden("auth.csrf_invalid",
                     "Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token); hãy tải lại trang.");
  }
  return Authorized(std::move(session->principal), rule);
}

// A bearer token needs no CSRF token: a browser never attaches one by itself,
// so a cross-site page cannot make a request carry it.
std::variant<core::Principal, Response> SessionGuard::AdmitToken(const std::string& token,
                                                                 const AccessRule& rule) const {
  auto principal = app::AuthenticateApiToken(auth_->database(), token, app::NowUnixSeconds());
  if (!principal) {
    Response refused = ErrorResponse(principal.error());
    if (principal.error().kind == ErrorKind::kUnauthenticated) {
      refused.SetHeader("WWW-Authenticate", "Bearer");
    }
    return refused;
  }
  return Authorized(std::move(*principal), rule);
}

}  // namespace ansinh::http
