// The monthly payroll of a paying office over HTTP (issue 4), behind the
// security model (issue 6). Every route names the office and period in its
// path; an office outside the caller's scope answers 404 exactly like an
// office that does not exist. ?edition=pre2025|2025 reads the code in that
// map (default: the caller's own).
//
//   POST /api/v1/payroll/{unit}/{period}/run      payroll.prepare  build or rebuild the draft
//   GET  /api/v1/payroll/{unit}/{period}          payroll.read     the cycle (issue 4 item 8)
//   POST /api/v1/payroll/{unit}/{period}/approve  payroll.approve  maker-checker, second factor
//   GET  /api/v1/payroll/{unit}/{period}/changes  payroll.read     tăng/giảm/điều chỉnh,
//                                                 ?format=json|xlsx, audited and watermarked
//
// The POSTs take an empty body (or {}), need the CSRF token with a session
// and honour Idempotency-Key.
#pragma once

#include <memory>

#include "http/api_support.h"
#include "http/idempotency.h"
#include "http/router.h"

namespace ansinh::http {

void AddPayrollRoutes(Router& router, std::shared_ptr<RegistryApi> api,
                      std::shared_ptr<IdempotencyGuard> idempotency);

}  // namespace ansinh::http
