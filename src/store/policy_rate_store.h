// Standard levels (mức chuẩn) and per-policy rates, both effective-dated.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/error.h"
#include "formats/reference_data.h"
#include "store/sql_session.h"

namespace ansinh::store {

// Thread safety: as the session it works on (one thread at a time).
class PolicyRateStore {
 public:
  virtual ~PolicyRateStore() = default;

  // Insert rows whose key is not there yet; return the number inserted.
  virtual Result<std::int64_t> InsertStandardLevels(
      const std::vector<formats::StandardLevelRecord>& levels) = 0;
  virtual Result<std::int64_t> InsertPolicyRates(
      const std::vector<formats::PolicyRateRecord>& rates) = 0;

  // Ordered by kind and date; coefficients come back exactly as stored ("2.5").
  virtual Result<std::vector<formats::StandardLevelRecord>> ListStandardLevels() = 0;
  // Ordered by policy code, age band and date.
  virtual Result<std::vector<formats::PolicyRateRecord>> ListPolicyRates() = 0;
};

// `session` must outlive the store.
std::unique_ptr<PolicyRateStore> MakePolicyRateStore(SqlSession& session);

}  // namespace ansinh::store
