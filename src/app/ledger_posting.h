// The postings of the disbursement ledger (docs/disbursement.md §2), one
// function per event. Each is called inside the transaction of the state
// change it records, so the ledger and the state never disagree; each is
// keyed by its event, so a replay posts nothing twice.
#pragma once

#include <string>

#include "core/error.h"
#include "core/ledger.h"
#include "store/batch_store.h"
#include "store/payroll_cycle_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

// Approval commits the budget: budget → payable for the cycle's net total
// (cycle.amount_vnd, the run's sum of its lines), and the recoveries that
// could not be netted become receivables: recovery_receivable → budget.
// REQUIRES: a transaction open on `session`; the cycle just approved.
Status PostCycleApproval(store::SqlSession& session, const store::PayCycleRecord& cycle,
                         const std::string& now);

// A batch handed to its payer: payable → the account that holds it (see
// HolderOf) for the batch total, and budget → service_fees for its fee.
// REQUIRES: a transaction open on `session`; `batch` as written.
Status PostBatchOpened(store::SqlSession& session, const store::BatchRecord& batch);

// A payer settled (app/settlement_service.h): the returned transfers the
// ledger still holds in `returned` (failed and returned attempts; unclaimed
// cash went back at expire-cash) go back to the budget: returned → budget,
// keyed "settle:<cycle id>:<provider>". Nothing is posted for 0.
// REQUIRES: a transaction open on `session`, with the settlement's rows.
Status PostSettlement(store::SqlSession& session, std::int64_t cycle_id,
                      const std::string& provider_code, std::int64_t to_budget_vnd,
                      const std::string& now);

// Where a batch's money sits until the results come back: cash_held for
// cash channels, treasury_advance on route 2, provider_float on route 1.
core::LedgerAccount HolderOf(const std::string& route_kind, const std::string& channel);

}  // namespace ansinh::app
