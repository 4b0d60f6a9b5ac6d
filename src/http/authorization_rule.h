// The access rule every route declares when it is registered, and the guard
// that enforces it. The Router calls the guard in ONE place, before any
// handler runs (router.cc, Dispatch), so no handler can forget the check.
#pragma once

#include <functional>
#include <string>
#include <variant>

#include "core/permission.h"
#include "http/message.h"

namespace ansinh::http {

struct AccessRule {
  enum class Kind {
    kPublic,         // anyone, no session (login, health)
    kAuthenticated,  // any logged-in user (logout, me)
    kPermission,     // a logged-in user whose role has `permission`
  };
  Kind kind = Kind::kPermission;
  core::Permission permission = core::Permission::kAuditRead;

  static AccessRule Public() { return {Kind::kPublic, core::Permission::kAuditRead}; }
  static AccessRule Authenticated() { return {Kind::kAuthenticated, core::Permission::kAuditRead}; }
  static AccessRule Require(core::Permission permission) { return {Kind::kPermission, permission}; }

  // "public", "authenticated" or the permission name, for tests and docs.
  std::string Describe() const;
};

// A handler of a route with a rule: it receives the principal the guard
// admitted (user_id 0 on a public route).
using AuthorizedHandler = std::function<Response(const Request&, const core::Principal&)>;

// Decides whether a request may reach a route.
// Thread safety: Admit runs on every server thread at once.
class RouteGuard {
 public:
  virtual ~RouteGuard() = default;
  // The principal the request acts for, or the response that refuses it
  // (401 without a valid session, 403 for a missing CSRF token or permission).
  virtual std::variant<core::Principal, Response> Admit(const Request& request,
                                                        const AccessRule& rule) const = 0;
};

}  // namespace ansinh::http
