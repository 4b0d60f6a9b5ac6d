#include "http/auth_routes.h"

#include <string>
#include <utility>

#include "http/auth_totp_routes.h"
#include "http/error_status.h"

namespace ansinh::http {
namespace {

nlohmann::json MeJson(const core::Principal& principal, const std::string& csrf_token) {
  return nlohmann::json{
      {"user", principal.username},
      {"role", core::RoleName(principal.role)},
      {"unit", principal.scope_unit_code.empty() ? nlohmann::json(nullptr)
                                                 : nlohmann::json(principal.scope_unit_code)},
      {"unit_edition", principal.scope_edition.empty() ? nlohmann::json(nullptr)
                                                       : nlohmann::json(principal.scope_edition)},
      {"csrf_token", csrf_token.empty() ? nlohmann::json(nullptr) : nlohmann::json(csrf_token)},
      {"second_factor_verified", principal.second_factor_verified},
      {"must_change_password", principal.must_change_password},
  };
}

Response HandleLogin(app::AuthService& auth, const AuthHttpOptions& options,
                     const Request& request) {
  auto body = ParseJsonObject(request, kMaxLoginBody_bytes);
  if (!body) return ErrorResponse(body.error());
  const auto username = body->find("username");
  const auto password = body->find("password");
  if (username == body->end() || password == body->end() || !username->is_string() ||
      !password->is_string()) {
    return ErrorResponse(MakeError(ErrorKind::kInvalidInput, "auth.login_fields",
                                   "Cần \"username\" và \"password\" dạng chuỗi."));
  }
  const auto previous = SessionToken(request);
  auto login = auth.Login(username->get<std::string>(), password->get<std::string>(),
                          OriginOf(request),
                          previous ? std::optional<std::string_view>(*previous) : std::nullopt);
  if (!login && login.error().code == "auth.locked") {
    return ErrorResponse(429, login.error());  // Too Many Requests, not a size limit
  }
  if (!login) return ErrorResponse(login.error());
  Response response = JsonResponse(200, MeJson(login->principal, login->csrf_token));
  response.SetHeader("Set-Cookie", SessionCookieHeader(request, options, login->session_token));
  return response;
}

Response HandleLogout(app::AuthService& auth, const AuthHttpOptions& options,
                      const Request& request, const core::Principal& principal) {
  if (auto body = ParseOptionalEmptyBody(request); !body) return ErrorResponse(body.error());
  const auto token = SessionToken(request);
  if (token) {
    if (auto ok = auth.Logout(*token, principal, OriginOf(request)); !ok) {
      return ErrorResponse(ok.error());
    }
  }
  Response response = JsonResponse(200, {{"status", "logged_out"}});
  response.SetHeader("Set-Cookie", ClearedSessionCookieHeader(request, options));
  return response;
}

Response HandleMe(app::AuthService& auth, const Request& request,
                  const core::Principal& principal) {
  // An API token has no session and needs no CSRF token.
  const auto token = SessionToken(request);
  if (!token || BearerToken(request)) return JsonResponse(200, MeJson(principal, ""));
  // The guard has authenticated the session; read it again for its CSRF token.
  auto session = auth.Authenticate(*token);
  if (!session) return ErrorResponse(session.error());
  return JsonResponse(200, MeJson(principal, session->csrf_token));
}

}  // namespace

void AddAuthRoutes(Router& router, std::shared_ptr<app::AuthService> auth,
                   const AuthHttpOptions& options) {
  router.Add(Method::kPost, "/api/v1/auth/login", AccessRule::Public(),
             [auth, options](const Request& request, const core::Principal&) {
               return HandleLogin(*auth, options, request);
             });
  router.Add(Method::kPost, "/api/v1/auth/logout", AccessRule::Authenticated(),
             [auth, options](const Request& request, const core::Principal& principal) {
               return HandleLogout(*auth, options, request, principal);
             });
  router.Add(Method::kGet, "/api/v1/auth/me", AccessRule::Authenticated(),
             [auth](const Request& request, const core::Principal& principal) {
               return HandleMe(*auth, request, principal);
             });
  AddTotpRoutes(router, auth);
}

}  // namespace ansinh::http
