#include "http/routes.h"

#include <nlohmann/json.hpp>

#include "app/health_service.h"
#include "http/error_status.h"

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
  router.Add(Method::kGet, "/healthz",
             [&database](const Request&) { return HandleHealth(database); });
  return router;
}

}  // namespace ansinh::http
