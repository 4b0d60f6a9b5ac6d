// Maps a method and a path pattern to a handler.
//
// A pattern is a literal path whose segments may be "{name}" placeholders, e.g.
// "/api/v1/beneficiaries/{code}". A placeholder matches exactly one non-empty
// decoded segment and is stored in Request::path_params under its name.
// Literal segments win over placeholders regardless of registration order.
//
// Access control: each route carries an AccessRule (http/authorization_rule.h).
// Once a guard is set (BuildRouter does), Dispatch asks it before running any
// handler, and refuses a route registered without a rule (fail closed).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/authorization_rule.h"
#include "http/message.h"

namespace ansinh::http {

// Thread safety: called concurrently from every server thread; must not throw
// for an expected failure (return an error response instead).
using Handler = std::function<Response(const Request&)>;

// Thread safety: Add is not thread-safe; Dispatch is, once all routes are added.
class Router {
 public:
  // REQUIRES: pattern starts with '/'; no two routes with the same method and
  // the same pattern shape. HEAD requests are served by the GET route.
  // A route without an access rule: only for routers without a guard (tests).
  void Add(Method method, std::string_view pattern, Handler handler);
  // A route with its access rule; the handler receives the admitted principal.
  void Add(Method method, std::string_view pattern, AccessRule rule, AuthorizedHandler handler);

  // From now on every dispatched route is checked by guard first.
  void SetGuard(std::shared_ptr<const RouteGuard> guard);

  struct RouteInfo {
    Method method;
    std::string pattern;
    std::optional<AccessRule> rule;  // none: registered without a rule
  };
  // Every registered route, in registration order (for the authorization matrix test).
  std::vector<RouteInfo> Routes() const;

  // Runs the handler whose pattern and method match, after filling
  // request.path_params and request.route_pattern.
  // Returns 405 with an Allow header when the path matches but not the method,
  // and std::nullopt when no pattern matches the path.
  std::optional<Response> Dispatch(Request& request) const;

 private:
  struct Route {
    Method method;
    std::string pattern;
    std::vector<std::string> segments;
    std::optional<AccessRule> rule;
    AuthorizedHandler handler;
  };

  // Number of literal segments when the route matches, for ranking.
  static std::optional<std::size_t> Match(const Route& route,
                                          const std::vector<std::string>& segments);
  static void BindParams(const Route& route, Request& request);
  static Response MethodNotAllowed(const std::vector<const Route*>& matching);
  Response Run(const Route& route, const Request& request) const;

  std::vector<Route> routes_;
  std::shared_ptr<const RouteGuard> guard_;
};

}  // namespace ansinh::http
