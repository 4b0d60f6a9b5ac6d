// /api/v1/beneficiaries: search, read, history and the changes of the
// register (DESIGN.md §6). Every route declares its permission; every object
// is checked against the caller's scope, and one outside it answers 404
// exactly as a code that does not exist.
#pragma once

#include <memory>

#include "http/api_support.h"
#include "http/idempotency.h"
#include "http/router.h"

namespace ansinh::http {

// GET /api/v1/beneficiaries, GET /api/v1/beneficiaries/{code} (?view=full),
// GET /api/v1/beneficiaries/{code}/history (?as_of=YYYY-MM-DD, ?view=full).
void AddBeneficiaryReadRoutes(Router& router, std::shared_ptr<RegistryApi> api);

// POST /api/v1/beneficiaries, PATCH /api/v1/beneficiaries/{code},
// POST .../{code}/status, POST .../{code}/entitlements,
// PUT .../{code}/payment-method; all with Idempotency-Key.
void AddBeneficiaryWriteRoutes(Router& router, std::shared_ptr<RegistryApi> api,
                               std::shared_ptr<IdempotencyGuard> idempotency);

// Shared by both: the {code} of the path, and the person it names if the
// caller may see them. Errors: BeneficiaryNotFound (also for a malformed code
// and for a person out of scope), the store's.
Result<std::string> PathCode(const Request& request);
Result<store::PersonAggregate> LoadInScope(store::SqlSession& session,
                                           const core::ReferenceCodes& codes,
                                           const core::Principal& principal,
                                           const std::string& code);

}  // namespace ansinh::http
