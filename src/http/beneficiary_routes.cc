#include "http/beneficiary_routes.h"

#include <chrono>
#include <utility>

#include "http/beneficiary_json.h"
#include "http/error_status.h"
#include "http/full_view.h"

namespace ansinh::http {
namespace {

using core::Permission;

template <class T, class Parse>
Status ReadFilter(const Request& request, std::string_view name, std::optional<T>& out,
                  Parse parse) {
  auto text = TextParam(request, name);
  if (!text) return Fail(std::move(text.error()));
  if (!*text) return {};
  auto value = parse(**text);
  if (!value) {
    Error error = std::move(value.error());
    error.details.push_back({0, std::string(name), error.code, error.message});
    return Fail(std::move(error));
  }
  out = std::move(*value);
  return {};
}

Result<store::BeneficiaryQuery> SearchQuery(const Request& request,
                                            const core::Principal& principal) {
  store::BeneficiaryQuery query;
  const auto text = [](std::string_view t) -> Result<std::string> { return std::string(t); };
  for (Status ok : {ReadFilter(request, "code", query.code, text),
                    ReadFilter(request, "citizen_id", query.citizen_id, text),
                    ReadFilter(request, "name", query.name, text),
                    ReadFilter(request, "commune", query.commune_code, text),
                    ReadFilter(request, "group", query.group, core::ParseBeneficiaryGroup),
                    ReadFilter(request, "status", query.status, core::ParseBeneficiaryStatus),
                    ReadFilter(request, "channel", query.channel, core::ParsePaymentChannel)}) {
    if (!ok) return Fail(std::move(ok.error()));
  }
  auto page = ParsePageRequest(request);
  if (!page) return Fail(std::move(page.error()));
  query.page = page->page;
  query.page_size = page->page_size;
  if (!principal.scope_unit_code.empty() || !core::RoleHasNationalScope(principal.role)) {
    std::vector<std::string> units = principal.contracted_unit_codes;
    if (!principal.scope_unit_code.empty()) units.push_back(principal.scope_unit_code);
    query.scope_units = std::move(units);
    query.scope_edition = principal.scope_edition;
  }
  return query;
}

Response HandleSearch(RegistryApi& api, const Request& request, const core::Principal& principal) {
  auto query = SearchQuery(request, principal);
  if (!query) return ErrorResponse(query.error());
  return WithRegistry(api, [&](store::SqlSession& session, const core::ReferenceCodes& codes) {
    auto page = app::RegistryService(session, codes).Search(*query);
    if (!page) return ErrorResponse(page.error());
    return JsonResponse(200, SearchPageJson(*page));
  });
}

// A full view is granted and audited only for a person already found in scope.
Status GrantView(store::SqlSession& session, const core::Principal& principal,
                 const Request& request, DataView view, const std::string& code) {
  if (view == DataView::kMasked) return {};
  return AuthorizeAndAuditFullView(session, principal, request,
                                   {"beneficiary.full_view", "beneficiary", code});
}

Response HandleShow(RegistryApi& api, const Request& request, const core::Principal& principal) {
  auto code = PathCode(request);
  if (!code) return ErrorResponse(code.error());
  auto view = RequestedView(request);
  if (!view) return ErrorResponse(view.error());
  return WithRegistry(api, [&](store::SqlSession& session, const core::ReferenceCodes& codes) {
    auto person = LoadInScope(session, codes, principal, *code);
    if (!person) return ErrorResponse(person.error());
    if (auto ok = GrantView(session, principal, request, *view, *code); !ok) {
      return ErrorResponse(ok.error());
    }
    return JsonResponse(200, PersonJson(*person, *view));
  });
}

// ?as_of=YYYY-MM-DD: the end of that day in Vietnam (UTC+7).
Result<std::optional<std::chrono::system_clock::time_point>> AsOfParam(const Request& request) {
  const auto text = request.QueryParam("as_of");
  if (!text) return std::optional<std::chrono::system_clock::time_point>();
  auto date = core::Date::Parse(*text);
  if (!date || date->is_year_only() || text->size() != 10 || (*text)[4] != '-') {
    Error error = MakeError(ErrorKind::kInvalidInput, "request.parameter_invalid",
                            "Tham số as_of phải là một ngày dạng YYYY-MM-DD.");
    error.details.push_back({0, "as_of", error.code, error.message});
    return Fail(std::move(error));
  }
  const std::chrono::sys_days day{
      std::chrono::year{date->year()} / std::chrono::month{static_cast<unsigned>(date->month())} /
      std::chrono::day{static_cast<unsigned>(date->day())}};
  return std::optional(std::chrono::system_clock::time_point(day) + std::chrono::hours(17) -
                       std::chrono::seconds(1));
}

Response HandleHistory(RegistryApi& api, const Request& request, const core::Principal& principal) {
  auto code = PathCode(request);
  if (!code) return ErrorResponse(code.error());
  auto view = RequestedView(request);
  if (!view) return ErrorResponse(view.error());
  auto as_of = AsOfParam(request);
  if (!as_of) return ErrorResponse(as_of.error());
  return WithRegistry(api, [&](store::SqlSession& session, const core::ReferenceCodes& codes) {
    if (auto person = LoadInScope(session, codes, principal, *code); !person) {
      return ErrorResponse(person.error());
    }
    if (auto ok = GrantView(session, principal, request, *view, *code); !ok) {
      return ErrorResponse(ok.error());
    }
    app::RegistryService registry(session, codes);
    if (*as_of) {
      auto snapshot = registry.AsOf(*code, **as_of);
      if (!snapshot) return ErrorResponse(snapshot.error());
      return JsonResponse(200, {{"code", *code},
                                {"as_of", std::string(*request.QueryParam("as_of"))},
                                {"snapshot", SnapshotForView(std::move(*snapshot), *view)}});
    }
    auto entries = registry.History(*code);
    if (!entries) return ErrorResponse(entries.error());
    return JsonResponse(200, HistoryJson(*code, *entries, *view));
  });
}

}  // namespace

Result<std::string> PathCode(const Request& request) {
  const auto found = request.path_params.find("code");
  const std::string raw = found == request.path_params.end() ? "" : found->second;
  auto code = core::BeneficiaryCode::Parse(raw);
  // A code that cannot exist is not found, like any other unknown code.
  if (!code || code->value() != raw) return Fail(BeneficiaryNotFound(raw));
  return raw;
}

Result<store::PersonAggregate> LoadInScope(store::SqlSession& session,
                                           const core::ReferenceCodes& codes,
                                           const core::Principal& principal,
                                           const std::string& code) {
  auto person = app::RegistryService(session, codes).Show(code);
  if (!person) {
    if (person.error().kind == ErrorKind::kNotFound) return Fail(BeneficiaryNotFound(code));
    return Fail(std::move(person.error()));
  }
  if (auto ok = RequirePersonInScope(session, principal, person->beneficiary); !ok) {
    return Fail(std::move(ok.error()));
  }
  return person;
}

void AddBeneficiaryReadRoutes(Router& router, std::shared_ptr<RegistryApi> api) {
  const AccessRule read = AccessRule::Require(Permission::kBeneficiaryRead);
  router.Add(Method::kGet, "/api/v1/beneficiaries", read,
             [api](const Request& request, const core::Principal& principal) {
               return HandleSearch(*api, request, principal);
             });
  router.Add(Method::kGet, "/api/v1/beneficiaries/{code}", read,
             [api](const Request& request, const core::Principal& principal) {
               return HandleShow(*api, request, principal);
             });
  router.Add(Method::kGet, "/api/v1/beneficiaries/{code}/history", read,
             [api](const Request& request, const core::Principal& principal) {
               return HandleHistory(*api, request, principal);
             });
}

}  // namespace ansinh::http
