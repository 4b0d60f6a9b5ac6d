// Standard levels and policy rates over HTTP (issue 4 item 1: "ansinh rates
// add … and the API"). Rates are published law, so any logged-in user may
// read them; adding one is reference-data management (province officer,
// administrator), audited by the use case.
//
//   GET  /api/v1/rates[?policy=CODE]       authenticated
//   POST /api/v1/rates/standard-levels     reference_data.manage
//        {"kind":"BTXH_STANDARD|NCC_STANDARD","amount_vnd","effective_from","legal_basis"?}
//   POST /api/v1/rates/policy-rates        reference_data.manage
//        {"policy_code","coefficient"|"amount_vnd","effective_from","effective_to"?,
//         "age_from"?,"age_to"?,"legal_basis"?}
//
// Dates are ISO (YYYY-MM-DD); a coefficient is exact decimal text ("2.5").
// Writes honour Idempotency-Key.
#pragma once

#include <memory>

#include "http/api_support.h"
#include "http/idempotency.h"
#include "http/router.h"

namespace ansinh::http {

void AddRatesRoutes(Router& router, std::shared_ptr<RegistryApi> api,
                    std::shared_ptr<IdempotencyGuard> idempotency);

}  // namespace ansinh::http
