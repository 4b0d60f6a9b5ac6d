#include "http/auth_totp_routes.h"

#include <string>
#include <utility>

#include "app/totp_service.h"
#include "http/auth_http.h"
#include "http/error_status.h"

namespace ansinh::http {
namespace {

constexpr std::size_t kMaxCodeBody_bytes = 256;

// The service and the lazily loaded server key it seals seeds with.
struct TotpContext {
  explicit TotpContext(app::AuthService& auth)
      : key(app::ServerKeyPath()), service(auth.database(), key, auth.options()) {}
  app::LazyServerKey key;
  app::TotpService service;
};

Response Refused(const Error& error) {
  if (error.code == "auth.locked") return ErrorResponse(429, error);
  return ErrorResponse(error);
}

Response HandleEnroll(TotpContext& totp, const Request& request, const core::Principal& principal) {
  if (!SessionToken(request)) {
    return ErrorResponse(
        MakeError(ErrorKind::kInvalidInput, "totp.session_required",
                  "Xác thực hai lớp chỉ dùng cho phiên đăng nhập, không cho mã API."));
  }
  if (auto body = ParseOptionalEmptyBody(request); !body) return ErrorResponse(body.error());
  auto enrolment = totp.service.Enroll(principal, OriginOf(request));
  if (!enrolment) return Refused(enrolment.error());
  return JsonResponse(200, {{"secret", enrolment->secret_base32},
                            {"otpauth_uri", enrolment->otpauth_uri},
                            {"issuer", app::kTotpIssuer}});
}

using Check = Status (app::TotpService::*)(const core::Principal&, std::string_view,
                                           std::string_view, const app::RequestOrigin&);

Response HandleCode(TotpContext& totp, Check check, const Request& request,
                    const core::Principal& principal) {
  auto body = ParseJsonObject(request, kMaxCodeBody_bytes);
  if (!body) return ErrorResponse(body.error());
  const auto code = body->find("code");
  if (code == body->end() || !code->is_string()) {
    return ErrorResponse(MakeError(ErrorKind::kInvalidInput, "totp.code_field",
                                   "Cần \"code\": mã 6 chữ số dạng chuỗi."));
  }
  const std::string token = SessionToken(request).value_or("");
  if (auto ok =
          (totp.service.*check)(principal, token, code->get<std::string>(), OriginOf(request));
      !ok) {
    return Refused(ok.error());
  }
  return JsonResponse(200, {{"second_factor_verified", true}});
}

}  // namespace

void AddTotpRoutes(Router& router, const std::shared_ptr<app::AuthService>& auth) {
  auto totp = std::make_shared<TotpContext>(*auth);
  router.Add(Method::kPost, "/api/v1/auth/totp/enroll", AccessRule::Authenticated(),
             [totp](const Request& request, const core::Principal& principal) {
               return HandleEnroll(*totp, request, principal);
             });
  router.Add(Method::kPost, "/api/v1/auth/totp/confirm", AccessRule::Authenticated(),
             [totp](const Request& request, const core::Principal& principal) {
               return HandleCode(*totp, &app::TotpService::Confirm, request, principal);
             });
  router.Add(Method::kPost, "/api/v1/auth/totp/verify", AccessRule::Authenticated(),
             [totp](const Request& request, const core::Principal& principal) {
               return HandleCode(*totp, &app::TotpService::Verify, request, principal);
             });
}

}  // namespace ansinh::http
