// The RouteGuard of the server: an API token (Authorization: Bearer) or the
// session cookie → principal, CSRF token on state-changing requests made with
// a session, then the route's permission from the role table.
#pragma once

#include <memory>
#include <string>

#include "app/auth_service.h"
#include "http/auth_http.h"
#include "http/authorization_rule.h"

namespace ansinh::http {

class SessionGuard : public RouteGuard {
 public:
  SessionGuard(std::shared_ptr<app::AuthService> auth, AuthHttpOptions options);

  // Public routes pass with the anonymous principal. A request with a bearer
  // token is judged by the token alone: 401 "auth.token_invalid" (with
  // WWW-Authenticate: Bearer) when it is unknown, revoked or expired; no CSRF
  // token is needed. Otherwise: 401 without a valid session (and the cookie is cleared), 403 "auth.csrf_invalid" when a
  // state-changing request lacks the session's X-CSRF-Token, 403
  // "auth.forbidden" when the role lacks the permission, 403
  // "auth.second_factor_required" when the permission needs a second factor
  // the session has not verified.
  std::variant<core::Principal, Response> Admit(const Request& request,
                                                const AccessRule& rule) const override;

 private:
  std::variant<core::Principal, Response> AdmitToken(const std::string& token,
                                                     const AccessRule& rule) const;

  std::shared_ptr<app::AuthService> auth_;
  AuthHttpOptions options_;
};

}  // namespace ansinh::http
