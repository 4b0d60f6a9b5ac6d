// The double-entry ledger's rows (db/migrations/*/0008_disbursement.sql):
// transfers keyed by the event that justifies them, and their legs. Only
// balanced transfers can be written (core::LedgerTransfer); the audit reads
// the balances back and the legs' sums per transfer.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/ledger.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct TransferHeader {
  std::string transfer_key;  // unique per event: "approve:<cycle id>", "batch:<batch id>"
  std::int64_t cycle_id = 0;
  std::string event;      // "cycle.approve", "batch.open", ...
  std::string reference;  // what the event is about (cycle, batch id)
  std::string created_at;
};

// (cycle id, account code) → balance in đồng.
using LedgerBalances = std::map<std::pair<std::int64_t, std::string>, std::int64_t>;

struct UnbalancedTransfer {
  std::string transfer_key;
  std::int64_t sum_vnd = 0;
  std::int64_t legs = 0;
};

// Thread safety: as the session it works on (one thread at a time).
// REQUIRES for Post: a transaction open on the session (the caller's, with
// the state change the transfer records).
class LedgerStore {
 public:
  virtual ~LedgerStore() = default;

  // Writes the transfer; false (and nothing written) when a transfer with
  // this key exists already, so replaying an event posts nothing twice.
  // An empty transfer writes nothing and returns false.
  virtual Result<bool> Post(const TransferHeader& header, const core::LedgerTransfer& transfer) = 0;
  virtual Result<LedgerBalances> Balances() = 0;
  // Transfers whose legs do not sum to zero or that have fewer than two legs.
  virtual Result<std::vector<UnbalancedTransfer>> Unbalanced() = 0;
};

// `session` must outlive the store.
std::unique_ptr<LedgerStore> MakeLedgerStore(SqlSession& session);

}  // namespace ansinh::store
