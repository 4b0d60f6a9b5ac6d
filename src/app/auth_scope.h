// Scope checks: may this principal see this admin unit?
//
// A commune officer sees its commune; a district officer its district and the
// communes in it; a province officer its province and everything below; a
// provider operator its unit and its contracted units; auditor and
// administrator see everything. Out of scope answers 404 ("not found"), so
// nobody learns what exists outside their area.
#pragma once

#include <string>

#include "core/error.h"
#include "core/permission.h"
#include "store/sql_session.h"

namespace ansinh::app {

// True when the unit (edition "pre2025" | "2025", code) is in the principal's
// scope. A unit of another edition than the principal's is outside it for now
// (successor links are not followed).
Result<bool> IsUnitInScope(store::SqlSession& session, const core::Principal& principal,
                           const std::string& edition, const std::string& unit_code);

// As IsUnitInScope, but kNotFound "scope.not_found" when outside.
Status RequireUnitInScope(store::SqlSession& session, const core::Principal& principal,
                          const std::string& edition, const std::string& unit_code);

}  // namespace ansinh::app
