// The partner API (issue 5 item 8, docs/protocols/partner-api.md): a payment
// provider, through an API token tied to its provider code
// (`ansinh token create … --provider CODE`), lists its batches, downloads
// their files and posts the results.
//
//   GET  /api/v1/partner/batches?status=open|closed|all        payment_result.record
//   GET  /api/v1/partner/batches/{batch_id}/file?format=…      payment_result.record
//        pain001|csv|xlsx|pdf (default pain001 for accounts, csv for cash),
//        audited as disburse.export and watermarked with the token's account
//   POST /api/v1/partner/batches/{batch_id}/results            payment_result.record
//        G2P Connect-style results (app/partner_results.h), idempotent by message_id
//
// A batch of another provider, or of an office outside the token's scope,
// answers 404 exactly like a batch that does not exist. A bearer request
// needs no CSRF token (http/authorization_guard.h).
#pragma once

#include <memory>

#include "http/api_support.h"
#include "http/router.h"

namespace ansinh::http {

void AddPartnerRoutes(Router& router, std::shared_ptr<RegistryApi> api);

}  // namespace ansinh::http
