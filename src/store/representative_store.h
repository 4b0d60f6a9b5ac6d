// Representatives: the authorised person (người được ủy quyền) or guardian
// (người giám hộ) who receives the money for a beneficiary. At most one per
// person: the one the payment method names.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/beneficiary.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct RepresentativeRecord {
  std::int64_t beneficiary_id = 0;
  core::Representative representative;  // identity fields raw only, as BeneficiaryStore
};

// Thread safety: as the session it works on (one thread at a time).
class RepresentativeStore {
 public:
  virtual ~RepresentativeStore() = default;

  // Inserts or replaces the representative of each beneficiary. Returns rows written.
  virtual Result<std::int64_t> PutBatch(const std::vector<RepresentativeRecord>& records) = 0;
  // Removes the representatives of these beneficiaries (a recipient changed to self).
  virtual Result<std::int64_t> RemoveFor(const std::vector<std::int64_t>& beneficiary_ids) = 0;
  virtual Result<std::optional<core::Representative>> Find(std::int64_t beneficiary_id) = 0;
};

// `session` must outlive the store.
std::unique_ptr<RepresentativeStore> MakeRepresentativeStore(SqlSession& session);

}  // namespace ansinh::store
