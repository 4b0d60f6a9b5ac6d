// The changes of the register over HTTP: each handler reads its JSON body,
// loads the person only if in the caller's scope, calls the use case, and
// answers the person as now stored (masked).
#include <functional>
#include <utility>

#include "app/auth_scope.h"
#include "app/registry_service_write.h"
#include "http/auth_http.h"
#include "http/beneficiary_json.h"
#include "http/beneficiary_request.h"
#include "http/beneficiary_routes.h"
#include "http/error_status.h"
#include "http/full_view.h"
#include "http/payment_request.h"

namespace ansinh::http {
namespace {

using core::Permission;

constexpr std::size_t kMaxWriteBody_bytes = 64 * 1024;

using Session = store::SqlSession;
using Codes = core::ReferenceCodes;

// The in-scope check of a commune a write would put a person in; unknown
// communes are named as such, out-of-scope ones answer 404 like elsewhere.
Status RequireCommuneWritable(Session& session, const core::Principal& principal,
                              const std::string& edition, const core::AdminUnitCode& commune) {
  if (auto known = app::CheckCommune(session, commune.value(), edition); !known) return known;
  return app::RequireUnitInScope(session, principal, edition, commune.value());
}

// Records the change in the audit log too (the history keeps the snapshot;
// the audit log keeps who did what from where, without personal data).
// The person as stored after a change, masked. The change itself is in the
// audit log already, written by the use case in the change's transaction.
Response Changed(const store::PersonAggregate& person, int status) {
  return JsonResponse(status, PersonJson(person, DataView::kMasked));
}

Response HandleCreate(RegistryApi& api, const Request& request, const core::Principal& principal) {
  auto body = ParseJsonObject(request, kMaxWriteBody_bytes);
  if (!body) return ErrorResponse(body.error());
  return WithRegistry(api, [&](Session& session, const Codes& codes) {
    auto person = NewBeneficiaryFromJson(*body, codes);
    if (!person) return ErrorResponse(person.error());
    const app::ChangeContext context = ChangeContextFor(principal, request);
    const std::string edition = app::CommuneEditionOn(context.now);
    if (auto ok = RequireCommuneWritable(session, principal, edition, person->commune); !ok) {
      return ErrorResponse(ok.error());
    }
    auto created = app::RegistryService(session, codes).Create(*person, context);
    if (!created) return ErrorResponse(created.error());
    return Changed(*created, 201);
  });
}

// The preamble of every change to one person: the code from the path, the
// JSON body, and the person loaded only if in the caller's scope (else 404).
using PersonWork = std::function<Response(Session&, const Codes&, const std::string& code,
                                          const nlohmann::json& body,
                                          const store::PersonAggregate& stored)>;

Response WithPersonInScope(RegistryApi& api, const Request& request,
                           const core::Principal& principal, const PersonWork& work) {
  auto code = PathCode(request);
  if (!code) return ErrorResponse(code.error());
  auto body = ParseJsonObject(request, kMaxWriteBody_bytes);
  if (!body) return ErrorResponse(body.error());
  return WithRegistry(api, [&](Session& session, const Codes& codes) {
    auto stored = LoadInScope(session, codes, principal, *code);
    if (!stored) return ErrorResponse(stored.error());
    return work(session, codes, *code, *body, *stored);
  });
}

Response HandleUpdate(RegistryApi& api, const Request& request, const core::Principal& principal) {
  return WithPersonInScope(api, request, principal, [&](Session& session, const Codes& codes,
                                                       const std::string&, const nlohmann::json& body,
                                                       const store::PersonAggregate& stored) {
    auto person = PatchedBeneficiaryFromJson(body, stored.beneficiary.person, codes);
    if (!person) return ErrorResponse(person.error());
    if (person->commune.value() != stored.beneficiary.person.commune.value()) {
      if (auto ok = RequireCommuneWritable(session, principal, stored.beneficiary.commune_edition,
                                           person->commune);
          !ok) {
        return ErrorResponse(ok.error());
      }
    }
    auto updated = app::RegistryService(session, codes).Update(*person, ChangeContextFor(principal, request));
    if (!updated) return ErrorResponse(updated.error());
    return Changed(*updated, 200);
  });
}

Response HandleStatus(RegistryApi& api, const Request& request, const core::Principal& principal) {
  return WithPersonInScope(api, request, principal, [&](Session& session, const Codes& codes,
                                                       const std::string& code, const nlohmann::json& body,
                                                       const store::PersonAggregate&) {
    std::string note;
    auto change = StatusChangeFromJson(body, note);
    if (!change) return ErrorResponse(change.error());
    auto changed = app::RegistryService(session, codes)
                       .ChangeStatus(code, *change, ChangeContextFor(principal, request, note));
    if (!changed) return ErrorResponse(changed.error());
    return Changed(*changed, 200);
  });
}

Response HandleEntitlement(RegistryApi& api, const Request& request,
                           const core::Principal& principal) {
  return WithPersonInScope(api, request, principal, [&](Session& session, const Codes& codes,
                                                       const std::string& code, const nlohmann::json& body,
                                                       const store::PersonAggregate&) {
    auto entitlement = EntitlementFromJson(body);
    if (!entitlement) return ErrorResponse(entitlement.error());
    auto changed = app::RegistryService(session, codes)
                       .AddEntitlement(code, *entitlement, ChangeContextFor(principal, request));
    if (!changed) return ErrorResponse(changed.error());
    return Changed(*changed, 201);
  });
}

// Today in Vietnam (UTC+7), for the date a representative is confirmed on.
core::Date TodayInVietnam(std::chrono::system_clock::time_point now) {
  const std::string iso = app::FormatInstant(now + std::chrono::hours(7)).substr(0, 10);
  return core::Date::Parse(iso).value();
}

Response HandlePaymentMethod(RegistryApi& api, const Request& request,
                             const core::Principal& principal) {
  return WithPersonInScope(api, request, principal, [&](Session& session, const Codes& codes,
                                                       const std::string& code, const nlohmann::json& body,
                                                       const store::PersonAggregate&) {
    const app::ChangeContext context = ChangeContextFor(principal, request);
    auto change = PaymentMethodFromJson(body, codes, {principal.username, TodayInVietnam(context.now)},
                                        app::MonthOf(context.now));
    if (!change) return ErrorResponse(change.error());
    auto changed = app::RegistryService(session, codes).SetPaymentMethod(code, *change, context);
    if (!changed) return ErrorResponse(changed.error());
    return Changed(*changed, 200);
  });
}

using WriteHandler = Response (*)(RegistryApi&, const Request&, const core::Principal&);

}  // namespace

void AddBeneficiaryWriteRoutes(Router& router, std::shared_ptr<RegistryApi> api,
                               std::shared_ptr<IdempotencyGuard> idempotency) {
  const AccessRule write = AccessRule::Require(Permission::kBeneficiaryWrite);
  const auto add = [&](Method method, const char* pattern, WriteHandler handler) {
    router.Add(method, pattern, write,
               // The handler keeps the guard alive: Wrap's wrapper refers to it.
               idempotency->Wrap([api, handler, idempotency](const Request& request,
                                                             const core::Principal& principal) {
                 return handler(*api, request, principal);
               }));
  };
  add(Method::kPost, "/api/v1/beneficiaries", HandleCreate);
  add(Method::kPatch, "/api/v1/beneficiaries/{code}", HandleUpdate);
  add(Method::kPost, "/api/v1/beneficiaries/{code}/status", HandleStatus);
  add(Method::kPost, "/api/v1/beneficiaries/{code}/entitlements", HandleEntitlement);
  add(Method::kPut, "/api/v1/beneficiaries/{code}/payment-method", HandlePaymentMethod);
}

}  // namespace ansinh::http
