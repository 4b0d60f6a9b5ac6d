// Banks and mobile-money providers, keyed by NAPAS BIN.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/reference_codes.h"
#include "formats/reference_data.h"
#include "store/sql_session.h"

namespace ansinh::store {

// Thread safety: as the session it works on (one thread at a time).
class InstitutionStore {
 public:
  virtual ~InstitutionStore() = default;

  // Inserts institutions whose BIN is not there yet; returns the number inserted.
  virtual Result<std::int64_t> Insert(const std::vector<formats::InstitutionRecord>& records) = 0;
  virtual Result<std::optional<formats::InstitutionRecord>> FindByBin(const std::string& bin) = 0;
  // Ordered by BIN; bounded by the table, which holds a few hundred rows at most.
  virtual Result<std::vector<formats::InstitutionRecord>> List() = 0;
  virtual Result<std::int64_t> Count(core::PaymentInstitutionKind kind) = 0;
};

// `session` must outlive the store.
std::unique_ptr<InstitutionStore> MakeInstitutionStore(SqlSession& session);

}  // namespace ansinh::store
