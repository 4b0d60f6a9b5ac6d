#include "app/settlement_detail.h"

#include <utility>

#include "app/ingest_service_common.h"
#include "app/ledger_posting.h"
#include "app/payroll_office.h"
#include "core/money.h"
#include "core/period.h"

namespace ansinh::app::settlement_detail {
namespace {

constexpr std::size_t kMaxSettlementDetails = 100;

Error LinesError(const std::string& code, const std::string& message,
                 const std::vector<std::string>& lines, const std::string& line_message) {
  Error error =
      MakeError(ErrorKind::kConflict, code, message + ingest_detail::JoinIds(lines) + ".");
  for (std::size_t i = 0; i < lines.size() && i < kMaxSettlementDetails; ++i) {
    error.details.push_back({0, lines[i], code, line_message});
  }
  return error;
}

}  // namespace

std::string Dong(std::int64_t amount_vnd) {
  return core::MoneyVnd::FromDong(amount_vnd).ToGroupedString() + " đồng";
}

Result<store::PayCycleRecord> FindCycle(store::SqlSession& session, const CycleRef& ref,
                                        std::chrono::system_clock::time_point now, bool approved) {
  if (auto period = core::Period::Parse(ref.period); !period) {
    return Fail(std::move(period.error()));
  }
  auto office = ResolveOffice(session, ref.unit, ref.edition, now);
  if (!office) return Fail(std::move(office.error()));
  auto cycle =
      store::MakePayrollCycleStore(session)->Find(office->code, office->edition, ref.period);
  if (!cycle) return Fail(std::move(cycle.error()));
  if (!*cycle) {
    return Fail(ErrorKind::kNotFound, "payroll.cycle_not_found",
                "Chưa có bảng lương kỳ " + ref.period + " của đơn vị " + ref.unit + ".");
  }
  if (approved && (*cycle)->status != "approved") {
    return Fail(ErrorKind::kConflict, "disburse.cycle_not_approved",
                "Bảng lương kỳ " + ref.period + " chưa được phê duyệt.");
  }
  return std::move(**cycle);
}

Result<store::PayerBatches> Payer(store::SettlementStore& store, std::int64_t cycle_id,
                                  const std::string& provider_code, const std::string& period) {
  auto payers = store.Payers(cycle_id);
  if (!payers) return Fail(std::move(payers.error()));
  for (auto& payer : *payers) {
    if (payer.provider_code != provider_code) continue;
    if (payer.route_kind == "MIXED") {
      return Fail(ErrorKind::kConflict, "settlement.route_mixed",
                  "Đơn vị chi trả " + provider_code + " có lô theo cả hai tuyến trong kỳ " +
                      period + "; cần quyết toán thủ công.");
    }
    return std::move(payer);
  }
  return Fail(
      ErrorKind::kNotFound, "settlement.payer_unknown",
      "Đơn vị chi trả " + provider_code + " không có lô chi trả nào trong kỳ " + period + ".");
}

PayerFigures AddUp(store::PayerBatches payer, std::vector<store::FundingRecord> fundings,
                   std::vector<store::SettlementItemRow> rows) {
  std::int64_t funded_vnd = 0;
  for (const auto& f : fundings) funded_vnd += f.amount_vnd;
  std::vector<core::SettlementItem> items;
  items.reserve(rows.size());
  for (const auto& row : rows) items.push_back(row.item);
  auto figures = core::ComputeSettlement(payer.route_kind, payer.provider_code, funded_vnd,
                                         payer.fee_vnd, items);
  return {std::move(payer), std::move(fundings), std::move(rows), std::move(figures)};
}

Result<PayerFigures> FiguresOf(store::SettlementStore& store, std::int64_t cycle_id,
                               const std::string& provider_code, const std::string& period) {
  auto payer = Payer(store, cycle_id, provider_code, period);
  if (!payer) return Fail(std::move(payer.error()));
  auto fundings = store.ListFundings(cycle_id);
  if (!fundings) return Fail(std::move(fundings.error()));
  std::erase_if(*fundings, [&](const auto& f) { return f.provider_code != provider_code; });
  auto rows = store.Items(cycle_id, provider_code);
  if (!rows) return Fail(std::move(rows.error()));
  return AddUp(std::move(*payer), std::move(*fundings), std::move(*rows));
}

Status CheckSettleable(const PayerFigures& pf, const std::string& provider,
                       std::int64_t returned_vnd) {
  const core::SettlementFigures& f = pf.figures;
  const bool route1 = f.route_kind == "PROVIDER";
  if (pf.fundings.empty()) {
    return Fail(ErrorKind::kConflict, "settlement.not_funded",
                "Chưa ghi nhận " + std::string(route1 ? "tạm ứng" : "ủy nhiệm chi") + " cho " +
                    provider + " (ansinh disburse fund); chưa quyết toán được.");
  }
  if (!f.unresolved_lines.empty()) {
    return Fail(LinesError("settlement.lines_unresolved",
                           "Chưa quyết toán được " + provider + ": " +
                               std::to_string(f.unresolved_lines.size()) +
                               " dòng chưa có kết quả chi trả: ",
                           f.unresolved_lines, "Dòng chưa có kết quả chi trả."));
  }
  if (!f.awaiting_lines.empty()) {
    return Fail(LinesError("settlement.reissue_pending",
                           "Chưa quyết toán được " + provider + ": " +
                               std::to_string(f.awaiting_lines.size()) +
                               " dòng đã cấp lại, chưa vào lô mới: ",
                           f.awaiting_lines, "Dòng đã cấp lại, chưa vào lô mới."));
  }
  if (f.difference_vnd != 0) {
    const std::int64_t fees = route1 ? f.fees_vnd : 0;
    return Fail(
        ErrorKind::kConflict, "settlement.unbalanced",
        "Quyết toán " + provider + " không cân: " + (route1 ? "tạm ứng " : "ủy nhiệm chi ") +
            Dong(f.funded_vnd) + "; đã chi " + Dong(f.paid_account_vnd + f.paid_cash_vnd) +
            " + hoàn trả " + Dong(f.returned_vnd) + (route1 ? " + phí " + Dong(fees) : "") + " = " +
            Dong(f.funded_vnd - f.difference_vnd) + "; chênh lệch " + Dong(f.difference_vnd) + ".");
  }
  if (returned_vnd != f.returned_vnd) {
    return Fail(ErrorKind::kConflict, "settlement.returned_mismatch",
                "Số hoàn trả " + provider + " báo là " + Dong(returned_vnd) +
                    ", theo sổ phải hoàn trả " + Dong(f.returned_vnd) + "; chênh lệch " +
                    Dong(returned_vnd - f.returned_vnd) + ".");
  }
  return {};
}

Result<std::int64_t> WriteSettlement(store::SqlSession& session, const store::PayCycleRecord& cycle,
                                     const PayerFigures& pf, const SettleSummary& summary) {
  const core::SettlementFigures& f = pf.figures;
  auto store = store::MakeSettlementStore(session);
  auto id = store->InsertSettlement(
      {0, cycle.id, pf.payer.provider_code, f.route_kind, f.funded_vnd, f.paid_account_vnd,
       f.paid_cash_vnd, f.returned_vnd, f.fees_vnd, f.to_budget_vnd, summary.figures.dump(),
       summary.settled_by, summary.settled_at});
  if (!id) return Fail(std::move(id.error()));
  std::vector<store::SettlementReturn> returns;
  for (const auto& row : pf.rows) {
    const auto& item = row.item;
    if (item.live && !item.unclaimed && item.transfer_vnd > 0 &&
        core::IsReturnedStatus(item.line_status)) {
      returns.push_back({row.batch_ref, row.line_ref, item.transfer_vnd});
    }
  }
  if (auto ok = store->InsertReturns(*id, returns); !ok) return Fail(ok.error());
  if (auto ok = PostSettlement(session, cycle.id, pf.payer.provider_code, f.to_budget_vnd,
                               summary.settled_at);
      !ok) {
    return Fail(ok.error());
  }
  return store->CloseBatches(cycle.id, pf.payer.provider_code);
}

}  // namespace ansinh::app::settlement_detail
