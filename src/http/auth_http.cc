#include "http/auth_http.h"

#include <algorithm>
#include <cstdlib>

namespace ansinh::http {
namespace {

constexpr std::int64_t kMinTimeout_s = 60;
constexpr std::int64_t kMaxAbsoluteTimeout_s = 24 * 60 * 60;

std::int64_t EnvSeconds(const char* name, std::int64_t fallback, std::int64_t low,
                        std::int64_t high) {
  const char* value = std::getenv(name);
  if (value == nullptr) return fallback;
  char* end = nullptr;
  const long long parsed = std::strtoll(value, &end, 10);
  if (end == value || *end != '\0') return fallback;
  return std::clamp<std::int64_t>(parsed, low, high);
}

bool IsSecure(const Request& request, const AuthHttpOptions& options) {
  return options.always_secure_cookie || request.Header("x-forwarded-proto") == "https";
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

AuthHttpOptions AuthHttpOptionsFromEnvironment() {
  AuthHttpOptions options;
  auto& auth = options.auth;
  auth.absolute_timeout_s = EnvSeconds("ANSINH_SESSION_ABSOLUTE_S", auth.absolute_timeout_s,
                                       kMinTimeout_s, kMaxAbsoluteTimeout_s);
  auth.idle_timeout_s = EnvSeconds("ANSINH_SESSION_IDLE_S", auth.idle_timeout_s, kMinTimeout_s,
                                   auth.absolute_timeout_s);
  const char* secure = std::getenv("ANSINH_COOKIE_SECURE");
  options.always_secure_cookie = secure != nullptr && std::string_view(secure) == "1";
  return options;
}

std::optional<std::string> SessionToken(const Request& request) {
  for (const auto& [name, value] : request.headers) {
    if (name != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const std::size_t end = std::min(rest.find(';'), rest.size());
      const std::string_view pair = Trim(rest.substr(0, end));
      rest.remove_prefix(std::min(end + 1, rest.size()));
      const std::size_t equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == kSessionCookie) {
        return std::string(pair.substr(equals + 1));
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> BearerToken(const Request& request) {
  constexpr std::string_view kScheme = "bearer ";
  const auto header = request.Header("authorization");
  if (!header || header->size() <= kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    const char c = (*header)[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kScheme[i]) {
      return std::nullopt;
    }
  }
  return std::string(Trim(header->substr(kScheme.size())));
}

std::string SessionCookieHeader(const Request& request, const AuthHttpOptions& options,
                                const std::string& token) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; Max-Age=" +
         std::to_string(options.auth.absolute_timeout_s) + "; HttpOnly; SameSite=Strict" +
         (IsSecure(request, options) ? "; Secure" : "");
}

std::string ClearedSessionCookieHeader(const Request& request, const AuthHttpOptions& options) {
  return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" +
         (IsSecure(request, options) ? "; Secure" : "");
}

app::RequestOrigin OriginOf(const Request& request) {
  return app::RequestOrigin{request.remote_address, request.request_id};
}

bool IsStateChanging(Method method) {
  return method != Method::kGet && method != Method::kHead && method != Method::kOptions;
}

Result<nlohmann::json> ParseJsonObject(const Request& request, std::size_t max_bytes) {
  const auto content_type = request.Header("content-type").value_or("");
  if (content_type.substr(0, content_type.find(';')) != "application/json") {
    return Fail(ErrorKind::kInvalidInput, "json.content_type",
                "Nội dung gửi lên phải là JSON (Content-Type: application/json).");
  }
  if (request.body.size() > max_bytes) {
    return Fail(ErrorKind::kLimitExceeded, "json.too_large",
                "Nội dung gửi lên quá lớn (tối đa " + std::to_string(max_bytes) + " byte).");
  }
  bool too_deep = false;
  const auto limit_depth = [&too_deep](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    too_deep = too_deep || depth > kMaxJsonDepth;
    return !too_deep;
  };
  nlohmann::json body = nlohmann::json::parse(request.body, limit_depth, false);
  if (too_deep) {
    return Fail(ErrorKind::kLimitExceeded, "json.too_deep", "JSON lồng nhau quá sâu.");
  }
  if (body.is_discarded()) {
    return Fail(ErrorKind::kInvalidInput, "json.malformed", "Nội dung JSON không hợp lệ.");
  }
  if (!body.is_object()) {
    return Fail(ErrorKind::kInvalidInput, "json.not_object", "Nội dung JSON phải là một đối tượng.");
  }
  return body;
}

Result<nlohmann::json> ParseOptionalEmptyBody(const Request& request) {
  constexpr std::size_t kMaxIgnoredBody_bytes = 1024;
  if (request.body.empty()) return nlohmann::json::object();
  return ParseJsonObject(request, kMaxIgnoredBody_bytes);
}

}  // namespace ansinh::http
