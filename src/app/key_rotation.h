// `ansinh keys rotate` and the sealing step of `ansinh init`: bring every
// sealed value (personal data, TOTP seeds) under the current server key.
//
// A rotation writes a new key file (the old key stays readable as a retired
// key beside it, crypto/server_key.h), then re-encrypts every sealed column
// and recomputes the blind indexes in batches of store::kResealBatchRows rows,
// one transaction each, and records one audit entry. Interrupted, it leaves a
// mix of old and new keys that every reader still opens (the ring holds
// both); run again, it finds values not yet under the current key and
// finishes them instead of starting another rotation.
//
// Servers running during a rotation keep writing with the key they loaded;
// a later `keys rotate` picks those rows up. Restart servers after rotating.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "core/error.h"
#include "store/database.h"

namespace ansinh::app {

struct KeyRotationSummary {
  bool resumed = false;          // finished an earlier, interrupted pass; no new key
  std::string previous_key_id;   // the key current when the command started
  std::string key_id;            // the key everything is sealed under now
  std::int64_t rows_resealed = 0;
  std::int64_t totp_seeds_resealed = 0;
};

nlohmann::json ToJson(const KeyRotationSummary& summary);

// Seals what is still clear text (a database written before encryption at
// rest, just migrated), without a new key; does nothing, and reads no key,
// when there is none.
// Errors: of the store; kUnavailable key.* when the key file cannot be read.
Result<KeyRotationSummary> SealPendingValues(store::Database& database);

// Rotates the key of `database` (its sessions' key file) unless an earlier
// pass is unfinished, in which case it finishes that one. Audited as
// "keys.rotate". max_batches > 0 stops each table's pass early (tests only).
Result<KeyRotationSummary> RotateKeys(store::Database& database, const AuditActor& actor,
                                      int max_batches = 0);

}  // namespace ansinh::app
