// The project's own HTTP request and response: handlers see these, never Beast.
//
// A Request is fully read and validated by the server before any handler runs:
// its path segments and query parameters are already percent-decoded and contain
// no NUL byte, and its body is within the configured limit.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace ansinh::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

// "GET", "POST", ...; "OTHER" for a method we do not route.
const char* MethodName(Method method);
Method ParseMethod(std::string_view name);

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::kGet;
  std::string path;                        // as received (still percent-encoded), no query
  std::vector<std::string> path_segments;  // decoded; "/a/b" -> {"a", "b"}
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  HeaderList headers;                      // names lower-cased
  std::string body;
  std::string remote_address;
  std::string request_id;
  std::map<std::string, std::string> path_params;  // filled by the Router
  std::string route_pattern;                       // filled by the Router; "" if none matched

  // First value of a header; name must be lower-case.
  std::optional<std::string_view> Header(std::string_view name) const;
  // First value of a query parameter.
  std::optional<std::string_view> QueryParam(std::string_view name) const;
  // True for "/api" and everything under "/api/".
  bool IsApi() const;
};

struct Response {
  int status = 200;
  HeaderList headers;
  std::string body;

  // Replaces any header of the same name (case-insensitive).
  void SetHeader(std::string_view name, std::string value);
  std::optional<std::string_view> Header(std::string_view name) const;
};

// A JSON response with Content-Type application/json; charset=utf-8.
Response JsonResponse(int status, const nlohmann::json& body);

}  // namespace ansinh::http
