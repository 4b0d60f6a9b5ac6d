// What settlement_service*.cc and settlement_report.cc share: finding the
// cycle and the payer, adding up a payer's figures, the checks before a
// settlement and writing it. Not for other callers.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "app/settlement_service.h"
#include "core/error.h"
#include "core/settlement.h"
#include "store/payroll_cycle_store.h"
#include "store/settlement_store.h"
#include "store/sql_session.h"

namespace ansinh::app::settlement_detail {

// "1.234.000 đồng".
std::string Dong(std::int64_t amount_vnd);

// The cycle of (unit, period); `approved` refuses a draft
// (disburse.cycle_not_approved). Errors: period.*, payroll.unit_*,
// payroll.cycle_not_found.
Result<store::PayCycleRecord> FindCycle(store::SqlSession& session, const CycleRef& ref,
                                        std::chrono::system_clock::time_point now, bool approved);

// The payer with batches in the cycle. Errors: kNotFound
// settlement.payer_unknown; kConflict settlement.route_mixed.
Result<store::PayerBatches> Payer(store::SettlementStore& store, std::int64_t cycle_id,
                                  const std::string& provider_code, const std::string& period);

struct PayerFigures {
  store::PayerBatches payer;
  std::vector<store::FundingRecord> fundings;  // the payer's
  std::vector<store::SettlementItemRow> rows;
  core::SettlementFigures figures;
};

PayerFigures AddUp(store::PayerBatches payer, std::vector<store::FundingRecord> fundings,
                   std::vector<store::SettlementItemRow> rows);

// Errors: as Payer; the store's.
Result<PayerFigures> FiguresOf(store::SettlementStore& store, std::int64_t cycle_id,
                               const std::string& provider_code, const std::string& period);

// Errors: kConflict settlement.not_funded, settlement.lines_unresolved,
// settlement.reissue_pending, settlement.unbalanced, settlement.returned_mismatch.
Status CheckSettleable(const PayerFigures& f, const std::string& provider_code,
                       std::int64_t returned_vnd);

// The settlement row, its returns, the ledger posting and the batches
// closed. REQUIRES: a transaction open. Returns the batches closed.
Result<std::int64_t> WriteSettlement(store::SqlSession& session, const store::PayCycleRecord& cycle,
                                     const PayerFigures& f, const SettleSummary& summary);

}  // namespace ansinh::app::settlement_detail
