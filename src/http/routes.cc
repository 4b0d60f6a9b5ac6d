#include "http/routes.h"

#include <memory>

#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "app/health_service.h"
#include "http/auth_routes.h"
#include "http/authorization_guard.h"
#include "http/beneficiary_routes.h"
#include "http/error_status.h"
#include "http/idempotency.h"
#include "http/import_routes.h"
#include "http/list_routes.h"
#include "http/overdue_routes.h"
#include "http/partner_routes.h"
#include "http/payroll_office_routes.h"
#include "http/payroll_routes.h"
#include "http/rates_routes.h"

namespace ansinh::http {
namespace {

// GET /healthz: {"status":"ok","db":"sqlite","schema_version":N}, or the
// error body with 503 when the database cannot be reached.
Response HandleHealth(store::Database& database) {
  const Result<app::Health> health = app::CheckHealth(database);
  if (!health) return ErrorResponse(health.error());
  return JsonResponse(200, {{"status", "ok"},
                            {"db", health->dialect_name},
                            {"schema_version", health->schema_version}});
}

}  // namespace

Router BuildRouter(store::Database& database) {
  Router router;
  // Every route declares its access rule; the guard checks it before the handler.
  const AuthHttpOptions auth_options = AuthHttpOptionsFromEnvironment();
  auto auth = std::make_shared<app::AuthService>(database, auth_options.auth);
  router.SetGuard(std::make_shared<SessionGuard>(auth, auth_options));
  router.Add(Method::kGet, "/healthz", AccessRule::Public(),
             [&database](const Request&, const core::Principal&) { return HandleHealth(database); });
  AddAuthRoutes(router, auth, auth_options);
  auto registry = std::make_shared<RegistryApi>(database);
  auto idempotency = std::make_shared<IdempotencyGuard>(database);
  AddBeneficiaryReadRoutes(router, registry);
  AddBeneficiaryWriteRoutes(router, registry, idempotency);
  AddImportRoutes(router, registry, idempotency);
  AddListRoutes(router, registry);
  AddPayrollRoutes(router, registry, idempotency);
  AddPayrollOfficeRoutes(router, registry, idempotency);
  AddRatesRoutes(router, registry, idempotency);
  AddPartnerRoutes(router, registry);
  AddOverdueRoutes(router, registry);
  return router;
}

}  // namespace ansinh::http
