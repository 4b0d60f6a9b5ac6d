// POST /api/v1/imports/beneficiaries: the beneficiary import of DESIGN.md §4
// over HTTP. The body is the file itself (text/csv, the XLSX media type, or
// application/octet-stream with ?format=csv|xlsx); ?dry_run=true checks and
// writes nothing; ?partial=true keeps the good rows (default all-or-nothing);
// ?edition=pre2025|2025 names the map of the commune codes (default: the
// caller's). Every row must lie in the caller's scope. The body limit is the
// server's upload limit (ServerOptions::upload_body_limit_bytes).
#pragma once

#include <memory>

#include "http/api_support.h"
#include "http/idempotency.h"
#include "http/router.h"

namespace ansinh::http {

inline constexpr std::string_view kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

void AddImportRoutes(Router& router, std::shared_ptr<RegistryApi> api,
                     std::shared_ptr<IdempotencyGuard> idempotency);

}  // namespace ansinh::http
