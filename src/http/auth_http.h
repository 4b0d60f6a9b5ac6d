// HTTP pieces of authentication: the session cookie, the CSRF header, JSON
// bodies parsed under limits, and the options read from the environment.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "core/error.h"
#include "http/message.h"

namespace ansinh::http {

inline constexpr std::string_view kSessionCookie = "ansinh_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";
inline constexpr std::size_t kMaxLoginBody_bytes = 4 * 1024;
inline constexpr int kMaxJsonDepth = 16;

struct AuthHttpOptions {
  app::AuthOptions auth;
  // Marks the cookie Secure on every response, for a server behind a TLS
  // proxy that does not send X-Forwarded-Proto.
  bool always_secure_cookie = false;
};

// From ANSINH_SESSION_IDLE_S, ANSINH_SESSION_ABSOLUTE_S (seconds, clamped to
// sane ranges) and ANSINH_COOKIE_SECURE=1; defaults otherwise.
AuthHttpOptions AuthHttpOptionsFromEnvironment();

// The session token of the request's Cookie header, if any.
std::optional<std::string> SessionToken(const Request& request);

// The token of an `Authorization: Bearer <token>` header (scheme
// case-insensitive), if any: how machine partners authenticate (API tokens).
std::optional<std::string> BearerToken(const Request& request);

// Set-Cookie value: HttpOnly, SameSite=Strict, Path=/, Max-Age; Secure when
// the request came over TLS (X-Forwarded-Proto: https) or options say so.
std::string SessionCookieHeader(const Request& request, const AuthHttpOptions& options,
                                const std::string& token);
// Set-Cookie value that deletes the session cookie.
std::string ClearedSessionCookieHeader(const Request& request, const AuthHttpOptions& options);

// Where a request came from, for the audit entries of authentication.
app::RequestOrigin OriginOf(const Request& request);

// True for methods that change state (everything but GET, HEAD, OPTIONS).
bool IsStateChanging(Method method);

// A JSON object body: Content-Type application/json, at most max_bytes, nesting
// at most kMaxJsonDepth. Errors: kInvalidInput "json.content_type",
// "json.malformed", "json.not_object"; kLimitExceeded "json.too_large", "json.too_deep".
Result<nlohmann::json> ParseJsonObject(const Request& request, std::size_t max_bytes);

// For a route that takes no input: an empty body, or a small JSON object
// (ignored), so garbage is refused as on every other route.
Result<nlohmann::json> ParseOptionalEmptyBody(const Request& request);

}  // namespace ansinh::http
