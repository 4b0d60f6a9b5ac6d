// Netting one person's recoveries against their payments in the same cycle.
//
// The recoveries are taken oldest month first (then lowest entitlement_id);
// each is netted as far as the person's positive lines (REGULAR, ARREARS,
// ONE_OFF) still allow, stays a RECOVERY line for that part, and the rest
// becomes a receivable for the same entitlement and month. So the person's
// net payment is max(0, positive − recovered) and never negative, and every
// đồng of the difference is either netted or receivable (checked below).
#include <algorithm>
#include <vector>

#include "core/payroll.h"

namespace ansinh::core {
namespace {

Status AddTo(MoneyVnd& total, MoneyVnd amount) {
  auto sum = total.Add(amount);
  if (!sum) return Fail(std::move(sum.error()));
  total = *sum;
  return {};
}

Error Invariant(const std::string& what) {
  return MakeError(ErrorKind::kInternal, "payroll.netting_invariant",
                   "Lỗi nội bộ khi bù trừ truy thu: " + what);
}

}  // namespace

Status NetRecoveries(CycleComputation& out, std::size_t first_line, std::size_t first_receivable) {
  const auto begin = out.lines.begin() + static_cast<std::ptrdiff_t>(first_line);
  MoneyVnd positive = MoneyVnd::Zero();
  MoneyVnd owed = MoneyVnd::Zero();
  std::vector<std::size_t> recoveries;  // only allocated when there is something to recover
  for (std::size_t i = first_line; i < out.lines.size(); ++i) {
    const ComputedLine& line = out.lines[i];
    if (line.kind == LineKind::kRecovery) {
      if (line.amount.dong() >= 0) return Fail(Invariant("khoản truy thu không âm"));
      if (auto ok = AddTo(owed, MoneyVnd::FromDong(-line.amount.dong())); !ok) return ok;
      recoveries.push_back(i);
    } else {
      if (line.amount.dong() <= 0) return Fail(Invariant("khoản chi không dương"));
      if (auto ok = AddTo(positive, line.amount); !ok) return ok;
    }
  }
  if (recoveries.empty()) return {};

  std::sort(recoveries.begin(), recoveries.end(), [&](std::size_t a, std::size_t b) {
    const ComputedLine& x = out.lines[a];
    const ComputedLine& y = out.lines[b];
    return std::tie(x.for_period, x.entitlement_id) < std::tie(y.for_period, y.entitlement_id);
  });
  std::int64_t room = std::min(positive.dong(), owed.dong());
  std::int64_t netted_total = 0;
  std::int64_t receivable_total = 0;
  for (std::size_t index : recoveries) {
    ComputedLine& line = out.lines[index];
    const std::int64_t due = -line.amount.dong();
    const std::int64_t netted = std::min(room, due);
    room -= netted;
    netted_total += netted;
    if (due > netted) {
      receivable_total += due - netted;
      out.receivables.push_back(RecoveryReceivable{line.beneficiary_id, line.beneficiary_code,
                                                   line.entitlement_id, line.for_period,
                                                   MoneyVnd::FromDong(due - netted)});
    }
    line.amount = MoneyVnd::FromDong(-netted);
  }
  out.lines.erase(std::remove_if(begin, out.lines.end(),
                                 [](const ComputedLine& line) {
                                   return line.kind == LineKind::kRecovery &&
                                          line.amount.dong() == 0;
                                 }),
                  out.lines.end());
  std::sort(out.receivables.begin() + static_cast<std::ptrdiff_t>(first_receivable),
            out.receivables.end(), [](const RecoveryReceivable& a, const RecoveryReceivable& b) {
              return std::tie(a.entitlement_id, a.for_period) <
                     std::tie(b.entitlement_id, b.for_period);
            });
  // Both sides of the money movement: all that was owed is netted or receivable,
  // and the person's lines do not sum below zero.
  if (netted_total + receivable_total != owed.dong()) return Fail(Invariant("tổng không khớp"));
  if (positive.dong() - netted_total < 0) return Fail(Invariant("chi trả âm"));
  return {};
}

}  // namespace ansinh::core
