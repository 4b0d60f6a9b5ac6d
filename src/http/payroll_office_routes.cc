#include "http/payroll_office_routes.h"

#include <functional>
#include <string>
#include <utility>

#include "app/payroll_changes.h"
#include "app/payroll_office_actions.h"
#include "app/payroll_service.h"
#include "http/auth_http.h"
#include "http/error_status.h"
#include "http/json_fields.h"
#include "http/payroll_scope.h"

namespace ansinh::http {
namespace {

constexpr std::size_t kMaxOfficeActionBody_bytes = 4 * 1024;
constexpr std::size_t kMaxLineId_bytes = 35;  // app::LineId: the ISO 20022 EndToEndId limit
constexpr std::size_t kMaxOneOffCode_bytes = 40;
constexpr std::size_t kMaxDecision_bytes = 100;
constexpr std::int64_t kMaxOneOffAmount_vnd = 1'000'000'000;  // far above any one-off support

using OfficeWork = std::function<Response(store::SqlSession&, const app::PayrollRequest&)>;

// The office in scope first (outside it: 404 whatever the body), then the work.
Response InOffice(RegistryApi& api, const Request& request, const core::Principal& principal,
                  const OfficeWork& work) {
  auto session = api.database().Acquire();
  if (!session) return ErrorResponse(session.error());
  auto payroll = ScopedPayrollRequest(**session, request, principal);
  if (!payroll) return ErrorResponse(payroll.error());
  return work(**session, *payroll);
}

Response HandleRelease(store::SqlSession& session, const Request& request,
                       const app::PayrollRequest& payroll) {
  auto body = ParseJsonObject(request, kMaxOfficeActionBody_bytes);
  if (!body) return ErrorResponse(body.error());
  JsonFields fields(*body);
  auto line_id = fields.Text("line_id", true, kMaxLineId_bytes);
  if (line_id && line_id->empty()) {
    fields.AddError("line_id", "payroll.line_id_empty", "cần mã dòng chi trả.");
  }
  if (auto ok = fields.Finish(); !ok) return ErrorResponse(ok.error());
  auto line = app::ReleaseOfficeLine(session, payroll, *line_id);
  if (!line) return ErrorResponse(line.error());
  return JsonResponse(200, {{"line_id", line->line_id},
                            {"beneficiary_code", line->beneficiary_code},
                            {"channel", line->channel},
                            {"status", line->status}});
}

Response HandleOneOff(store::SqlSession& session, const Request& request,
                      const app::PayrollRequest& payroll) {
  auto body = ParseJsonObject(request, kMaxOfficeActionBody_bytes);
  if (!body) return ErrorResponse(body.error());
  JsonFields fields(*body);
  auto code = fields.Text("beneficiary_code", true, kMaxOneOffCode_bytes);
  auto decision = fields.Text("decision_number", true, kMaxDecision_bytes);
  auto amount = fields.Integer("amount_vnd", true, 1, kMaxOneOffAmount_vnd);
  auto reason = fields.Text("reason", false, kMaxOneOffCode_bytes);
  if (decision && decision->empty()) {
    fields.AddError("decision_number", "payroll.decision_empty", "cần số quyết định.");
  }
  if (reason && reason->empty()) {
    fields.AddError("reason", "payroll.reason_empty", "lý do không được để trống.");
  }
  if (auto ok = fields.Finish(); !ok) return ErrorResponse(ok.error());
  app::OfficeOneOff one_off{*code, *decision, reason.value_or("mai_tang"), *amount};
  auto id = app::AddOfficeOneOff(session, payroll, one_off);
  if (!id) return ErrorResponse(id.error());
  return JsonResponse(201, {{"one_off_id", *id},
                            {"beneficiary_code", one_off.beneficiary_code},
                            {"period", payroll.period},
                            {"unit", payroll.unit},
                            {"decision_number", one_off.decision_number},
                            {"reason", one_off.reason},
                            {"amount_vnd", one_off.amount_vnd}});
}

Response HandleReceivables(store::SqlSession& session, const app::PayrollRequest& payroll) {
  auto receivables = app::PayrollService(session).Receivables(payroll);
  if (!receivables) return ErrorResponse(receivables.error());
  return JsonResponse(200, app::ReceivablesJson(payroll, *receivables));
}

Response HandlePayPoints(store::SqlSession& session, const app::PayrollRequest& payroll) {
  auto groups = app::CashByPayPoint(session, payroll);
  if (!groups) return ErrorResponse(groups.error());
  return JsonResponse(200, app::PayPointsJson(payroll, *groups));
}

using OfficeWrite = Response (*)(store::SqlSession&, const Request&, const app::PayrollRequest&);
using OfficeRead = Response (*)(store::SqlSession&, const app::PayrollRequest&);

}  // namespace

void AddPayrollOfficeRoutes(Router& router, std::shared_ptr<RegistryApi> api,
                            std::shared_ptr<IdempotencyGuard> idempotency) {
  const AccessRule prepare = AccessRule::Require(core::Permission::kPayrollPrepare);
  const AccessRule read = AccessRule::Require(core::Permission::kPayrollRead);
  const auto write = [&](const char* pattern, OfficeWrite handler) {
    // The handler keeps the guard alive: Wrap's wrapper refers to it.
    router.Add(Method::kPost, pattern, prepare,
               idempotency->Wrap([api, handler, idempotency](const Request& request,
                                                             const core::Principal& principal) {
                 return InOffice(*api, request, principal,
                                 [&](store::SqlSession& session, const app::PayrollRequest& p) {
                                   return handler(session, request, p);
                                 });
               }));
  };
  const auto get = [&](const char* pattern, OfficeRead handler) {
    router.Add(Method::kGet, pattern, read,
               [api, handler](const Request& request, const core::Principal& principal) {
                 return InOffice(*api, request, principal,
                                 [&](store::SqlSession& session, const app::PayrollRequest& p) {
                                   return handler(session, p);
                                 });
               });
  };
  write("/api/v1/payroll/{unit}/{period}/release", HandleRelease);
  write("/api/v1/payroll/{unit}/{period}/one-offs", HandleOneOff);
  get("/api/v1/payroll/{unit}/{period}/receivables", HandleReceivables);
  get("/api/v1/payroll/{unit}/{period}/pay-points", HandlePayPoints);
}

}  // namespace ansinh::http
