// GET /api/v1/lists?unit=CODE[&list=a|b|c|d|cash_paypoint|cash_home]
// [&format=json|xlsx][&view=full][&edition=pre2025|2025]: the registration
// lists of plan 152/KH-UBND III.1 and the cash lists for a unit in the
// caller's scope (app/lists_service.h). Every answer is an audited export
// (lists.export, with user, time, source address, request id); citizen IDs
// and account numbers are masked unless the full view is asked for and
// allowed.
#pragma once

#include <memory>

#include "http/api_support.h"
#include "http/router.h"

namespace ansinh::http {

void AddListRoutes(Router& router, std::shared_ptr<RegistryApi> api);

}  // namespace ansinh::http
