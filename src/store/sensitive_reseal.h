// Bringing every sealed column to the current key: sealing clear text left by
// databases from before encryption at rest, and re-encrypting after a key
// rotation (app/key_rotation.h). Each batch of rows is one transaction, so an
// interrupted pass keeps what it did and a second pass finds only the rest.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "crypto/field_cipher.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct SealedColumn {
  std::string_view name;
  std::string_view context;       // the associated data (registry_sensitive.h)
  std::string_view index_column;  // its blind index column; empty: none
};

struct SealedTable {
  std::string_view name;
  std::string_view key;  // a unique integer column to page by
  std::vector<SealedColumn> columns;
};

// Every table with sealed personal data.
const std::vector<SealedTable>& SealedTables();

struct ResealProgress {
  std::int64_t rows_resealed = 0;
  std::int64_t batches = 0;
  bool complete = false;  // false when max_batches stopped the pass early
};

// Rows of every sealed table holding a value that is neither empty nor sealed
// under ring's current key.
Result<std::int64_t> CountStaleRows(SqlSession& session, const crypto::KeyRing& ring);
// Rows holding clear text (written before encryption at rest): needs no key.
Result<std::int64_t> CountClearRows(SqlSession& session);

// Reseals, under ring's current key, every row of `table` that CountStaleRows
// would count, batch_rows rows per transaction, and rewrites its blind
// indexes. Opens values with any key of the ring (clear text passes through).
// max_batches (> 0) stops early: tests use it to interrupt a pass.
// REQUIRES: no transaction open on session. Errors: of the store; a value
// that does not open aborts (ThrowCorruptValue).
Result<ResealProgress> ResealTable(SqlSession& session, const crypto::KeyRing& ring,
                                   const SealedTable& table, int batch_rows, int max_batches = 0);

inline constexpr int kResealBatchRows = 500;

}  // namespace ansinh::store
