// What the bank simulator decides for each transaction (docs/protocols/bank.md):
// paid (ACSC) or rejected (RJCT) with a reason, and whether a paid transfer
// comes back later as a return (camt.054). Pure and deterministic by the seed
// and the EndToEndId: the same input always gives the same answer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ansinh::sims {

struct RejectRate {
  std::string reason;    // AC01, AC04, AC06, MD07
  std::int64_t bps = 0;  // share of transactions rejected with it, 100 = 1 %
};

struct BankRules {
  std::uint64_t seed = 1;
  std::vector<RejectRate> rejects;  // Σ bps ≤ 10000
  std::int64_t return_bps = 0;      // share of paid transfers returned later
};

struct TxDecision {
  bool paid = true;
  std::string reason;  // empty when paid
};

// The reject reasons the simulator knows, in the order their bands are drawn.
const std::vector<std::string>& KnownRejectReasons();

// Parses "AC04=500" (reason = basis points). Errors (kInvalidInput):
// sim.reject_invalid (malformed, unknown reason, bps outside 0..10000).
Result<RejectRate> ParseRejectRate(std::string_view text);

// Errors: sim.rates_invalid when the rates sum over 100 % or a reason repeats.
Status CheckRules(const BankRules& rules);

TxDecision DecideTransaction(const BankRules& rules, std::string_view end_to_end_id);

// For a paid transfer: the return reason when it is one of the share that
// comes back (AC04 closed, AC06 blocked, MD07 deceased), else nullopt.
std::optional<std::string> ReturnReason(const BankRules& rules, std::string_view end_to_end_id);

}  // namespace ansinh::sims
