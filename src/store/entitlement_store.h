// Entitlements (chế độ hưởng): several per person, one per (policy code,
// start month). Whether the policy exists and fits the person's group is the
// caller's check (app/registry_service, the import parser).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/beneficiary.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct EntitlementRecord {
  std::int64_t id = 0;
  std::int64_t beneficiary_id = 0;
  core::Entitlement entitlement;
};

// Thread safety: as the session it works on (one thread at a time).
class EntitlementStore {
 public:
  virtual ~EntitlementStore() = default;

  // Inserts, or updates end month, decision number and amount of the row with
  // the same (beneficiary, policy code, start month). REQUIRES: every
  // beneficiary_id exists. Returns rows written.
  virtual Result<std::int64_t> UpsertBatch(const std::vector<EntitlementRecord>& records) = 0;
  // Ordered by policy code and start month.
  virtual Result<std::vector<EntitlementRecord>> ListFor(std::int64_t beneficiary_id) = 0;
};

// `session` must outlive the store.
std::unique_ptr<EntitlementStore> MakeEntitlementStore(SqlSession& session);

}  // namespace ansinh::store
