// Deadlines over HTTP (issue 5 item 10): the lines of a paying office not
// paid by their batch's pay-by date, for the dashboard (app/overdue_lines.h).
//
//   GET /api/v1/disbursement/{unit}/overdue?as_of=YYYY-MM-DD&limit=N&edition=…
//       report.read; as_of defaults to today (Vietnam time), limit to 10,000
//
// The office is checked against the caller's scope first: outside it answers
// 404 exactly like an office that does not exist. The answer names people
// (code, name, commune) but carries no citizen ID, phone or account number.
#pragma once

#include <memory>

#include "http/api_support.h"
#include "http/router.h"

namespace ansinh::http {

void AddOverdueRoutes(Router& router, std::shared_ptr<RegistryApi> api);

}  // namespace ansinh::http
