// The hash chain of the audit log: the canonical bytes of an entry and the
// check of one link. Pure functions; reading and writing entries is app/audit_log.h.
//
// entry_hash = hex(BLAKE2b-256(CanonicalAuditEntry(entry))), and the canonical
// form contains seq and prev_hash, so editing any field, deleting an entry or
// swapping two entries breaks the chain at the first entry touched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ansinh::core {

struct AuditEntry {
  std::int64_t seq = 0;          // 1, 2, 3, ... without gaps
  std::string occurred_at;       // UTC "YYYY-MM-DDTHH:MM:SSZ"
  std::optional<std::int64_t> actor_user_id;  // none for the system or a failed login
  std::string actor;             // username, or "system"/"cli" for unattended work
  std::string action;            // "auth.login", "user.add", "payroll.approve", ...
  std::string outcome;           // "success" | "failure" | "denied"
  std::string object_type;       // "user", "beneficiary", ...; empty if none
  std::string object_id;
  std::string source_address;    // client IP, or "cli"
  std::string request_id;
  std::optional<std::string> before_json;  // state before a change
  std::optional<std::string> after_json;   // state after a change
  std::string prev_hash;         // entry_hash of seq - 1; kAuditGenesisHash for seq 1
  std::string entry_hash;
};

// prev_hash of the first entry: 64 hex zeros.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Version tag, length-prefixed fields in a fixed order, absent optionals marked
// distinctly from empty ones: no two different entries share canonical bytes.
// entry_hash itself is not part of it.
std::string CanonicalAuditEntry(const AuditEntry& entry);

// Lower-case hex of BLAKE2b-256 over the canonical form.
std::string AuditEntryHash(const AuditEntry& entry);

struct ChainBreak {
  std::int64_t seq = 0;  // the first entry that does not fit
  std::string code;      // "audit.sequence_gap" | "audit.prev_hash_mismatch" | "audit.hash_mismatch"
  std::string message;   // Vietnamese, names the entry
};

// Checks that entry follows previous (nullptr for the first entry of the log):
// consecutive seq, prev_hash equal to previous's entry_hash, and entry_hash
// recomputed from the entry.
std::optional<ChainBreak> CheckAuditLink(const AuditEntry* previous, const AuditEntry& entry);

}  // namespace ansinh::core
