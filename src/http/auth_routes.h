// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me, and
// the second factor's routes (http/auth_totp_routes.h).
#pragma once

#include <memory>

#include "app/auth_service.h"
#include "http/auth_http.h"
#include "http/router.h"

namespace ansinh::http {

// Registers the auth routes with their rules. REQUIRES: auth outlives nothing
// in particular: the handlers keep it alive.
void AddAuthRoutes(Router& router, std::shared_ptr<app::AuthService> auth,
                   const AuthHttpOptions& options);

}  // namespace ansinh::http
