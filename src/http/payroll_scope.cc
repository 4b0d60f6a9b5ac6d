#include "http/payroll_scope.h"

#include <chrono>
#include <optional>
#include <utility>

#include "app/auth_scope.h"
#include "http/api_support.h"
#include "store/payroll_cycle_store.h"

namespace ansinh::http {
namespace {

// The office's map: ?edition=, else the caller's own, else the service's
// default (a 3-digit code is pre-2025; otherwise the map in force today).
Result<std::optional<std::string>> PayrollEditionOf(const Request& request,
                                                    const core::Principal& principal) {
  const auto edition = request.QueryParam("edition");
  if (edition) {
    if (*edition != "pre2025" && *edition != "2025") {
      return Fail(InvalidParameter("edition", "Tham số edition chỉ nhận pre2025 hoặc 2025."));
    }
    return std::optional<std::string>(std::string(*edition));
  }
  if (!principal.scope_edition.empty()) return std::optional<std::string>(principal.scope_edition);
  return std::optional<std::string>();
}

// A user of national scope has no map of their own: when the office has a
// cycle for the period in exactly one map, that is the one meant (a 5-digit
// commune code of 2024 is not in today's map). Otherwise the service's default.
Result<std::optional<std::string>> PayrollEditionOfExistingCycle(store::SqlSession& session,
                                                                 const std::string& unit,
                                                                 const std::string& period) {
  std::optional<std::string> found;
  auto cycles = store::MakePayrollCycleStore(session);
  for (const char* edition : {"pre2025", "2025"}) {
    auto cycle = cycles->Find(unit, edition, period);
    if (!cycle) return Fail(std::move(cycle.error()));
    if (!*cycle) continue;
    if (found) return std::optional<std::string>();  // in both: ambiguous, use the default
    found = edition;
  }
  return found;
}

}  // namespace

std::string PayrollPathParam(const Request& request, const char* name) {
  const auto found = request.path_params.find(name);
  return found == request.path_params.end() ? "" : found->second;
}

Result<app::PayrollRequest> ScopedPayrollRequest(store::SqlSession& session, const Request& request,
                                                 const core::Principal& principal) {
  auto edition = PayrollEditionOf(request, principal);
  if (!edition) return Fail(std::move(edition.error()));
  app::PayrollRequest out{PayrollPathParam(request, "period"), PayrollPathParam(request, "unit"),
                          *edition, AuditActorFor(principal, request),
                          std::chrono::system_clock::now()};
  const std::string scope_edition = edition->value_or(principal.scope_edition);
  if (auto ok = app::RequireUnitInScope(session, principal, scope_edition, out.unit); !ok) {
    return Fail(std::move(ok.error()));
  }
  if (!out.edition) {
    auto existing = PayrollEditionOfExistingCycle(session, out.unit, out.period);
    if (!existing) return Fail(std::move(existing.error()));
    out.edition = std::move(*existing);
  }
  return out;
}

}  // namespace ansinh::http
