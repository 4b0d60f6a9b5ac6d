// The rest of a paying office's monthly cycle over HTTP (issue 4 items 3 and
// 5), what the web screens need beside run/show/approve/changes
// (payroll_routes.h). Thin adapters over app/payroll_office_actions.h; the
// office in the path is checked against the caller's scope first, so an
// office outside it answers 404 exactly like one that does not exist.
//
//   POST /api/v1/payroll/{unit}/{period}/release      payroll.prepare
//        {"line_id"}: a HELD line of the office's cycle goes to cash at the
//        pay point (a district officer's decision; audited)
//   POST /api/v1/payroll/{unit}/{period}/one-offs     payroll.prepare
//        {"beneficiary_code","decision_number","amount_vnd","reason"?}: a
//        one-off payment (default reason "mai_tang", funeral support), paid as
//        a ONE_OFF line of the period's cycle at its next run; 201 (audited)
//   GET  /api/v1/payroll/{unit}/{period}/receivables  payroll.read
//        recovery receivables the cycle raised (what could not be netted)
//   GET  /api/v1/payroll/{unit}/{period}/pay-points   payroll.read
//        cash lines (not held) per pay point and channel
//
// The POSTs need the CSRF token with a session and honour Idempotency-Key.
#pragma once

#include <memory>

#include "http/api_support.h"
#include "http/idempotency.h"
#include "http/router.h"

namespace ansinh::http {

void AddPayrollOfficeRoutes(Router& router, std::shared_ptr<RegistryApi> api,
                            std::shared_ptr<IdempotencyGuard> idempotency);

}  // namespace ansinh::http
