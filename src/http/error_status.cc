#include "http/error_status.h"

#include <nlohmann/json.hpp>

namespace ansinh::http {
namespace {

constexpr const char* kInternalCode = "internal";
constexpr const char* kInternalMessage =
    "Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau hoặc liên hệ quản trị viên.";

nlohmann::json DetailJson(const ErrorDetail& detail) {
  nlohmann::json json{{"field", detail.field}, {"code", detail.code}, {"message", detail.message}};
  if (detail.row > 0) json["row"] = detail.row;
  return json;
}

nlohmann::json ErrorJson(const Error& error) {
  if (error.kind == ErrorKind::kInternal) {
    return {{"error",
             {{"code", kInternalCode},
              {"message", kInternalMessage},
              {"details", nlohmann::json::array()}}}};
  }
  nlohmann::json details = nlohmann::json::array();
  for (const auto& detail : error.details) details.push_back(DetailJson(detail));
  return {{"error", {{"code", error.code}, {"message", error.message}, {"details", details}}}};
}

}  // namespace

int HttpStatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput: return 400;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kUnauthenticated: return 401;
    case ErrorKind::kForbidden: return 403;
    case ErrorKind::kLimitExceeded: return 413;
    case ErrorKind::kUnavailable: return 503;
    case ErrorKind::kInternal: return 500;
  }
  return 500;
}

Response ErrorResponse(const Error& error) {
  return ErrorResponse(HttpStatusFor(error.kind), error);
}

Response ErrorResponse(int status, const Error& error) {
  return JsonResponse(status, ErrorJson(error));
}

}  // namespace ansinh::http
