// What the ledger audit re-derives the balances from (app/ledger_audit.h):
// sums over payment lines, receivables and batch items, read without the
// ledger, so that a posting the code forgot or doubled shows as a difference.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct ApprovedCycleTotals {
  std::int64_t cycle_id = 0;
  std::string unit_code;
  std::string period;
  std::int64_t lines_vnd = 0;        // Σ amount of its lines
  std::int64_t receivables_vnd = 0;  // Σ open receivables
};

// Σ transfer of the live items of one cycle's batches of one route and
// channel whose lines are in one status. Items no longer live (re-issued
// attempts) are left out: their batch, result and re-issue postings net to
// zero. returned_to_budget: unclaimed cash (0009's unclaimed_cash) or a
// return a settlement sent back to the budget (0012's settlement_returns).
struct ItemTotals {
  std::int64_t cycle_id = 0;
  std::string route_kind;
  std::string channel;
  std::string line_status;
  std::int64_t transfer_vnd = 0;
  bool returned_to_budget = false;
};

// A batch as stored and as its items add up.
struct BatchTotals {
  std::int64_t cycle_id = 0;
  std::string batch_id;
  std::string fee_kind;
  std::int64_t fee_fixed_vnd = 0;
  std::int64_t fee_bps = 0;
  std::int64_t fee_min_vnd = 0;
  std::int64_t fee_max_vnd = 0;
  std::int64_t stored_count = 0;
  std::int64_t stored_total_vnd = 0;
  std::int64_t stored_fee_vnd = 0;
  std::int64_t items_count = 0;             // items with a transfer
  std::int64_t items_total_vnd = 0;         // Σ transfer
  std::int64_t lines_total_vnd = 0;         // Σ amount of the items' lines
  std::vector<std::int64_t> transfers_vnd;  // each item's transfer > 0, for the fee
};

// Thread safety: as the session it works on (one thread at a time).
class LedgerAuditStore {
 public:
  virtual ~LedgerAuditStore() = default;
  virtual Result<std::vector<ApprovedCycleTotals>> ApprovedCycles() = 0;
  virtual Result<std::vector<ItemTotals>> Items() = 0;
  virtual Result<std::vector<BatchTotals>> Batches() = 0;
};

// `session` must outlive the store.
std::unique_ptr<LedgerAuditStore> MakeLedgerAuditStore(SqlSession& session);

}  // namespace ansinh::store
