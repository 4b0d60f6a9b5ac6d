// The office and period a payroll route names in its path
// (/api/v1/payroll/{unit}/{period}/…), checked against the caller's scope
// before anything else, so that an office outside it answers exactly like an
// office that does not exist. Shared by every payroll route file.
#pragma once

#include <string>

#include "app/payroll_service.h"
#include "core/error.h"
#include "core/permission.h"
#include "http/message.h"
#include "store/sql_session.h"

namespace ansinh::http {

// The path parameter `name`; empty when the route has none.
std::string PayrollPathParam(const Request& request, const char* name);

// The request of a payroll route for the caller. The map the unit code is
// read in: ?edition=pre2025|2025, else the caller's own, else — for a user of
// national scope — the map in which the office has a cycle of the period
// when that is exactly one, else the service's default.
// Errors: kInvalidInput request.parameter_invalid (edition); kNotFound
// scope.not_found (outside the scope, as for a unit that does not exist).
Result<app::PayrollRequest> ScopedPayrollRequest(store::SqlSession& session, const Request& request,
                                                 const core::Principal& principal);

}  // namespace ansinh::http
