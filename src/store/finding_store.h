// The commune's worklist: problems found on a stored person (a malformed
// citizen ID, a missing account) that do not keep them out of the register.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct FindingRecord {
  std::int64_t id = 0;
  std::int64_t beneficiary_id = 0;
  std::string beneficiary_code;  // filled when read back
  std::string field;             // import column key, e.g. "so_dinh_danh"
  std::string code;              // e.g. "citizen_id.missing"
  std::string message;           // Vietnamese
  std::string status = "open";   // "open" | "resolved"
  std::string created_at;        // UTC "YYYY-MM-DDTHH:MM:SSZ"
};

// Thread safety: as the session it works on (one thread at a time).
class FindingStore {
 public:
  virtual ~FindingStore() = default;

  virtual Result<std::int64_t> AddBatch(const std::vector<FindingRecord>& findings) = 0;
  // Deletes the open findings of these people, before their data is checked
  // again (a re-import must not pile up copies). Resolved ones stay.
  virtual Result<std::int64_t> ClearOpen(const std::vector<std::int64_t>& beneficiary_ids) = 0;
  // Open findings of the people of one commune, by beneficiary code, at most
  // kMaxListed.
  virtual Result<std::vector<FindingRecord>> OpenInCommune(const std::string& commune_code) = 0;
  virtual Result<std::vector<FindingRecord>> ListFor(std::int64_t beneficiary_id) = 0;

  static constexpr int kMaxListed = 100'000;
};

// `session` must outlive the store.
std::unique_ptr<FindingStore> MakeFindingStore(SqlSession& session);

// A person whose citizen ID another person of the register also holds.
struct CitizenIdClash {
  std::int64_t beneficiary_id = 0;
  std::string other_code;
};

// The clashes of these people, found through the blind index (never the
// sealed values), ordered by person then the other's code.
Result<std::vector<CitizenIdClash>> FindCitizenIdClashes(
    SqlSession& session, const std::vector<std::int64_t>& beneficiary_ids);

}  // namespace ansinh::store
