// The audit log API every use case calls: append an entry inside the caller's
// own transaction, so the entry commits or rolls back with the change it
// records; and verify the whole chain (`ansinh audit-log verify`).
//
// Usage, inside a use case:
//   auto transaction = store::Transaction::Begin(session);
//   ... the change ...
//   AppendAudit(session, actor, AuditEvent{"beneficiary.terminate", "success",
//               "beneficiary", code, before_json, after_json});
//   transaction->Commit();
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/audit_chain.h"
#include "core/error.h"
#include "store/database.h"
#include "store/sql_session.h"

namespace ansinh::app {

// Who acted, and from where. Never put a password, token or beneficiary data
// in these fields.
struct AuditActor {
  std::optional<std::int64_t> user_id;  // none for unattended work or failed logins
  std::string name;                     // username, "cli", "system"
  std::string source_address;           // client IP, or "cli"
  std::string request_id;               // the HTTP request id; "" from the CLI
};

// What happened. before/after describe a change (omit for reads and logins);
// keep them to the fields that changed, never secrets.
struct AuditEvent {
  std::string action;               // "<noun>.<verb>": "user.add", "auth.login", ...
  std::string outcome = "success";  // "success" | "failure" | "denied"
  std::string object_type;
  std::string object_id;
  std::optional<nlohmann::json> before;
  std::optional<nlohmann::json> after;
};

// The actor of a command run at the server's console: `name` is its --as
// (who acts), "cli" when the command has none.
AuditActor CliActor(std::string name = "cli");

// Appends one chained entry. Concurrent appends serialise on the log's head
// (row lock on PostgreSQL, the write lock on SQLite), held until the caller's
// transaction ends. REQUIRES: a transaction is open on session (and, on
// SQLite, it was begun by store::Transaction, i.e. BEGIN IMMEDIATE).
Status AppendAudit(store::SqlSession& session, const AuditActor& actor, const AuditEvent& event);

struct AuditVerification {
  std::int64_t entries = 0;  // entries checked
  std::int64_t head_seq = 0;
  std::string head_hash;
  std::optional<core::ChainBreak> first_break;  // none when the log is intact
};

// Reads the whole log in pages of kAuditVerifyPage entries and checks every
// link and the head. Entries appended while it runs are not checked.
Result<AuditVerification> VerifyAuditLog(store::Database& database);

inline constexpr std::int64_t kAuditVerifyPage = 1000;

// UTC "YYYY-MM-DDTHH:MM:SSZ" of a Unix time.
std::string UtcTimestamp(std::int64_t unix_s);
std::int64_t NowUnixSeconds();

}  // namespace ansinh::app
