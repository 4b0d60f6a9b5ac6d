#include "app/settlement_service.h"

#include <utility>

#include "app/ledger_posting.h"
#include "app/payroll_office.h"
#include "app/registry_service.h"
#include "app/settlement_detail.h"
#include "app/unclaimed_cash.h"
#include "core/period.h"
#include "store/payroll_cycle_store.h"

namespace ansinh::app {
namespace {

using settlement_detail::Dong;
using settlement_detail::Payer;

Status CheckFundRequest(const FundRequest& r) {
  if (r.provider_code.empty() || r.provider_code.size() > 12) {
    return Fail(ErrorKind::kInvalidInput, "settlement.provider_invalid",
                "Mã đơn vị chi trả (--provider) không hợp lệ.");
  }
  if (r.amount_vnd <= 0) {
    return Fail(ErrorKind::kInvalidInput, "settlement.amount_invalid",
                "Số tiền cấp (--amount) phải là số đồng dương.");
  }
  if (r.order_number.empty() || r.order_number.size() > 50) {
    return Fail(ErrorKind::kInvalidInput, "settlement.order_invalid",
                "Số lệnh tạm ứng hoặc ủy nhiệm chi (--order) phải có từ 1 đến 50 ký tự.");
  }
  if (DaysBefore(r.order_date, 0) != r.order_date) {
    return Fail(ErrorKind::kInvalidInput, "settlement.date_invalid",
                "Ngày của lệnh (--date) phải có dạng YYYY-MM-DD.");
  }
  return {};
}

// The same order again: nothing changes when it says the same, a conflict
// when it does not.
Result<bool> SameOrderRecorded(const std::vector<store::FundingRecord>& fundings,
                               const FundRequest& r) {
  for (const auto& f : fundings) {
    if (f.provider_code != r.provider_code || f.order_number != r.order_number) continue;
    if (f.amount_vnd == r.amount_vnd && f.order_date == r.order_date) return true;
    return Fail(ErrorKind::kConflict, "settlement.order_conflict",
                "Lệnh " + r.order_number + " đã ghi nhận " + Dong(f.amount_vnd) + " ngày " +
                    f.order_date + "; không ghi lại với " + Dong(r.amount_vnd) + " ngày " +
                    r.order_date + ".");
  }
  return false;
}

// Route 2: the Treasury pays exactly the list, so an order covers exactly
// the payer's batches no earlier order covered.
Status CheckOrderAmount(const store::PayerBatches& payer, std::int64_t funded_before,
                        const FundRequest& r) {
  if (payer.route_kind != "TREASURY_DIRECT") return {};
  const std::int64_t uncovered = payer.total_vnd - funded_before;
  if (uncovered <= 0) {
    return Fail(ErrorKind::kConflict, "settlement.nothing_to_fund",
                "Các lô của " + payer.provider_code + " đã có ủy nhiệm chi đủ (" +
                    Dong(funded_before) + "); không cần lệnh mới.");
  }
  if (r.amount_vnd != uncovered) {
    return Fail(ErrorKind::kConflict, "settlement.order_amount",
                "Ủy nhiệm chi phải bằng tổng các lô chưa có lệnh: " + Dong(uncovered) +
                    "; lệnh ghi " + Dong(r.amount_vnd) + ", chênh lệch " +
                    Dong(r.amount_vnd - uncovered) + ".");
  }
  return {};
}

}  // namespace

Result<FundSummary> RecordFunding(store::SqlSession& session, const FundRequest& r) {
  if (auto ok = CheckFundRequest(r); !ok) return Fail(ok.error());
  auto cycle = settlement_detail::FindCycle(session, r.cycle, r.now, true);
  if (!cycle) return Fail(std::move(cycle.error()));
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto store = store::MakeSettlementStore(session);
  auto payer = Payer(*store, cycle->id, r.provider_code, cycle->period);
  if (!payer) return Fail(std::move(payer.error()));
  auto fundings = store->ListFundings(cycle->id);
  if (!fundings) return Fail(std::move(fundings.error()));
  auto same = SameOrderRecorded(*fundings, r);
  if (!same) return Fail(std::move(same.error()));
  std::int64_t funded_before = 0;
  for (const auto& f : *fundings) {
    if (f.provider_code == r.provider_code) funded_before += f.amount_vnd;
  }
  const std::string now = FormatInstant(r.now);
  FundSummary summary{cycle->period,
                      cycle->unit_code,
                      {cycle->id, r.provider_code, payer->route_kind, r.order_number, r.order_date,
                       r.amount_vnd, r.actor.name, now},
                      funded_before,
                      payer->total_vnd,
                      payer->fee_vnd,
                      *same};
  if (*same) return summary;
  auto settled = store->FindSettlement(cycle->id, r.provider_code);
  if (!settled) return Fail(std::move(settled.error()));
  if (*settled) {
    return Fail(ErrorKind::kConflict, "settlement.already_settled",
                "Đơn vị chi trả " + r.provider_code + " đã quyết toán kỳ " + cycle->period +
                    "; không ghi thêm lệnh cấp.");
  }
  if (auto ok = CheckOrderAmount(*payer, funded_before, r); !ok) return Fail(ok.error());
  if (auto ok = store->InsertFunding(summary.funding); !ok) return Fail(ok.error());
  summary.funded_total_vnd += r.amount_vnd;
  auto audited =
      AppendAudit(session, r.actor,
                  AuditEvent{"disburse.fund", "success", "pay_cycle",
                             cycle->unit_code + "/" + cycle->period + "/" + r.provider_code,
                             nlohmann::json{{"funded_vnd", funded_before}}, ToJson(summary)});
  if (!audited) return Fail(audited.error());
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return summary;
}

Result<SettleSummary> SettlePayer(store::SqlSession& session, const SettleRequest& r) {
  if (r.returned_vnd < 0) {
    return Fail(ErrorKind::kInvalidInput, "settlement.returned_invalid",
                "Số tiền hoàn trả (--returned-vnd) phải là số đồng không âm.");
  }
  auto cycle = settlement_detail::FindCycle(session, r.cycle, r.now, true);
  if (!cycle) return Fail(std::move(cycle.error()));
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto store = store::MakeSettlementStore(session);
  auto existing = store->FindSettlement(cycle->id, r.provider_code);
  if (!existing) return Fail(std::move(existing.error()));
  if (*existing) {
    return SettleSummary{cycle->period,
                         cycle->unit_code,
                         r.provider_code,
                         nlohmann::json::parse((*existing)->detail),
                         0,
                         true,
                         (*existing)->settled_by,
                         (*existing)->settled_at};
  }
  auto figures = settlement_detail::FiguresOf(*store, cycle->id, r.provider_code, cycle->period);
  if (!figures) return Fail(std::move(figures.error()));
  if (auto ok = settlement_detail::CheckSettleable(*figures, r.provider_code, r.returned_vnd);
      !ok) {
    return Fail(ok.error());
  }
  const std::string now = FormatInstant(r.now);
  SettleSummary summary{cycle->period,
                        cycle->unit_code,
                        r.provider_code,
                        ToJson(figures->figures),
                        0,
                        false,
                        r.actor.name,
                        now};
  auto written = settlement_detail::WriteSettlement(session, *cycle, *figures, summary);
  if (!written) return Fail(std::move(written.error()));
  summary.batches_closed = *written;
  auto audited =
      AppendAudit(session, r.actor,
                  AuditEvent{"disburse.settle", "success", "pay_cycle",
                             cycle->unit_code + "/" + cycle->period + "/" + r.provider_code,
                             std::nullopt, ToJson(summary)});
  if (!audited) return Fail(audited.error());
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return summary;
}

}  // namespace ansinh::app
