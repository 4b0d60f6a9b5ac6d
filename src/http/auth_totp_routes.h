// The TOTP second factor over HTTP: POST /api/v1/auth/totp/enroll, .../confirm
// and .../verify (app/totp_service.h). All need a login session (cookie and
// CSRF token); an API token cannot enrol or verify a second factor.
#pragma once

#include <memory>

#include "app/auth_service.h"
#include "http/router.h"

namespace ansinh::http {

// REQUIRES: auth->database() outlives the router.
void AddTotpRoutes(Router& router, const std::shared_ptr<app::AuthService>& auth);

}  // namespace ansinh::http
