#include "app/ledger_posting.h"

#include <utility>
#include <vector>

#include "store/ledger_store.h"

namespace ansinh::app {
namespace {

using core::LedgerAccount;

// Adds a leg unless it is zero (a transfer never carries a zero leg).
void Leg(std::vector<core::LedgerLeg>& legs, LedgerAccount account, std::int64_t amount_vnd) {
  if (amount_vnd != 0) legs.push_back({account, amount_vnd});
}

Status Post(store::SqlSession& session, const store::TransferHeader& header,
            std::vector<core::LedgerLeg> legs) {
  if (legs.empty()) return {};
  auto transfer = core::LedgerTransfer::Make(std::move(legs));
  if (!transfer) return Fail(std::move(transfer.error()));
  auto posted = store::MakeLedgerStore(session)->Post(header, *transfer);
  if (!posted) return Fail(std::move(posted.error()));
  return {};
}

}  // namespace

core::LedgerAccount HolderOf(const std::string& route_kind, const std::string& channel) {
  if (channel == "CASH_PAYPOINT" || channel == "CASH_HOME") return LedgerAccount::kCashHeld;
  if (route_kind == "TREASURY_DIRECT") return LedgerAccount::kTreasuryAdvance;
  return LedgerAccount::kProviderFloat;
}

Status PostCycleApproval(store::SqlSession& session, const store::PayCycleRecord& cycle,
                         const std::string& now) {
  auto receivables = store::MakePayrollCycleStore(session)->ListReceivables(cycle.id);
  if (!receivables) return Fail(std::move(receivables.error()));
  std::int64_t receivable_vnd = 0;
  for (const auto& r : *receivables) {
    if (r.status == "open") receivable_vnd += r.amount_vnd;
  }
  std::vector<core::LedgerLeg> legs;
  Leg(legs, LedgerAccount::kBudget, receivable_vnd - cycle.amount_vnd);
  Leg(legs, LedgerAccount::kPayable, cycle.amount_vnd);
  Leg(legs, LedgerAccount::kRecoveryReceivable, -receivable_vnd);
  const std::string reference = cycle.unit_code + "/" + cycle.period;
  return Post(session,
              {"approve:" + std::to_string(cycle.id), cycle.id, "cycle.approve", reference, now},
              std::move(legs));
}

Status PostBatchOpened(store::SqlSession& session, const store::BatchRecord& batch) {
  std::vector<core::LedgerLeg> legs;
  Leg(legs, LedgerAccount::kPayable, -batch.total_vnd);
  Leg(legs, HolderOf(batch.route_kind, batch.channel), batch.total_vnd);
  Leg(legs, LedgerAccount::kBudget, -batch.fee_vnd);
  Leg(legs, LedgerAccount::kServiceFees, batch.fee_vnd);
  return Post(
      session,
      {"batch:" + batch.batch_id, batch.cycle_id, "batch.open", batch.batch_id, batch.created_at},
      std::move(legs));
}

Status PostSettlement(store::SqlSession& session, std::int64_t cycle_id,
                      const std::string& provider_code, std::int64_t to_budget_vnd,
                      const std::string& now) {
  std::vector<core::LedgerLeg> legs;
  Leg(legs, LedgerAccount::kReturned, -to_budget_vnd);
  Leg(legs, LedgerAccount::kBudget, to_budget_vnd);
  const std::string key = "settle:" + std::to_string(cycle_id) + ":" + provider_code;
  return Post(session, {key, cycle_id, "payer.settle", provider_code, now}, std::move(legs));
}

}  // namespace ansinh::app
