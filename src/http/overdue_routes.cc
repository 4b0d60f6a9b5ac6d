#include "http/overdue_routes.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>

#include "app/auth_scope.h"
#include "app/overdue_lines.h"
#include "http/error_status.h"

namespace ansinh::http {
namespace {

using core::Permission;

// Today in Vietnam (UTC+7), YYYY-MM-DD.
std::string VietnamToday() {
  const auto now = std::chrono::system_clock::now() + std::chrono::hours(7);
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(now)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

Result<app::OverdueRequest> OverdueRequestOf(const Request& request) {
  app::OverdueRequest out;
  const auto unit = request.path_params.find("unit");
  out.unit = unit == request.path_params.end() ? "" : unit->second;
  out.as_of = std::string(request.QueryParam("as_of").value_or(VietnamToday()));
  if (const auto limit = request.QueryParam("limit")) {
    const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), out.limit);
    if (ec != std::errc() || end != limit->data() + limit->size() || out.limit < 1 ||
        out.limit > app::kMaxOverdueLines) {
      return Fail(InvalidParameter("limit", "Tham số limit phải là số nguyên từ 1 đến 10000."));
    }
  }
  return out;
}

Result<std::string> OverdueEdition(const Request& request, const core::Principal& principal) {
  const auto edition = request.QueryParam("edition");
  if (!edition) return principal.scope_edition;
  if (*edition != "pre2025" && *edition != "2025") {
    return Fail(InvalidParameter("edition", "Tham số edition chỉ nhận pre2025 hoặc 2025."));
  }
  return std::string(*edition);
}

Response HandleOverdue(RegistryApi& api, const Request& request,
                       const core::Principal& principal) {
  auto overdue = OverdueRequestOf(request);
  if (!overdue) return ErrorResponse(overdue.error());
  auto edition = OverdueEdition(request, principal);
  if (!edition) return ErrorResponse(edition.error());
  auto session = api.database().Acquire();
  if (!session) return ErrorResponse(session.error());
  if (auto ok = app::RequireUnitInScope(**session, principal, *edition, overdue->unit); !ok) {
    return ErrorResponse(ok.error());
  }
  auto report = app::ListOverdueLines(**session, *overdue);
  if (!report) return ErrorResponse(report.error());
  return JsonResponse(200, app::ToJson(*report));
}

}  // namespace

void AddOverdueRoutes(Router& router, std::shared_ptr<RegistryApi> api) {
  router.Add(Method::kGet, "/api/v1/disbursement/{unit}/overdue",
             AccessRule::Require(Permission::kReportRead),
             [api](const Request& request, const core::Principal& principal) {
               return HandleOverdue(*api, request, principal);
             });
}

}  // namespace ansinh::http
