#include "http/message.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace ansinh::http {
namespace {

struct MethodEntry {
  Method method;
  const char* name;
};

constexpr std::array<MethodEntry, 7> kMethods{{
    {Method::kGet, "GET"},
    {Method::kHead, "HEAD"},
    {Method::kPost, "POST"},
    {Method::kPut, "PUT"},
    {Method::kPatch, "PATCH"},
    {Method::kDelete, "DELETE"},
    {Method::kOptions, "OPTIONS"},
}};

bool EqualsIgnoreCase(std::string_view left, std::string_view right) {
  return std::equal(left.begin(), left.end(), right.begin(), right.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

std::optional<std::string_view> FindHeader(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

}  // namespace

const char* MethodName(Method method) {
  for (const auto& entry : kMethods) {
    if (entry.method == method) return entry.name;
  }
  return "OTHER";
}

Method ParseMethod(std::string_view name) {
  // Methods are case-sensitive (RFC 9110 §9.1).
  for (const auto& entry : kMethods) {
    if (name == entry.name) return entry.method;
  }
  return Method::kOther;
}

std::optional<std::string_view> Request::Header(std::string_view name) const {
  return FindHeader(headers, name);
}

std::optional<std::string_view> Request::QueryParam(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

bool Request::IsApi() const { return path == "/api" || path.starts_with("/api/"); }

void Response::SetHeader(std::string_view name, std::string value) {
  std::erase_if(headers, [name](const auto& header) { return EqualsIgnoreCase(header.first, name); });
  headers.emplace_back(std::string(name), std::move(value));
}

std::optional<std::string_view> Response::Header(std::string_view name) const {
  return FindHeader(headers, name);
}

Response JsonResponse(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.SetHeader("Content-Type", "application/json; charset=utf-8");
  // Replace rather than throw on invalid UTF-8: a response must always go out.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

}  // namespace ansinh::http
