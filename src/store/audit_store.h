// Rows of the append-only audit log and its head (the last entry's seq and hash).
// The chain itself is computed in core/audit_chain.h; appending is app/audit_log.h.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/audit_chain.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct AuditHead {
  std::int64_t seq = 0;    // 0 for an empty log
  std::string entry_hash;  // core::kAuditGenesisHash for an empty log
};

// Thread safety: as the session it works on (one thread at a time).
class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Reads the head and locks it until the caller's transaction ends, so that
  // appends serialise: SELECT ... FOR UPDATE on PostgreSQL; on SQLite the
  // transaction (BEGIN IMMEDIATE) already holds the database's write lock.
  // REQUIRES: a transaction is open on the session.
  virtual Result<AuditHead> LockHead() = 0;
  // The head as recorded, without locking (for verification).
  virtual Result<AuditHead> ReadHead() = 0;
  // Inserts the entry and moves the head to it.
  // REQUIRES: LockHead in the same transaction; entry.seq == head.seq + 1.
  virtual Status Append(const core::AuditEntry& entry) = 0;
  // At most `limit` entries with seq > after_seq, by seq.
  virtual Result<std::vector<core::AuditEntry>> ReadAfter(std::int64_t after_seq,
                                                          std::int64_t limit) = 0;
};

// The one implementation, over either dialect. `session` must outlive the store.
std::unique_ptr<AuditStore> MakeAuditStore(SqlSession& session);

}  // namespace ansinh::store
