// Disbursement use cases (issue 5 items 1 and 3, docs/disbursement.md): the
// route each paying office pays each group by, and the batches of an
// approved cycle exported as ISO 20022 pain.001 or a provider's CSV list.
// Opening a batch marks its lines handed over and posts the ledger in one
// transaction (app/ledger_posting.h); files are written after it commits and
// are the same bytes on every re-export.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "core/error.h"
#include "store/batch_store.h"
#include "store/disbursement_route_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct RouteRequest {
  std::string unit;                    // the paying office (payroll_office.h)
  std::optional<std::string> edition;  // as PayrollRequest
  std::string group;                   // "NCC" | "BTXH"
  std::string route_kind;              // "TREASURY_DIRECT" | "PROVIDER"
  std::string provider_code;           // NAPAS BIN or provider code, [A-Z0-9]{1,12}
  std::string provider_name;
  std::string contract_number;
  std::string source_account;  // the office's account the payments leave from
  std::string fee_kind = "FIXED";
  std::int64_t fee_fixed_vnd = 0;
  std::int64_t fee_bps = 0;
  std::int64_t fee_min_vnd = 0;
  std::int64_t fee_max_vnd = 0;
  std::int64_t pay_by_day = 15;
  AuditActor actor;
  std::chrono::system_clock::time_point now;
};

struct ExportRequest {
  std::string period;  // "YYYY-MM"
  std::string unit;
  std::optional<std::string> edition;
  std::string format;  // "pain001" | "csv" | "xlsx" | "pdf"
  std::filesystem::path out_dir;
  AuditActor actor;
  std::chrono::system_clock::time_point now;
};

struct ExportedBatch {
  store::BatchRecord batch;
  bool opened_now = false;          // false: opened by an earlier export
  std::optional<std::string> file;  // none when the format does not apply
};

struct ExportSummary {
  std::string period;
  std::string unit;
  std::vector<ExportedBatch> batches;
};

nlohmann::json ToJson(const store::RouteRecord& route);
// {"period","unit","batches":[{"batch_id","route","provider","channel","count",
//  "amount_vnd","fee_vnd","pay_by","opened_now","file"}]}
nlohmann::json ToJson(const ExportSummary& summary);

// Thread safety: one thread at a time, as the session. REQUIRES: `session`
// outlives the service; no transaction open on it.
class DisbursementService {
 public:
  explicit DisbursementService(store::SqlSession& session) : session_(session) {}

  // Sets (or replaces) the route of (office, group). Errors: kInvalidInput
  // disburse.group_invalid, disburse.route_kind_invalid,
  // disburse.provider_invalid, disburse.contract_invalid,
  // disburse.account_invalid, disburse.pay_by_day_invalid, fee.* (core::FeeRule),
  // payroll.unit_*.
  Result<store::RouteRecord> SetRoute(const RouteRequest& request);
  // The routes of an office (all offices when `unit` is empty).
  Result<std::vector<store::RouteRecord>> ListRoutes(const std::string& unit);

  // Opens batches for the cycle's pending lines not yet in one (one per
  // route, provider and channel), then writes every batch of the cycle in
  // `format` into out_dir as <batch id>.xml|.csv|.xlsx|.pdf. pain001 covers
  // account batches, pdf (the signature lists per pay point) cash batches;
  // the others are listed without a file. Errors: kInvalidInput
  // disburse.format_invalid, period.*, payroll.unit_*; kNotFound
  // payroll.cycle_not_found; kConflict disburse.cycle_not_approved,
  // disburse.route_missing (naming the group), disburse.account_missing
  // (naming the line); kInternal disburse.write_failed.
  Result<ExportSummary> Export(const ExportRequest& request);

 private:
  store::SqlSession& session_;
};

}  // namespace ansinh::app
