#include "core/settlement.h"

#include <set>

namespace ansinh::core {
namespace {

ChannelFigures& SettlementChannelOf(SettlementFigures& figures, const std::string& channel) {
  for (auto& c : figures.channels) {
    if (c.channel == channel) return c;
  }
  figures.channels.push_back({channel, 0, 0, 0});  // never for a valid channel
  return figures.channels.back();
}

bool SettlementIsCash(const std::string& channel) {
  return channel == "CASH_PAYPOINT" || channel == "CASH_HOME";
}

void SettlementAddPaid(SettlementFigures& f, const SettlementItem& item) {
  ChannelFigures& c = SettlementChannelOf(f, item.channel);
  ++c.lines;
  c.paid_vnd += item.transfer_vnd;
  (SettlementIsCash(item.channel) ? f.paid_cash_vnd : f.paid_account_vnd) += item.transfer_vnd;
}

void SettlementAddReturned(SettlementFigures& f, const SettlementItem& item) {
  ChannelFigures& c = SettlementChannelOf(f, item.channel);
  ++c.lines;
  c.returned_vnd += item.transfer_vnd;
  f.returned_transfers_vnd += item.transfer_vnd;
}

// A re-issued attempt. Route 2: every attempt was a transfer of a payment
// order, and this one came back. Route 1: the advance holds the line's money
// once; a re-issue through the same provider spends it again there, one
// through another payer means this provider returns it (once per line).
void SettlementAddReissued(SettlementFigures& f, const SettlementItem& item,
                           const std::string& provider, std::set<std::string>& returned_once) {
  if (!item.live_provider) {
    f.awaiting_lines.push_back(item.line_id);
    return;
  }
  if (f.route_kind == "TREASURY_DIRECT") {
    SettlementAddReturned(f, item);
    return;
  }
  if (*item.live_provider == provider) return;
  if (returned_once.insert(item.line_id).second) SettlementAddReturned(f, item);
}

}  // namespace

bool IsPaidStatus(std::string_view status) {
  return status == "paid" || status == "paid_cash";
}
bool IsReturnedStatus(std::string_view status) {
  return status == "failed" || status == "returned";
}

SettlementFigures ComputeSettlement(const std::string& route_kind, const std::string& provider_code,
                                    std::int64_t funded_vnd, std::int64_t fees_vnd,
                                    const std::vector<SettlementItem>& items) {
  SettlementFigures f;
  f.route_kind = route_kind;
  f.funded_vnd = funded_vnd;
  f.fees_vnd = fees_vnd;
  for (std::string_view channel : kSettlementChannels) f.channels.push_back({std::string(channel)});
  std::set<std::string> returned_once;
  for (const SettlementItem& item : items) {
    if (item.transfer_vnd == 0) continue;  // settled by netting: nothing moved
    if (!item.live) {
      SettlementAddReissued(f, item, provider_code, returned_once);
    } else if (IsPaidStatus(item.line_status)) {
      SettlementAddPaid(f, item);
    } else if (IsReturnedStatus(item.line_status)) {
      SettlementAddReturned(f, item);
      if (!item.unclaimed) f.to_budget_vnd += item.transfer_vnd;
    } else {
      f.unresolved_lines.push_back(item.line_id);
    }
  }
  const std::int64_t paid = f.paid_account_vnd + f.paid_cash_vnd;
  const std::int64_t fees_in_equation = route_kind == "PROVIDER" ? fees_vnd : 0;
  const std::int64_t needed = paid + f.returned_transfers_vnd + fees_in_equation;
  if (route_kind == "PROVIDER" && funded_vnd > needed) f.surplus_vnd = funded_vnd - needed;
  f.returned_vnd = f.returned_transfers_vnd + f.surplus_vnd;
  f.difference_vnd = funded_vnd - (paid + f.returned_vnd + fees_in_equation);
  return f;
}

std::string_view CycleStageCode(CycleStage stage) {
  switch (stage) {
    case CycleStage::kDraft:
      return "draft";
    case CycleStage::kApproved:
      return "approved";
    case CycleStage::kFunded:
      return "funded";
    case CycleStage::kDisbursing:
      return "disbursing";
    case CycleStage::kReconciled:
      return "reconciled";
    case CycleStage::kSettled:
      return "settled";
  }
  return "draft";
}

CycleStage DeriveCycleStage(const CycleStageFacts& f) {
  if (!f.approved) return CycleStage::kDraft;
  if (f.payers == 0 || f.payers_funded < f.payers) return CycleStage::kApproved;
  const bool reconciled = f.unresolved == 0 && f.lines_waiting == 0;
  if (reconciled && f.payers_settled == f.payers) return CycleStage::kSettled;
  if (reconciled) return CycleStage::kReconciled;
  if (f.results > 0) return CycleStage::kDisbursing;
  return CycleStage::kFunded;
}

}  // namespace ansinh::core
