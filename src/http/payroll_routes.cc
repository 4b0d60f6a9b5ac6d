#include "http/payroll_routes.h"

#include <chrono>
#include <functional>
#include <optional>
#include <sstream>
#include <utility>

#include "app/auth_scope.h"
#include "app/payroll_changes.h"
#include "app/payroll_service.h"
#include "http/auth_http.h"
#include "http/error_status.h"
#include "http/import_routes.h"
#include "http/payroll_scope.h"
#include "http/scratch_directory.h"
#include "store/payroll_cycle_store.h"

namespace ansinh::http {
namespace {

using core::Permission;

using PayrollWork = std::function<Response(store::SqlSession&, const app::PayrollRequest&)>;

// The preamble of every route: the body refused if it is not empty or {}
// (POSTs), a session, the office in scope; then the work.
Response WithOffice(RegistryApi& api, const Request& request, const core::Principal& principal,
                    const PayrollWork& work) {
  if (IsStateChanging(request.method)) {
    if (auto body = ParseOptionalEmptyBody(request); !body) return ErrorResponse(body.error());
  }
  auto session = api.database().Acquire();
  if (!session) return ErrorResponse(session.error());
  auto payroll_request = ScopedPayrollRequest(**session, request, principal);
  if (!payroll_request) return ErrorResponse(payroll_request.error());
  return work(**session, *payroll_request);
}

Response HandleRun(store::SqlSession& session, const app::PayrollRequest& request) {
  auto summary = app::PayrollService(session).Run(request);
  if (!summary) return ErrorResponse(summary.error());
  return JsonResponse(200, app::ToJson(*summary));
}

// The same bytes as `ansinh payroll show --format json`: one serializer.
Response HandleShow(store::SqlSession& session, const app::PayrollRequest& request) {
  std::ostringstream out;
  if (auto ok = app::PayrollService(session).WriteCycleJson(request, out); !ok) {
    return ErrorResponse(ok.error());
  }
  Response response;
  response.body = std::move(out).str();
  response.SetHeader("Content-Type", "application/json; charset=utf-8");
  return response;
}

Response HandleApprove(store::SqlSession& session, const app::PayrollRequest& request) {
  auto cycle = app::PayrollService(session).Approve(request);
  if (!cycle) return ErrorResponse(cycle.error());
  return JsonResponse(200, {{"period", cycle->period},
                            {"unit", cycle->unit_code},
                            {"edition", cycle->unit_edition},
                            {"status", cycle->status},
                            {"prepared_by", cycle->prepared_by},
                            {"approved_by", cycle->approved_by.value_or("")},
                            {"approved_at", cycle->approved_at.value_or("")},
                            {"count", cycle->line_count},
                            {"amount_vnd", cycle->amount_vnd}});
}

Response ChangesXlsx(const app::PayrollChanges& changes, const app::ExportStamp& stamp) {
  ScratchDirectory scratch;
  if (scratch.path().empty()) {
    return ErrorResponse(MakeError(ErrorKind::kInternal, "export.scratch", "mkdtemp failed"));
  }
  const std::string name = "tang-giam-" + changes.unit + "-" + changes.period + ".xlsx";
  if (auto ok = app::WriteChangesXlsx(changes, scratch.path() / name, stamp); !ok) {
    return ErrorResponse(ok.error());
  }
  auto bytes = ReadWholeFile(scratch.path() / name);
  if (!bytes) return ErrorResponse(bytes.error());
  Response response;
  response.body = std::move(*bytes);
  response.SetHeader("Content-Type", std::string(kXlsxMediaType));
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return response;
}

Result<bool> WantsXlsx(const Request& request) {
  const auto format = request.QueryParam("format").value_or("json");
  if (format != "json" && format != "xlsx") {
    return Fail(InvalidParameter("format", "Tham số format chỉ nhận json hoặc xlsx."));
  }
  return format == "xlsx";
}

// An export with personal data: audited before any byte is sent, stamped
// with the caller and the time.
Response HandleChanges(store::SqlSession& session, const app::PayrollRequest& request, bool xlsx) {
  auto changes = app::CollectChanges(session, request);
  if (!changes) return ErrorResponse(changes.error());
  if (auto ok = app::AuditChangesExport(session, request.actor, *changes, xlsx ? "xlsx" : "json");
      !ok) {
    return ErrorResponse(ok.error());
  }
  const app::ExportStamp stamp{request.actor.name, request.now};
  if (xlsx) return ChangesXlsx(*changes, stamp);
  return JsonResponse(200, app::ToJson(*changes, stamp));
}

using OfficeHandler = Response (*)(store::SqlSession&, const app::PayrollRequest&);

}  // namespace

void AddPayrollRoutes(Router& router, std::shared_ptr<RegistryApi> api,
                      std::shared_ptr<IdempotencyGuard> idempotency) {
  const auto route = [api](OfficeHandler handler) {
    return [api, handler](const Request& request, const core::Principal& principal) {
      return WithOffice(*api, request, principal,
                        [handler](store::SqlSession& session, const app::PayrollRequest& payroll) {
                          return handler(session, payroll);
                        });
    };
  };
  // The handler keeps the guard alive: Wrap's wrapper refers to it.
  const auto idempotent = [idempotency](AuthorizedHandler handler) {
    return idempotency->Wrap([idempotency, handler = std::move(handler)](
                                 const Request& request, const core::Principal& principal) {
      return handler(request, principal);
    });
  };
  // Approve is registered before run: the route table's order is the order in
  // which generated tests (the authorization matrix) call them.
  router.Add(Method::kPost, "/api/v1/payroll/{unit}/{period}/approve",
             AccessRule::Require(Permission::kPayrollApprove), idempotent(route(HandleApprove)));
  router.Add(Method::kPost, "/api/v1/payroll/{unit}/{period}/run",
             AccessRule::Require(Permission::kPayrollPrepare), idempotent(route(HandleRun)));
  router.Add(Method::kGet, "/api/v1/payroll/{unit}/{period}",
             AccessRule::Require(Permission::kPayrollRead), route(HandleShow));
  router.Add(Method::kGet, "/api/v1/payroll/{unit}/{period}/changes",
             AccessRule::Require(Permission::kPayrollRead),
             [api](const Request& request, const core::Principal& principal) {
               auto xlsx = WantsXlsx(request);
               if (!xlsx) return ErrorResponse(xlsx.error());
               return WithOffice(*api, request, principal,
                                 [&](store::SqlSession& session, const app::PayrollRequest& p) {
                                   return HandleChanges(session, p, *xlsx);
                                 });
             });
}

}  // namespace ansinh::http
