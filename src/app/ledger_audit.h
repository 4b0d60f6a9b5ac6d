// `ansinh audit` (issue 5 item 2): re-derives every ledger balance from the
// payment lines, receivables and batch items, independently of the postings,
// and reports each difference; checks that every transfer balances and that
// every batch's stored totals and fee equal what its items add up to.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/ledger_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct BalanceDifference {
  std::int64_t cycle_id = 0;
  std::string unit;  // empty when the ledger names a cycle that is not approved
  std::string period;
  std::string account;
  std::int64_t ledger_vnd = 0;
  std::int64_t derived_vnd = 0;
};

struct BatchProblem {
  std::string batch_id;
  std::string message;  // Vietnamese
};

struct LedgerAuditReport {
  std::int64_t cycles = 0;   // approved cycles checked
  std::int64_t batches = 0;  // batches checked
  std::vector<store::UnbalancedTransfer> unbalanced;
  std::vector<BalanceDifference> differences;
  std::vector<BatchProblem> batch_problems;

  bool clean() const { return unbalanced.empty() && differences.empty() && batch_problems.empty(); }
};

// {"clean","cycles","batches","unbalanced_transfers":[…],"differences":[…],"batch_problems":[…]}
nlohmann::json ToJson(const LedgerAuditReport& report);

// Reads only; the caller decides what a difference means (the CLI exits
// non-zero). Errors: the store's.
Result<LedgerAuditReport> AuditLedger(store::SqlSession& session);

}  // namespace ansinh::app
