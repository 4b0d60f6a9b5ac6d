// The small code lists the core validators check against: CCCD province codes
// and mobile prefixes (institutions live in InstitutionStore).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/error.h"
#include "formats/reference_data.h"
#include "store/sql_session.h"

namespace ansinh::store {

// Thread safety: as the session it works on (one thread at a time).
class ReferenceCodeStore {
 public:
  virtual ~ReferenceCodeStore() = default;

  // Insert codes not there yet; return the number inserted.
  virtual Result<std::int64_t> InsertCitizenIdProvinces(
      const std::vector<formats::CitizenIdProvinceRecord>& provinces) = 0;
  virtual Result<std::int64_t> InsertMobilePrefixes(
      const std::vector<formats::MobilePrefixRecord>& prefixes) = 0;

  virtual Result<std::vector<formats::CitizenIdProvinceRecord>> ListCitizenIdProvinces() = 0;
  virtual Result<std::vector<formats::MobilePrefixRecord>> ListMobilePrefixes() = 0;
};

// `session` must outlive the store.
std::unique_ptr<ReferenceCodeStore> MakeReferenceCodeStore(SqlSession& session);

}  // namespace ansinh::store
