// The disbursement route of each (paying office, group)
// (db/migrations/*/0008_disbursement.sql). Plain rows; the rules (what a
// valid fee rule is) are core::FeeRule's, checked by app/disbursement_service.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct RouteRecord {
  std::string unit_code;
  std::string unit_edition;   // "pre2025" | "2025"
  std::string policy_group;   // "NCC" | "BTXH"
  std::string route_kind;     // "TREASURY_DIRECT" | "PROVIDER"
  std::string provider_code;  // NAPAS BIN or provider code, ≤ 12 characters
  std::string provider_name;
  std::string contract_number;
  std::string source_account;  // the office's account the payments leave from
  std::string fee_kind;        // "FIXED" | "PERCENT"
  std::int64_t fee_fixed_vnd = 0;
  std::int64_t fee_bps = 0;
  std::int64_t fee_min_vnd = 0;
  std::int64_t fee_max_vnd = 0;
  std::int64_t pay_by_day = 15;
  std::string set_by;
  std::string set_at;
};

// Thread safety: as the session it works on (one thread at a time).
class DisbursementRouteStore {
 public:
  virtual ~DisbursementRouteStore() = default;

  // Inserts or replaces the route of (unit, edition, group).
  virtual Status Put(const RouteRecord& route) = 0;
  virtual Result<std::optional<RouteRecord>> Find(const std::string& unit_code,
                                                  const std::string& unit_edition,
                                                  const std::string& policy_group) = 0;
  // Every route of an office, or of all offices when unit_code is empty.
  virtual Result<std::vector<RouteRecord>> List(const std::string& unit_code) = 0;
};

// `session` must outlive the store.
std::unique_ptr<DisbursementRouteStore> MakeDisbursementRouteStore(SqlSession& session);

}  // namespace ansinh::store
