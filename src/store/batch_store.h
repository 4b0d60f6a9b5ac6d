// Disbursement batches and their items (db/migrations/*/0008_disbursement.sql).
// Plain rows; planning (which line goes where, netting) is core/batch_plan's,
// the transaction and the ledger posting are app/disbursement_service's.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct BatchRecord {
  std::int64_t id = 0;
  std::string batch_id;  // stable, ≤ 35 characters (core::BatchId)
  std::int64_t cycle_id = 0;
  std::string route_kind;
  std::string provider_code;
  std::string provider_name;
  std::string contract_number;
  std::string source_account;
  std::string channel;
  std::int64_t sequence = 1;
  std::string status = "open";
  std::string fee_kind;
  std::int64_t fee_fixed_vnd = 0;
  std::int64_t fee_bps = 0;
  std::int64_t fee_min_vnd = 0;
  std::int64_t fee_max_vnd = 0;
  std::string pay_by_date;  // YYYY-MM-DD
  std::int64_t transfer_count = 0;
  std::int64_t total_vnd = 0;
  std::int64_t fee_vnd = 0;
  std::string created_by;
  std::string created_at;
};

struct BatchItemRecord {
  std::int64_t batch_ref = 0;
  std::int64_t line_ref = 0;
  std::string line_id;
  std::int64_t position = 0;
  std::int64_t transfer_vnd = 0;
};

// A pending line of an approved cycle not yet in a live batch item.
struct CandidateLine {
  std::int64_t line_ref = 0;
  std::string line_id;
  std::int64_t beneficiary_id = 0;
  std::int64_t amount_vnd = 0;
  std::string channel;
  std::string policy_group;  // the person's group: picks the route
};

// An item with what a payment list shows about its line and person.
struct BatchItemView {
  std::string line_id;
  std::int64_t position = 0;
  std::int64_t transfer_vnd = 0;
  std::int64_t beneficiary_id = 0;
  std::string beneficiary_code;
  std::string full_name;
  std::string commune_code;
  std::string kind;
  std::string for_period;
  std::string line_status;
  std::int64_t line_ref = 0;
  std::string recipient;            // "SELF" | "AUTHORISED" | "GUARDIAN", as at approval
  std::string representative_name;  // the representative of the register, empty if none
};

// Thread safety: as the session it works on (one thread at a time).
class BatchStore {
 public:
  virtual ~BatchStore() = default;

  virtual Result<std::vector<BatchRecord>> ListBatches(std::int64_t cycle_id) = 0;
  virtual Result<std::optional<BatchRecord>> FindBatch(const std::string& batch_id) = 0;
  // Pending lines of the cycle not live in any batch, in the order written.
  virtual Result<std::vector<CandidateLine>> CandidateLines(std::int64_t cycle_id) = 0;
  // 1 + the highest sequence of batches of this key in the cycle.
  virtual Result<std::int64_t> NextSequence(std::int64_t cycle_id, const std::string& route_kind,
                                            const std::string& provider_code,
                                            const std::string& channel) = 0;
  // Returns the id. Errors: db.unique_violation (the batch id exists).
  virtual Result<std::int64_t> InsertBatch(const BatchRecord& batch) = 0;
  // Items go in live. Errors: db.unique_violation when a line is live in
  // another batch already (the constraint that a line is paid once).
  virtual Status InsertItems(const std::vector<BatchItemRecord>& items) = 0;
  // The batch's pending lines become 'sent' (something to transfer) or
  // 'paid' (netted to nothing). Returns the lines changed.
  virtual Result<std::int64_t> MarkLinesHandedOver(std::int64_t batch_ref) = 0;
  virtual Result<std::vector<BatchItemView>> ListItems(std::int64_t batch_ref) = 0;
};

// `session` must outlive the store.
std::unique_ptr<BatchStore> MakeBatchStore(SqlSession& session);

}  // namespace ansinh::store
