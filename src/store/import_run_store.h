// One row per committed beneficiary import: what file, how much of it was
// taken, by whom. A rejected all-or-nothing import writes nothing, this row
// included.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct ImportRunRecord {
  std::int64_t id = 0;
  std::string file_name;
  std::int64_t content_bytes = 0;
  std::string content_hash;  // FNV-1a 64 of the bytes, hex: recognises a re-import
  std::string mode;          // "all_or_nothing" | "partial"
  std::int64_t data_rows = 0;
  std::int64_t accepted_rows = 0;
  std::int64_t rejected_rows = 0;
  std::int64_t beneficiaries = 0;
  std::int64_t findings = 0;
  std::string imported_by;
  std::string imported_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ"
};

// Thread safety: as the session it works on (one thread at a time).
class ImportRunStore {
 public:
  virtual ~ImportRunStore() = default;

  // Returns the new id.
  virtual Result<std::int64_t> Insert(const ImportRunRecord& run) = 0;
  // Newest first, at most `limit` (capped at kMaxListed).
  virtual Result<std::vector<ImportRunRecord>> ListRecent(int limit) = 0;

  static constexpr int kMaxListed = 1'000;
};

// `session` must outlive the store.
std::unique_ptr<ImportRunStore> MakeImportRunStore(SqlSession& session);

}  // namespace ansinh::store
