// The full view of personal data: an explicit request (?view=full), allowed
// only to roles with beneficiary.full_view, and written to the audit log
// before any unmasked byte leaves the server.
#pragma once

#include <string>

#include "core/error.h"
#include "core/permission.h"
#include "http/message.h"
#include "store/sql_session.h"

namespace ansinh::http {

enum class DataView { kMasked, kFull };

// ?view=masked (the default) or ?view=full.
// Errors: kInvalidInput request.parameter_invalid naming "view".
Result<DataView> RequestedView(const Request& request);

// What was viewed, for the audit entry.
struct ViewedObject {
  std::string action;       // "beneficiary.full_view", "lists.export", ...
  std::string object_type;  // "beneficiary", "registration_list"
  std::string object_id;
};

// For a full view: refuses a role without beneficiary.full_view (403
// beneficiary.full_view_forbidden, the refusal itself audited as "denied"),
// else appends a "success" entry. REQUIRES: the caller already checked that
// the object is in scope (out of scope is 404 before this). Errors: the
// audit log's — then nothing may be shown.
Status AuthorizeAndAuditFullView(store::SqlSession& session, const core::Principal& principal,
                                 const Request& request, const ViewedObject& object);

// Appends one audit entry in a transaction of its own (exports, views).
Status AuditRead(store::SqlSession& session, const core::Principal& principal,
                 const Request& request, const ViewedObject& object, const std::string& outcome,
                 const nlohmann::json& detail = nullptr);

}  // namespace ansinh::http
