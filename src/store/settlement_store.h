// The rows of settlement (db/migrations/*/0012_settlement.sql): the
// Treasury's advances and payment orders per cycle and payer, the
// settlements, the attempts whose money a settlement sent back to the
// budget, and the facts a settlement and the cycle's stage are computed
// from. Plain rows; the rules are core/settlement's, the transaction
// app/settlement_service's.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/settlement.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct FundingRecord {
  std::int64_t cycle_id = 0;
  std::string provider_code;
  std::string route_kind;
  std::string order_number;
  std::string order_date;  // YYYY-MM-DD
  std::int64_t amount_vnd = 0;
  std::string recorded_by;
  std::string recorded_at;
};

struct SettlementRecord {
  std::int64_t id = 0;
  std::int64_t cycle_id = 0;
  std::string provider_code;
  std::string route_kind;
  std::int64_t funded_vnd = 0;
  std::int64_t paid_account_vnd = 0;
  std::int64_t paid_cash_vnd = 0;
  std::int64_t returned_vnd = 0;
  std::int64_t fees_vnd = 0;
  std::int64_t to_budget_vnd = 0;
  std::string detail;  // JSON: the figures as settled
  std::string settled_by;
  std::string settled_at;
};

// A payer of a cycle: a provider code with batches in it.
struct PayerBatches {
  std::string provider_code;
  std::string route_kind;  // "MIXED" when its batches are of both routes
  std::string provider_name;
  std::string contract_number;
  std::int64_t batches = 0;
  std::int64_t open_batches = 0;
  std::int64_t total_vnd = 0;
  std::int64_t fee_vnd = 0;
};

// An attempt of the payer with where its money goes back to the budget from.
struct SettlementItemRow {
  core::SettlementItem item;
  std::int64_t batch_ref = 0;
  std::int64_t line_ref = 0;
};

struct SettlementReturn {
  std::int64_t batch_ref = 0;
  std::int64_t line_ref = 0;
  std::int64_t amount_vnd = 0;
};

// What the stage of each cycle is derived from, besides its status.
struct CycleStageCounts {
  std::int64_t results = 0;
  std::int64_t unresolved = 0;
};

// Thread safety: as the session it works on (one thread at a time).
class SettlementStore {
 public:
  virtual ~SettlementStore() = default;

  virtual Result<std::vector<FundingRecord>> ListFundings(std::int64_t cycle_id) = 0;
  // Errors: db.unique_violation (the order is recorded already).
  virtual Status InsertFunding(const FundingRecord& funding) = 0;

  virtual Result<std::vector<PayerBatches>> Payers(std::int64_t cycle_id) = 0;
  // Every attempt of the payer's batches in the cycle, by batch and position.
  virtual Result<std::vector<SettlementItemRow>> Items(std::int64_t cycle_id,
                                                       const std::string& provider_code) = 0;

  virtual Result<std::optional<SettlementRecord>> FindSettlement(
      std::int64_t cycle_id, const std::string& provider_code) = 0;
  // Every settlement of every cycle (the audit), by id.
  virtual Result<std::vector<SettlementRecord>> ListSettlements() = 0;
  // Returns the id. Errors: db.unique_violation (settled already).
  virtual Result<std::int64_t> InsertSettlement(const SettlementRecord& settlement) = 0;
  virtual Status InsertReturns(std::int64_t settlement_ref,
                               const std::vector<SettlementReturn>& returns) = 0;
  // Σ amount of a settlement's returns (the audit).
  virtual Result<std::int64_t> ReturnsTotal(std::int64_t settlement_ref) = 0;
  // Whether a settlement sent this attempt's money back to the budget.
  virtual Result<bool> IsSettledReturn(std::int64_t batch_ref, std::int64_t line_ref) = 0;
  // The payer's open batches in the cycle become 'closed'; returns how many.
  virtual Result<std::int64_t> CloseBatches(std::int64_t cycle_id,
                                            const std::string& provider_code) = 0;

  // Lines of the cycle pending or held (not yet handed to a payer), at most `limit`.
  virtual Result<std::vector<std::string>> WaitingLines(std::int64_t cycle_id,
                                                        std::int64_t limit) = 0;
  virtual Result<std::int64_t> CountWaitingLines(std::int64_t cycle_id) = 0;
  virtual Result<CycleStageCounts> StageCounts(std::int64_t cycle_id) = 0;
};

// `session` must outlive the store.
std::unique_ptr<SettlementStore> MakeSettlementStore(SqlSession& session);

}  // namespace ansinh::store
