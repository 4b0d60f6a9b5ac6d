// Settlement of a cycle's payer (quyết toán, issue 5 item 6,
// docs/disbursement.md "Settlement") and the stage of a pay cycle
// (DESIGN.md §3). Pure rules: the caller reads the facts, these functions
// add them up to the đồng. Money is integer đồng throughout.
//
// Route 1 (PROVIDER): the Treasury advances money to the provider, which
// pays into accounts and in cash and keeps its fee:
//   advance = paid to accounts + paid in cash + returned unspent + fees,
//   returned unspent = failed/returned/unclaimed transfers not re-issued
//                      through the same provider + the advance's surplus.
// Route 2 (TREASURY_DIRECT): the Treasury pays exactly the list on payment
// orders (ủy nhiệm chi); each attempt is a transfer of an order:
//   Σ orders = paid + returned (rejections, camt.054 returns, attempts re-issued).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ansinh::core {

// One attempt (batch item) of the payer being settled.
struct SettlementItem {
  std::string line_id;
  std::string channel;  // the batch's: BANK_ACCOUNT, MOBILE_MONEY, CASH_PAYPOINT, CASH_HOME
  std::int64_t transfer_vnd = 0;
  std::string line_status;  // the line's status now
  bool live = true;         // false: the attempt was re-issued
  bool unclaimed = false;   // cash gone back to the budget (expire-cash)
  // Non-live attempts: the payer of the line's live attempt now; nullopt
  // when the re-issued line waits for a new batch.
  std::optional<std::string> live_provider;
};

inline constexpr std::array<std::string_view, 4> kSettlementChannels = {
    "BANK_ACCOUNT", "MOBILE_MONEY", "CASH_PAYPOINT", "CASH_HOME"};

struct ChannelFigures {
  std::string channel;
  std::int64_t lines = 0;  // attempts with a transfer, paid or returned
  std::int64_t paid_vnd = 0;
  std::int64_t returned_vnd = 0;
};

struct SettlementFigures {
  std::string route_kind;                // "PROVIDER" | "TREASURY_DIRECT"
  std::int64_t funded_vnd = 0;           // the advance, or Σ payment orders
  std::vector<ChannelFigures> channels;  // the four, in kSettlementChannels order
  std::int64_t paid_account_vnd = 0;     // bank and mobile money
  std::int64_t paid_cash_vnd = 0;        // pay point and at home
  std::int64_t returned_transfers_vnd = 0;
  std::int64_t surplus_vnd = 0;   // route 1: advance beyond what was needed (never < 0)
  std::int64_t returned_vnd = 0;  // returned unspent: transfers + surplus
  std::int64_t fees_vnd = 0;      // route 1: in the equation; route 2: shown only
  // funded − (paid + returned + fees on route 1): 0 when it balances; < 0
  // when the advance or the orders fall short.
  std::int64_t difference_vnd = 0;
  // What the settlement moves from `returned` back to `budget` in the
  // ledger: live failed/returned attempts not already there (unclaimed cash is).
  std::int64_t to_budget_vnd = 0;
  std::vector<std::string> unresolved_lines;  // live attempts still 'sent'
  std::vector<std::string> awaiting_lines;    // re-issued, not yet in a new batch
};

// Adds up the payer's attempts. `provider_code` tells a re-issue through the
// same payer (its money stays with the payer) from one through another.
SettlementFigures ComputeSettlement(const std::string& route_kind, const std::string& provider_code,
                                    std::int64_t funded_vnd, std::int64_t fees_vnd,
                                    const std::vector<SettlementItem>& items);

// Whether a status is a line's final result.
bool IsPaidStatus(std::string_view status);
bool IsReturnedStatus(std::string_view status);

// The stage of a pay cycle, derived (never stored) from the facts that move
// it; see CycleStageFacts.
enum class CycleStage { kDraft, kApproved, kFunded, kDisbursing, kReconciled, kSettled };
std::string_view CycleStageCode(CycleStage stage);  // "draft", "approved", ...

struct CycleStageFacts {
  bool approved = false;
  std::int64_t payers = 0;          // payers with batches in the cycle
  std::int64_t payers_funded = 0;   // of those, with an advance or payment order
  std::int64_t payers_settled = 0;  // settled, with no batch opened after it
  std::int64_t results = 0;         // attempts with a final result
  std::int64_t unresolved = 0;      // live attempts still 'sent'
  std::int64_t lines_waiting = 0;   // lines pending or held (not yet handed to a payer)
};

// Stages are cumulative: a cycle is at the last stage whose condition holds
// together with those of every earlier stage. approved: approved; funded:
// every payer with batches funded; disbursing: a result is back; reconciled:
// no attempt without a result and no line waiting; settled: every payer
// settled (which needs the rest).
CycleStage DeriveCycleStage(const CycleStageFacts& facts);

}  // namespace ansinh::core
