// The JSON of settlement_service.h and the cycle's status and stage.
#include <utility>

#include "app/settlement_detail.h"
#include "app/settlement_service.h"

namespace ansinh::app {
namespace {

constexpr std::int64_t kMaxWaitingNamed = 100;

nlohmann::json FundingJson(const store::FundingRecord& f) {
  return {{"order_number", f.order_number},
          {"order_date", f.order_date},
          {"amount_vnd", f.amount_vnd},
          {"recorded_by", f.recorded_by},
          {"recorded_at", f.recorded_at}};
}

nlohmann::json PayerJson(const PayerStatus& p) {
  nlohmann::json fundings = nlohmann::json::array();
  for (const auto& f : p.fundings) fundings.push_back(FundingJson(f));
  return {{"provider", p.payer.provider_code},
          {"provider_name", p.payer.provider_name},
          {"route", p.payer.route_kind},
          {"contract", p.payer.contract_number},
          {"batches", p.payer.batches},
          {"open_batches", p.payer.open_batches},
          {"batches_total_vnd", p.payer.total_vnd},
          {"fees_vnd", p.payer.fee_vnd},
          {"fundings", fundings},
          {"settled", p.settled},
          {"figures", ToJson(p.figures)}};
}

}  // namespace

nlohmann::json ToJson(const core::SettlementFigures& f) {
  nlohmann::json channels = nlohmann::json::array();
  for (const auto& c : f.channels) {
    channels.push_back({{"channel", c.channel},
                        {"lines", c.lines},
                        {"paid_vnd", c.paid_vnd},
                        {"returned_vnd", c.returned_vnd}});
  }
  return {{"route", f.route_kind},
          {"funded_vnd", f.funded_vnd},
          {"paid_account_vnd", f.paid_account_vnd},
          {"paid_cash_vnd", f.paid_cash_vnd},
          {"returned_transfers_vnd", f.returned_transfers_vnd},
          {"surplus_vnd", f.surplus_vnd},
          {"returned_vnd", f.returned_vnd},
          {"fees_vnd", f.fees_vnd},
          {"difference_vnd", f.difference_vnd},
          {"to_budget_vnd", f.to_budget_vnd},
          {"channels", channels},
          {"unresolved_lines", f.unresolved_lines},
          {"awaiting_lines", f.awaiting_lines}};
}

nlohmann::json ToJson(const FundSummary& s) {
  return {{"period", s.period},
          {"unit", s.unit},
          {"provider", s.funding.provider_code},
          {"route", s.funding.route_kind},
          {"order_number", s.funding.order_number},
          {"order_date", s.funding.order_date},
          {"amount_vnd", s.funding.amount_vnd},
          {"funded_total_vnd", s.funded_total_vnd},
          {"batches_total_vnd", s.batches_total_vnd},
          {"fees_vnd", s.fees_vnd},
          {"already_recorded", s.already_recorded}};
}

nlohmann::json ToJson(const SettleSummary& s) {
  return {{"period", s.period},
          {"unit", s.unit},
          {"provider", s.provider_code},
          {"already_settled", s.already_settled},
          {"batches_closed", s.batches_closed},
          {"settled_by", s.settled_by},
          {"settled_at", s.settled_at},
          {"figures", s.figures}};
}

nlohmann::json ToJson(const CycleStatus& s) {
  nlohmann::json payers = nlohmann::json::array();
  for (const auto& p : s.payers) payers.push_back(PayerJson(p));
  return {{"period", s.period},
          {"unit", s.unit},
          {"stage", std::string(core::CycleStageCode(s.stage))},
          {"lines_waiting", s.lines_waiting},
          {"waiting_lines", s.waiting_lines},
          {"payers", payers}};
}

Result<CycleStatus> ReadCycleStatus(store::SqlSession& session, const CycleRef& ref,
                                    std::chrono::system_clock::time_point now) {
  auto cycle = settlement_detail::FindCycle(session, ref, now, false);
  if (!cycle) return Fail(std::move(cycle.error()));
  CycleStatus status{
      cycle->period, cycle->unit_code, cycle->id, core::CycleStage::kDraft, {}, 0, {}};
  if (cycle->status != "approved") return status;
  auto store = store::MakeSettlementStore(session);
  auto payers = store->Payers(cycle->id);
  if (!payers) return Fail(std::move(payers.error()));
  auto fundings = store->ListFundings(cycle->id);
  if (!fundings) return Fail(std::move(fundings.error()));
  core::CycleStageFacts facts{true, static_cast<std::int64_t>(payers->size()), 0, 0, 0, 0, 0};
  for (auto& payer : *payers) {
    std::vector<store::FundingRecord> own;
    for (const auto& f : *fundings) {
      if (f.provider_code == payer.provider_code) own.push_back(f);
    }
    auto rows = store->Items(cycle->id, payer.provider_code);
    if (!rows) return Fail(std::move(rows.error()));
    auto settled = store->FindSettlement(cycle->id, payer.provider_code);
    if (!settled) return Fail(std::move(settled.error()));
    if (!own.empty()) ++facts.payers_funded;
    // A batch opened after the settlement is not covered by it.
    if (*settled && payer.open_batches == 0) ++facts.payers_settled;
    auto added = settlement_detail::AddUp(payer, std::move(own), std::move(*rows));
    status.payers.push_back({std::move(added.payer), std::move(added.fundings),
                             std::move(added.figures), settled->has_value()});
  }
  auto counts = store->StageCounts(cycle->id);
  if (!counts) return Fail(std::move(counts.error()));
  auto waiting = store->CountWaitingLines(cycle->id);
  if (!waiting) return Fail(std::move(waiting.error()));
  auto named = store->WaitingLines(cycle->id, kMaxWaitingNamed);
  if (!named) return Fail(std::move(named.error()));
  facts.results = counts->results;
  facts.unresolved = counts->unresolved;
  facts.lines_waiting = *waiting;
  status.stage = core::DeriveCycleStage(facts);
  status.lines_waiting = *waiting;
  status.waiting_lines = std::move(*named);
  return status;
}

}  // namespace ansinh::app
