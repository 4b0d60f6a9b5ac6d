// JSON request bodies of the register's API → the core values the use cases
// take. Field names mirror the snapshot the API answers with
// (store::SnapshotJson); dates ISO "YYYY-MM-DD", months "YYYY-MM", money in
// integer đồng. Every error names its field (json_fields.h).
#pragma once

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "app/registry_service.h"
#include "core/beneficiary.h"
#include "core/error.h"
#include "core/reference_codes.h"

namespace ansinh::http {

// POST /beneficiaries: code, full_name, birth_date, sex, commune_code, group
// required; citizen_id, phone, address, special_case, has_smartphone,
// paid_through optional. A malformed citizen ID or phone is kept as written
// (a finding for the worklist, as in an import), only its length is limited.
Result<core::Beneficiary> NewBeneficiaryFromJson(const nlohmann::json& body,
                                                 const core::ReferenceCodes& codes);

// PATCH /beneficiaries/{code}: the fields present replace those of `stored`;
// "code" may be present only unchanged; status and termination are not fields
// here (they change through the status endpoint).
Result<core::Beneficiary> PatchedBeneficiaryFromJson(const nlohmann::json& body,
                                                     core::Beneficiary stored,
                                                     const core::ReferenceCodes& codes);

// POST /beneficiaries/{code}/status: {"action": "suspend"|"reinstate"|"terminate",
// "reason": "death"|"moved"|"ineligible", "date", "destination_commune",
// "effective_from", "note"}. `note` receives the free-text reason.
Result<app::StatusChange> StatusChangeFromJson(const nlohmann::json& body, std::string& note);

}  // namespace ansinh::http
