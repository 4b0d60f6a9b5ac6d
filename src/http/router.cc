#include "http/router.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "http/error_status.h"

namespace ansinh::http {
namespace {

bool IsPlaceholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::vector<std::string> SplitPattern(std::string_view pattern) {
  std::vector<std::string> segments;
  std::size_t start = 1;  // skip the leading '/'
  while (start <= pattern.size()) {
    const std::size_t end = std::min(pattern.find('/', start), pattern.size());
    segments.emplace_back(pattern.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool Allows(Method route_method, Method request_method) {
  return route_method == request_method ||
         (route_method == Method::kGet && request_method == Method::kHead);
}

}  // namespace

void Router::Add(Method method, std::string_view pattern, Handler handler) {
  assert(!pattern.empty() && pattern.front() == '/');
  routes_.push_back(Route{method, std::string(pattern), SplitPattern(pattern), std::nullopt,
                          [handler = std::move(handler)](const Request& request,
                                                         const core::Principal&) {
                            return handler(request);
                          }});
}

void Router::Add(Method method, std::string_view pattern, AccessRule rule,
                 AuthorizedHandler handler) {
  assert(!pattern.empty() && pattern.front() == '/');
  routes_.push_back(
      Route{method, std::string(pattern), SplitPattern(pattern), rule, std::move(handler)});
}

void Router::SetGuard(std::shared_ptr<const RouteGuard> guard) { guard_ = std::move(guard); }

std::vector<Router::RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> routes;
  for (const Route& route : routes_) routes.push_back({route.method, route.pattern, route.rule});
  return routes;
}

// The one place where access rules are enforced.
Response Router::Run(const Route& route, const Request& request) const {
  if (!guard_) return route.handler(request, core::Principal{});
  if (!route.rule) {
    return ErrorResponse(403, MakeError(ErrorKind::kForbidden, "auth.route_without_rule",
                                        "Chức năng này chưa được cấu hình quyền truy cập."));
  }
  auto admitted = guard_->Admit(request, *route.rule);
  if (auto* refused = std::get_if<Response>(&admitted)) return std::move(*refused);
  return route.handler(request, std::get<core::Principal>(admitted));
}

std::optional<std::size_t> Router::Match(const Route& route,
                                         const std::vector<std::string>& segments) {
  if (route.segments.size() != segments.size()) return std::nullopt;
  std::size_t literal_count = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (IsPlaceholder(route.segments[i])) {
      if (segments[i].empty()) return std::nullopt;
    } else if (route.segments[i] != segments[i]) {
      return std::nullopt;
    } else {
      ++literal_count;
    }
  }
  return literal_count;
}

void Router::BindParams(const Route& route, Request& request) {
  request.route_pattern = route.pattern;
  request.path_params.clear();
  for (std::size_t i = 0; i < route.segments.size(); ++i) {
    const std::string& segment = route.segments[i];
    if (IsPlaceholder(segment)) {
      request.path_params[segment.substr(1, segment.size() - 2)] = request.path_segments[i];
    }
  }
}

Response Router::MethodNotAllowed(const std::vector<const Route*>& matching) {
  std::vector<std::string> allowed;
  for (const Route* route : matching) {
    allowed.emplace_back(MethodName(route->method));
    if (route->method == Method::kGet) allowed.emplace_back(MethodName(Method::kHead));
  }
  std::sort(allowed.begin(), allowed.end());
  allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
  std::string allow;
  for (const auto& name : allowed) allow += (allow.empty() ? "" : ", ") + name;
  Response response = ErrorResponse(
      405, MakeError(ErrorKind::kInvalidInput, "http.method_not_allowed",
                     "Phương thức không được hỗ trợ cho địa chỉ này. Cho phép: " + allow + "."));
  response.SetHeader("Allow", allow);
  return response;
}

std::optional<Response> Router::Dispatch(Request& request) const {
  const Route* best = nullptr;
  std::size_t best_literals = 0;
  std::vector<const Route*> path_matches;
  for (const Route& route : routes_) {
    const auto literals = Match(route, request.path_segments);
    if (!literals) continue;
    path_matches.push_back(&route);
    if (Allows(route.method, request.method) && (!best || *literals > best_literals)) {
      best = &route;
      best_literals = *literals;
    }
  }
  if (path_matches.empty()) return std::nullopt;
  if (!best) return MethodNotAllowed(path_matches);
  BindParams(*best, request);
  return Run(*best, request);
}

}  // namespace ansinh::http
