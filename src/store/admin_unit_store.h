// Administrative units of both editions and the successor links between them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "formats/reference_data.h"
#include "store/sql_session.h"

namespace ansinh::store {

using formats::AdminEdition;
using formats::AdminLevel;

struct AdminUnit {
  std::int64_t id = 0;
  AdminEdition edition = AdminEdition::kPre2025;
  AdminLevel level = AdminLevel::kProvince;
  std::string code;
  std::string name;
  std::string division_type;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> valid_from;
  std::optional<std::string> valid_to;
};

struct Successor {
  AdminUnit unit;
  formats::TransferKind transfer = formats::TransferKind::kUnspecified;
  std::string note;
};

// Thread safety: as the session it works on (one thread at a time).
class AdminUnitStore {
 public:
  virtual ~AdminUnitStore() = default;

  // Inserts units that are not there yet (by edition, level, code); existing ones
  // are left unchanged. REQUIRES: each parent is present or earlier in `units`.
  // Returns the number inserted.
  virtual Result<std::int64_t> InsertUnits(const std::vector<formats::AdminUnitRecord>& units) = 0;
  // Links old (pre2025) to new (2025) units by code; existing links are kept.
  virtual Result<std::int64_t> InsertSuccessorLinks(
      const std::vector<formats::SuccessorLinkRecord>& links) = 0;

  virtual Result<std::optional<AdminUnit>> Find(AdminEdition edition, AdminLevel level,
                                                const std::string& code) = 0;
  virtual Result<std::vector<AdminUnit>> Children(std::int64_t parent_id) = 0;
  virtual Result<std::vector<Successor>> Successors(std::int64_t unit_id) = 0;
  virtual Result<std::int64_t> CountUnits(AdminEdition edition, AdminLevel level) = 0;
  virtual Result<std::int64_t> CountSuccessorLinks(AdminLevel level) = 0;
};

// The one implementation, over either dialect. `session` must outlive the store.
std::unique_ptr<AdminUnitStore> MakeAdminUnitStore(SqlSession& session);

}  // namespace ansinh::store
