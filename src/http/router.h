// Maps a method and a path pattern to a handler.
//
// A pattern is a literal path whose segments may be "{name}" placeholders, e.g.
// "/api/v1/beneficiaries/{code}". A placeholder matches exactly one non-empty
// decoded segment and is stored in Request::path_params under its name.
// Literal segments win over placeholders regardless of registration order.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  void Add(Method method, std::string_view pattern, Handler handler);

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
    Handler handler;
  };

  // Number of literal segments when the route matches, for ranking.
  static std::optional<std::size_t> Match(const Route& route,
                                          const std::vector<std::string>& segments);
  static void BindParams(const Route& route, Request& request);
  static Response MethodNotAllowed(const std::vector<const Route*>& matching);

  std::vector<Route> routes_;
};

}  // namespace ansinh::http
