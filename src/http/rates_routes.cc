#include "http/rates_routes.h"

#include <optional>
#include <string>
#include <utility>

#include "app/rates_service.h"
#include "http/auth_http.h"
#include "http/error_status.h"
#include "http/json_fields.h"

namespace ansinh::http {
namespace {

constexpr std::size_t kMaxRateBody_bytes = 4 * 1024;
constexpr std::int64_t kMaxAmount_vnd = 1'000'000'000;  // far above any monthly allowance
constexpr std::int64_t kMaxAge_years = 150;
constexpr std::size_t kMaxCode_bytes = 40;

// The legal basis a rate is recorded with when the caller names none.
std::string BasisOr(const std::optional<std::string>& basis, const core::Principal& principal) {
  return basis && !basis->empty() ? *basis : "thêm bởi " + principal.username;
}

Response HandleList(RegistryApi& api, const Request& request) {
  auto policy = TextParam(request, "policy", kMaxCode_bytes);
  if (!policy) return ErrorResponse(policy.error());
  auto session = api.database().Acquire();
  if (!session) return ErrorResponse(session.error());
  auto listed = app::RatesService(**session).List(*policy);
  if (!listed) return ErrorResponse(listed.error());
  return JsonResponse(200, *listed);
}

Response HandleAddLevel(RegistryApi& api, const Request& request,
                        const core::Principal& principal) {
  auto body = ParseJsonObject(request, kMaxRateBody_bytes);
  if (!body) return ErrorResponse(body.error());
  JsonFields fields(*body);
  auto kind = fields.Text("kind", true, kMaxCode_bytes);
  if (kind && *kind != "BTXH_STANDARD" && *kind != "NCC_STANDARD") {
    fields.AddError("kind", "rate.kind_invalid", "chỉ nhận BTXH_STANDARD hoặc NCC_STANDARD.");
  }
  auto amount = fields.Integer("amount_vnd", true, 1, kMaxAmount_vnd);
  auto from = fields.Text("effective_from", true, 10);
  auto basis = fields.Text("legal_basis", false);
  if (auto ok = fields.Finish(); !ok) return ErrorResponse(ok.error());
  auto session = api.database().Acquire();
  if (!session) return ErrorResponse(session.error());
  auto level = app::RatesService(**session).AddStandardLevel(
      {*kind, *amount, *from, BasisOr(basis, principal), ""}, AuditActorFor(principal, request));
  if (!level) return ErrorResponse(level.error());
  return JsonResponse(201, {{"added", "standard_level"},
                            {"kind", level->kind},
                            {"amount_vnd", level->amount_vnd},
                            {"effective_from", level->effective_from},
                            {"legal_basis", level->legal_basis}});
}

Response HandleAddRate(RegistryApi& api, const Request& request, const core::Principal& principal) {
  auto body = ParseJsonObject(request, kMaxRateBody_bytes);
  if (!body) return ErrorResponse(body.error());
  JsonFields fields(*body);
  app::NewPolicyRate rate;
  auto policy = fields.Text("policy_code", true, kMaxCode_bytes);
  const auto age_from = fields.Integer("age_from", false, 0, kMaxAge_years);
  const auto age_to = fields.Integer("age_to", false, 1, kMaxAge_years);
  rate.coefficient = fields.Text("coefficient", false, 20);
  rate.amount_vnd = fields.Integer("amount_vnd", false, 1, kMaxAmount_vnd);
  auto from = fields.Text("effective_from", true, 10);
  rate.effective_to = fields.Text("effective_to", false, 10);
  auto basis = fields.Text("legal_basis", false);
  if (rate.coefficient.has_value() == rate.amount_vnd.has_value()) {
    fields.AddError("coefficient", "rate.value_required",
                    "cần đúng một trong hai: coefficient (chế độ theo hệ số) hoặc amount_vnd "
                    "(chế độ mức cố định).");
  }
  if (auto ok = fields.Finish(); !ok) return ErrorResponse(ok.error());
  rate.policy_code = *policy;
  rate.age_from_years = static_cast<int>(age_from.value_or(0));
  if (age_to) rate.age_to_years = static_cast<int>(*age_to);
  rate.effective_from = *from;
  rate.legal_basis = BasisOr(basis, principal);
  auto session = api.database().Acquire();
  if (!session) return ErrorResponse(session.error());
  auto added = app::RatesService(**session).AddPolicyRate(rate, AuditActorFor(principal, request));
  if (!added) return ErrorResponse(added.error());
  return JsonResponse(201, {{"added", "policy_rate"},
                            {"policy_code", added->policy_code},
                            {"age_from", added->age_from_years},
                            {"effective_from", added->effective_from}});
}

using WriteHandler = Response (*)(RegistryApi&, const Request&, const core::Principal&);

}  // namespace

void AddRatesRoutes(Router& router, std::shared_ptr<RegistryApi> api,
                    std::shared_ptr<IdempotencyGuard> idempotency) {
  router.Add(
      Method::kGet, "/api/v1/rates", AccessRule::Authenticated(),
      [api](const Request& request, const core::Principal&) { return HandleList(*api, request); });
  const AccessRule manage = AccessRule::Require(core::Permission::kReferenceDataManage);
  const auto add = [&](const char* pattern, WriteHandler handler) {
    router.Add(Method::kPost, pattern, manage,
               // The handler keeps the guard alive: Wrap's wrapper refers to it.
               idempotency->Wrap([api, handler, idempotency](const Request& request,
                                                             const core::Principal& principal) {
                 return handler(*api, request, principal);
               }));
  };
  add("/api/v1/rates/standard-levels", HandleAddLevel);
  add("/api/v1/rates/policy-rates", HandleAddRate);
}

}  // namespace ansinh::http
