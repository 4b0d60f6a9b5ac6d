#include "http/dispatcher.h"

#include <utility>

#include "core/error.h"
#include "http/error_status.h"

namespace ansinh::http {
namespace {

// No inline script or style anywhere in the UI, so 'self' is enough.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

Response ApiRouteNotFound() {
  return ErrorResponse(404, MakeError(ErrorKind::kNotFound, "api.route_not_found",
                                      "Không có chức năng API nào tại địa chỉ này."));
}

Response UiMethodNotAllowed() {
  Response response = ErrorResponse(
      405, MakeError(ErrorKind::kInvalidInput, "http.method_not_allowed",
                     "Phương thức không được hỗ trợ cho địa chỉ này. Cho phép: GET, HEAD."));
  response.SetHeader("Allow", "GET, HEAD");
  return response;
}

}  // namespace

Dispatcher::Dispatcher(Router router, StaticFiles static_files)
    : router_(std::move(router)), static_files_(std::move(static_files)) {}

Response Dispatcher::Handle(Request& request) const {
  if (auto response = router_.Dispatch(request)) return std::move(*response);
  if (request.IsApi()) return ApiRouteNotFound();
  if (request.method == Method::kGet || request.method == Method::kHead) {
    return static_files_.Serve(request);
  }
  return UiMethodNotAllowed();
}

void ApplySecurityHeaders(Response& response) {
  response.SetHeader("Content-Security-Policy", kContentSecurityPolicy);
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Referrer-Policy", "no-referrer");
  if (!response.Header("Cache-Control")) response.SetHeader("Cache-Control", "no-store");
}

}  // namespace ansinh::http
