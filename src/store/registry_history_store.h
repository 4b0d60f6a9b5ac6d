// The history of every person in the register: who changed what, when, why,
// from which month, with the whole person (beneficiary, entitlements,
// representative, payment method) as JSON after the change. Append-only.
//
// Two times: changed_at is when the register learnt it (from the caller's
// clock), effective_month is the month the change applies from. "What did we
// know about this person on day D" is the latest entry with changed_at <= D.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct HistoryEntry {
  std::int64_t id = 0;
  std::int64_t beneficiary_id = 0;
  std::string changed_at;       // UTC "YYYY-MM-DDTHH:MM:SSZ"
  std::string changed_by;       // "cli:alice", a user name of the HTTP layer
  std::string change_kind;      // "created", "updated", "imported", "suspended", ...
  std::string reason;           // free text or a reason code; may be empty
  std::string effective_month;  // "YYYY-MM"
  bool security_relevant = false;  // e.g. the account of an active person changed
  std::optional<std::string> before_json;  // absent for the first entry
  std::string after_json;
};

// Thread safety: as the session it works on (one thread at a time).
class RegistryHistoryStore {
 public:
  virtual ~RegistryHistoryStore() = default;

  virtual Result<std::int64_t> AppendBatch(const std::vector<HistoryEntry>& entries) = 0;
  // Oldest first, at most kMaxListed.
  virtual Result<std::vector<HistoryEntry>> ListFor(std::int64_t beneficiary_id) = 0;
  // The latest entry recorded at or before `instant` (same text form).
  virtual Result<std::optional<HistoryEntry>> AsOf(std::int64_t beneficiary_id,
                                                   const std::string& instant) = 0;
  // The after_json of the latest entry of each of these people that has one.
  virtual Result<std::unordered_map<std::int64_t, std::string>> LatestSnapshots(
      const std::vector<std::int64_t>& beneficiary_ids) = 0;

  static constexpr int kMaxListed = 10'000;
};

// `session` must outlive the store.
std::unique_ptr<RegistryHistoryStore> MakeRegistryHistoryStore(SqlSession& session);

}  // namespace ansinh::store
