#include "app/ledger_audit.h"

#include <map>
#include <utility>

#include "app/ledger_posting.h"
#include "core/fee_rule.h"
#include "store/ledger_audit_store.h"
#include "store/settlement_store.h"

namespace ansinh::app {
namespace {

using Key = std::pair<std::int64_t, std::string>;
using Balances = std::map<Key, std::int64_t>;

void Add(Balances& balances, std::int64_t cycle_id, core::LedgerAccount account,
         std::int64_t amount_vnd) {
  balances[{cycle_id, std::string(core::LedgerAccountCode(account))}] += amount_vnd;
}

// Where an item's transfer is, by its line's status: with the payer while
// 'sent', paid, returned (or back in the budget when it was unclaimed cash);
// anything else was never handed over (payable).
core::LedgerAccount AccountOfItems(const store::ItemTotals& items) {
  const std::string& status = items.line_status;
  if (items.returned_to_budget) return core::LedgerAccount::kBudget;
  if (status == "sent") return HolderOf(items.route_kind, items.channel);
  if (status == "paid" || status == "paid_cash") return core::LedgerAccount::kPaid;
  if (status == "failed" || status == "returned") return core::LedgerAccount::kReturned;
  return core::LedgerAccount::kPayable;
}

std::int64_t RecomputedFee(const store::BatchTotals& b) {
  auto rule = b.fee_kind == "FIXED"
                  ? core::FeeRule::Fixed(b.fee_fixed_vnd)
                  : core::FeeRule::Percent(b.fee_bps, b.fee_min_vnd, b.fee_max_vnd);
  if (!rule) return -1;  // a stored rule the core refuses: never equal to a stored fee
  std::int64_t fee_vnd = 0;
  for (std::int64_t transfer_vnd : b.transfers_vnd) fee_vnd += rule->FeeFor(transfer_vnd);
  return fee_vnd;
}

void CheckBatch(const store::BatchTotals& b, std::int64_t fee_vnd,
                std::vector<BatchProblem>& problems) {
  auto problem = [&](const std::string& what, std::int64_t stored, std::int64_t counted) {
    problems.push_back({b.batch_id, what + ": lô ghi " + std::to_string(stored) +
                                        ", các dòng cộng lại " + std::to_string(counted) + "."});
  };
  if (b.stored_count != b.items_count) problem("Số giao dịch", b.stored_count, b.items_count);
  if (b.stored_total_vnd != b.items_total_vnd) {
    problem("Tổng tiền (đồng)", b.stored_total_vnd, b.items_total_vnd);
  }
  if (b.items_total_vnd != b.lines_total_vnd) {
    problem("Tổng chuyển so với tổng dòng chi trả (đồng)", b.items_total_vnd, b.lines_total_vnd);
  }
  if (b.stored_fee_vnd != fee_vnd) problem("Phí dịch vụ (đồng)", b.stored_fee_vnd, fee_vnd);
}

// A settlement as stored must still add up: its equation to the đồng, its
// advance or orders equal to the payer's recorded fundings, and what it sent
// back to the budget equal to its settlement_returns (whose attempts the
// item derivation above puts in `budget`). Reported as a batch problem named
// by the settlement's ledger key.
Status CheckSettlements(store::SqlSession& session, std::vector<BatchProblem>& problems) {
  auto store = store::MakeSettlementStore(session);
  auto settlements = store->ListSettlements();
  if (!settlements) return Fail(std::move(settlements.error()));
  std::map<std::int64_t, std::vector<store::FundingRecord>> fundings;
  for (const auto& s : *settlements) {
    const std::string key = "settle:" + std::to_string(s.cycle_id) + ":" + s.provider_code;
    auto problem = [&](const std::string& what, std::int64_t stored, std::int64_t counted) {
      problems.push_back({key, what + ": quyết toán ghi " + std::to_string(stored) +
                                   ", tính lại được " + std::to_string(counted) + "."});
    };
    const std::int64_t fees = s.route_kind == "PROVIDER" ? s.fees_vnd : 0;
    const std::int64_t accounted = s.paid_account_vnd + s.paid_cash_vnd + s.returned_vnd + fees;
    if (s.funded_vnd != accounted) {
      problem("Số cấp (đồng) so với đã chi + hoàn trả + phí", s.funded_vnd, accounted);
    }
    if (!fundings.count(s.cycle_id)) {
      auto listed = store->ListFundings(s.cycle_id);
      if (!listed) return Fail(std::move(listed.error()));
      fundings[s.cycle_id] = std::move(*listed);
    }
    std::int64_t funded_vnd = 0;
    for (const auto& f : fundings[s.cycle_id]) {
      if (f.provider_code == s.provider_code) funded_vnd += f.amount_vnd;
    }
    if (s.funded_vnd != funded_vnd) {
      problem("Số tạm ứng/ủy nhiệm chi (đồng)", s.funded_vnd, funded_vnd);
    }
    auto returned = store->ReturnsTotal(s.id);
    if (!returned) return Fail(std::move(returned.error()));
    if (s.to_budget_vnd != *returned) {
      problem("Số hoàn về ngân sách (đồng)", s.to_budget_vnd, *returned);
    }
  }
  return {};
}

Result<Balances> Derive(store::SqlSession& session, LedgerAuditReport& report,
                        std::map<std::int64_t, std::pair<std::string, std::string>>& names) {
  auto audit = store::MakeLedgerAuditStore(session);
  Balances derived;
  auto cycles = audit->ApprovedCycles();
  if (!cycles) return Fail(std::move(cycles.error()));
  for (const auto& c : *cycles) {
    names[c.cycle_id] = {c.unit_code, c.period};
    Add(derived, c.cycle_id, core::LedgerAccount::kBudget, c.receivables_vnd - c.lines_vnd);
    Add(derived, c.cycle_id, core::LedgerAccount::kPayable, c.lines_vnd);
    Add(derived, c.cycle_id, core::LedgerAccount::kRecoveryReceivable, -c.receivables_vnd);
  }
  auto items = audit->Items();
  if (!items) return Fail(std::move(items.error()));
  for (const auto& i : *items) {
    Add(derived, i.cycle_id, core::LedgerAccount::kPayable, -i.transfer_vnd);
    Add(derived, i.cycle_id, AccountOfItems(i), i.transfer_vnd);
  }
  auto batches = audit->Batches();
  if (!batches) return Fail(std::move(batches.error()));
  for (const auto& b : *batches) {
    const std::int64_t fee_vnd = RecomputedFee(b);
    CheckBatch(b, fee_vnd, report.batch_problems);
    Add(derived, b.cycle_id, core::LedgerAccount::kBudget, -fee_vnd);
    Add(derived, b.cycle_id, core::LedgerAccount::kServiceFees, fee_vnd);
  }
  if (auto ok = CheckSettlements(session, report.batch_problems); !ok) return Fail(ok.error());
  report.cycles = static_cast<std::int64_t>(cycles->size());
  report.batches = static_cast<std::int64_t>(batches->size());
  return derived;
}

}  // namespace

nlohmann::json ToJson(const LedgerAuditReport& report) {
  nlohmann::json unbalanced = nlohmann::json::array();
  for (const auto& u : report.unbalanced) {
    unbalanced.push_back({{"transfer", u.transfer_key}, {"sum_vnd", u.sum_vnd}, {"legs", u.legs}});
  }
  nlohmann::json differences = nlohmann::json::array();
  for (const auto& d : report.differences) {
    differences.push_back({{"cycle_id", d.cycle_id},
                           {"unit", d.unit},
                           {"period", d.period},
                           {"account", d.account},
                           {"ledger_vnd", d.ledger_vnd},
                           {"derived_vnd", d.derived_vnd}});
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : report.batch_problems) {
    problems.push_back({{"batch_id", p.batch_id}, {"message", p.message}});
  }
  return {{"clean", report.clean()},    {"cycles", report.cycles},
          {"batches", report.batches},  {"unbalanced_transfers", unbalanced},
          {"differences", differences}, {"batch_problems", problems}};
}

Result<LedgerAuditReport> AuditLedger(store::SqlSession& session) {
  LedgerAuditReport report;
  auto ledger = store::MakeLedgerStore(session);
  auto unbalanced = ledger->Unbalanced();
  if (!unbalanced) return Fail(std::move(unbalanced.error()));
  report.unbalanced = std::move(*unbalanced);
  auto booked = ledger->Balances();
  if (!booked) return Fail(std::move(booked.error()));
  std::map<std::int64_t, std::pair<std::string, std::string>> names;
  auto derived = Derive(session, report, names);
  if (!derived) return Fail(std::move(derived.error()));
  Balances all = *derived;
  for (const auto& entry : *booked) all.try_emplace(entry.first, 0);
  for (const auto& entry : all) {
    const Key& key = entry.first;
    const auto booked_it = booked->find(key);
    const std::int64_t ledger_vnd = booked_it == booked->end() ? 0 : booked_it->second;
    const std::int64_t derived_vnd = (*derived)[key];
    if (ledger_vnd == derived_vnd) continue;
    const auto name = names.find(key.first);
    report.differences.push_back({key.first, name == names.end() ? "" : name->second.first,
                                  name == names.end() ? "" : name->second.second, key.second,
                                  ledger_vnd, derived_vnd});
  }
  return report;
}

}  // namespace ansinh::app
