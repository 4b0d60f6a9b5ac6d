// Funding, settlement and the stage of a pay cycle (issue 5 item 6,
// docs/disbursement.md "Settlement"):
//  - `disburse fund`: the Treasury's advance to a provider (route 1) or its
//    payment order (route 2) for one payer of a cycle, idempotent by order
//    number; route 2 orders must pay exactly the payer's batches not yet
//    covered. Funding posts nothing to the ledger: the ledger follows the
//    cycle's commitment, which the batches already handed to the payer
//    (payable → holder); the advance is cash management, checked against the
//    ledger's figures by the settlement's equation (core/settlement.h).
//  - `disburse settle`: the payer's settlement, refused unless every attempt
//    has a result and it balances to the đồng; in one transaction the
//    settlement row, the returns sent back to the budget, the ledger posting
//    (app/ledger_posting.h PostSettlement), the payer's batches closed and
//    the audit entry. Settling again answers already_settled.
//  - `disburse status`: the stage (core::DeriveCycleStage) and each payer's figures.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "core/error.h"
#include "core/settlement.h"
#include "store/settlement_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct CycleRef {
  std::string period;  // "YYYY-MM"
  std::string unit;
  std::optional<std::string> edition;
};

struct FundRequest {
  CycleRef cycle;
  std::string provider_code;
  std::int64_t amount_vnd = 0;
  std::string order_number;
  std::string order_date;  // YYYY-MM-DD
  AuditActor actor;
  std::chrono::system_clock::time_point now;
};

struct FundSummary {
  std::string period;
  std::string unit;
  store::FundingRecord funding;
  std::int64_t funded_total_vnd = 0;   // the payer's fundings, this one included
  std::int64_t batches_total_vnd = 0;  // Σ the payer's batch totals
  std::int64_t fees_vnd = 0;
  bool already_recorded = false;
};

struct SettleRequest {
  CycleRef cycle;
  std::string provider_code;
  std::int64_t returned_vnd = 0;  // what the payer reports it refunds
  AuditActor actor;
  std::chrono::system_clock::time_point now;
};

struct SettleSummary {
  std::string period;
  std::string unit;
  std::string provider_code;
  nlohmann::json figures;  // ToJson(core::SettlementFigures), as settled
  std::int64_t batches_closed = 0;
  bool already_settled = false;
  std::string settled_by;
  std::string settled_at;
};

struct PayerStatus {
  store::PayerBatches payer;
  std::vector<store::FundingRecord> fundings;
  core::SettlementFigures figures;  // as of now (the preview of its settlement)
  bool settled = false;
};

struct CycleStatus {
  std::string period;
  std::string unit;
  std::int64_t cycle_id = 0;
  core::CycleStage stage = core::CycleStage::kDraft;
  std::vector<PayerStatus> payers;
  std::int64_t lines_waiting = 0;
  std::vector<std::string> waiting_lines;  // the first ones, named
};

nlohmann::json ToJson(const core::SettlementFigures& figures);
// {"period","unit","provider","route","order_number","order_date","amount_vnd",
//  "funded_total_vnd","batches_total_vnd","fees_vnd","already_recorded"}
nlohmann::json ToJson(const FundSummary& summary);
// {"period","unit","provider","already_settled","batches_closed","settled_by",
//  "settled_at","figures":{…}}
nlohmann::json ToJson(const SettleSummary& summary);
// {"period","unit","stage","lines_waiting","waiting_lines":[…],"payers":[…]}
nlohmann::json ToJson(const CycleStatus& status);

// Errors: kInvalidInput settlement.provider_invalid, settlement.amount_invalid,
// settlement.order_invalid, settlement.date_invalid, period.*, payroll.unit_*;
// kNotFound payroll.cycle_not_found, settlement.payer_unknown; kConflict
// disburse.cycle_not_approved, settlement.route_mixed,
// settlement.order_conflict (same order, other amount or date),
// settlement.already_settled, settlement.order_amount (route 2: not the
// batches' total not yet covered), settlement.nothing_to_fund.
Result<FundSummary> RecordFunding(store::SqlSession& session, const FundRequest& request);

// Errors: as RecordFunding for the cycle and payer; kInvalidInput
// settlement.returned_invalid; kConflict settlement.not_funded,
// settlement.lines_unresolved and settlement.reissue_pending (each line in
// details), settlement.unbalanced and settlement.returned_mismatch (the
// figures and the difference in đồng).
Result<SettleSummary> SettlePayer(store::SqlSession& session, const SettleRequest& request);

// Reads only. Errors: period.*, payroll.unit_*, payroll.cycle_not_found.
Result<CycleStatus> ReadCycleStatus(store::SqlSession& session, const CycleRef& cycle,
                                    std::chrono::system_clock::time_point now);

}  // namespace ansinh::app
