// One person's lines of a cycle: REGULAR, the differences of earlier months
// against what was paid (ARREARS / RECOVERY), ONE_OFF, then netting.
//
// Cost: the months compared per entitlement are the active months inside the
// diff window plus the paid entries inside it, walked in one merge (no lookup
// per month); each month's amount is a binary search in the compiled rate
// table. The common case after go-live (paid_through = last month) compares
// nothing and costs one rate lookup and one line.
#include <algorithm>
#include <span>
#include <tuple>
#include <type_traits>

#include "core/payroll.h"
#include "core/payroll_accrual.h"

namespace ansinh::core {
namespace {

Error ForPerson(Error error, const PersonFacts& person) {
  error.message = "Đối tượng " + person.beneficiary_code + ": " + error.message;
  error.details.push_back(ErrorDetail{0, "beneficiary_code", error.code, person.beneficiary_code});
  return error;
}

// The walk over paid entries of one entitlement inside [lo, hi], for both
// ledger shapes: Valid(), Month(), Amount(), Next().
class MapCursor {
 public:
  MapCursor(const PaidLedger& paid, std::int64_t entitlement_id, int lo, int hi)
      : it_(paid.lower_bound(PaidKey{entitlement_id, PeriodOfMonthNumber(lo)})),
        end_(paid.end()),
        entitlement_id_(entitlement_id),
        hi_(hi) {}
  bool Valid() const {
    return it_ != end_ && std::get<0>(it_->first) == entitlement_id_ && Month() <= hi_;
  }
  int Month() const { return MonthNumber(std::get<1>(it_->first)); }
  MoneyVnd Amount() const { return it_->second; }
  void Next() { ++it_; }

 private:
  PaidLedger::const_iterator it_;
  PaidLedger::const_iterator end_;
  std::int64_t entitlement_id_;
  int hi_;
};

class SpanCursor {
 public:
  SpanCursor(std::span<const PaidEntry> paid, std::int64_t entitlement_id, int lo, int hi)
      : it_(std::lower_bound(paid.begin(), paid.end(), std::make_tuple(entitlement_id, lo),
                             [](const PaidEntry& entry, const std::tuple<std::int64_t, int>& key) {
                               return std::make_tuple(entry.entitlement_id,
                                                      MonthNumber(entry.for_period)) < key;
                             })),
        end_(paid.end()),
        entitlement_id_(entitlement_id),
        hi_(hi) {}
  bool Valid() const {
    return it_ != end_ && it_->entitlement_id == entitlement_id_ && Month() <= hi_;
  }
  int Month() const { return MonthNumber(it_->for_period); }
  MoneyVnd Amount() const { return it_->amount; }
  void Next() { ++it_; }

 private:
  std::span<const PaidEntry>::iterator it_;
  std::span<const PaidEntry>::iterator end_;
  std::int64_t entitlement_id_;
  int hi_;
};

// What one person's cycle needs, computed once.
struct PersonCycle {
  const PersonFacts& person;
  const RateTable& rates;
  AccrualCalendar calendar;
  int period;
  bool regular_due;  // false when the previous system paid the period (paid_through)
  int diff_first;    // the months compared with the ledger: [diff_first, period − 1]
  int age_base;
  CycleComputation& out;
  bool has_recovery = false;  // netting is skipped in the common case
};

class EntitlementCycle {
 public:
  EntitlementCycle(PersonCycle& cycle, const EntitlementFacts& facts)
      : cycle_(cycle), facts_(facts), window_(ActiveWindowOf(facts.entitlement)) {}

  // Today's amount for a month: 0 when the person does not accrue or the
  // entitlement is not active. The last amount looked up is reused for every
  // month in which neither the policy's rates nor the person's age differ.
  Result<MoneyVnd> Expected(int month) {
    if (!window_.Contains(month) || !cycle_.calendar.Accrues(month)) return MoneyVnd::Zero();
    if (month >= cached_from_ && month <= cached_through_) return cached_;
    if (policy_ == kUnresolved) policy_ = cycle_.rates.FindPolicy(facts_.entitlement.policy_code);
    const int age = AgeInMonth(cycle_.age_base, month);
    int rates_through = 0;
    auto amount = cycle_.rates.AmountFor(policy_, facts_.entitlement.policy_code, month, age,
                                         facts_.entitlement.fixed_amount, &rates_through);
    if (amount) {
      const int last_month_of_age = cycle_.age_base + 12 * (age + 1) - 1;
      cached_from_ = month;
      cached_through_ = std::min(rates_through, last_month_of_age);
      cached_ = *amount;
    }
    return amount;
  }

  void Emit(LineKind kind, int month, MoneyVnd amount) {
    cycle_.has_recovery |= kind == LineKind::kRecovery;
    cycle_.out.lines.push_back(ComputedLine{cycle_.person.beneficiary_id,
                                            cycle_.person.beneficiary_code,
                                            facts_.entitlement_id,
                                            facts_.entitlement.policy_code,
                                            kind,
                                            PeriodOfMonthNumber(month),
                                            amount,
                                            {}});
  }

  Status Regular() {
    if (!cycle_.regular_due) return {};
    auto amount = Expected(cycle_.period);
    if (!amount) return Fail(std::move(amount.error()));
    if (amount->dong() > 0) Emit(LineKind::kRegular, cycle_.period, *amount);
    return {};
  }

  // Merges the active months with the paid entries of the diff window; ends
  // after at most (window months + ledger entries) steps.
  template <class Cursor>
  Status Differences(Cursor paid) {
    const int last = cycle_.period - 1;
    int next_active = std::max(cycle_.diff_first, window_.first_month);
    const int last_active = std::min(last, window_.last_month);
    while (true) {
      const int active = next_active <= last_active ? next_active : kOpenMonthNumber;
      const int paid_month = paid.Valid() ? paid.Month() : kOpenMonthNumber;
      const int month = std::min(active, paid_month);
      if (month == kOpenMonthNumber) return {};
      MoneyVnd expected = MoneyVnd::Zero();
      if (month == active) {
        auto amount = Expected(month);
        if (!amount) return Fail(std::move(amount.error()));
        expected = *amount;
        ++next_active;
      }
      MoneyVnd already = MoneyVnd::Zero();
      if (month == paid_month) {
        already = paid.Amount();
        paid.Next();
      }
      auto diff = expected.Subtract(already);
      if (!diff) return Fail(std::move(diff.error()));
      if (diff->dong() > 0) Emit(LineKind::kArrears, month, *diff);
      if (diff->dong() < 0) Emit(LineKind::kRecovery, month, *diff);
    }
  }

 private:
  static constexpr std::size_t kUnresolved = RateTable::kNoPolicy - 1;

  PersonCycle& cycle_;
  const EntitlementFacts& facts_;
  ActiveWindow window_;
  std::size_t policy_ = kUnresolved;
  int cached_from_ = 1;  // empty range until the first lookup
  int cached_through_ = 0;
  MoneyVnd cached_ = MoneyVnd::Zero();
};

Status OneOffs(const PersonCycle& cycle, std::span<const OneOffPayment> one_offs) {
  for (const OneOffPayment& one_off : one_offs) {
    if (one_off.beneficiary_id != cycle.person.beneficiary_id) continue;
    if (one_off.amount.dong() <= 0) {
      return Fail(ErrorKind::kInvalidInput, "payroll.one_off_invalid",
                  "Khoản chi một lần theo quyết định " + one_off.decision_number +
                      " phải có số tiền lớn hơn 0");
    }
    cycle.out.lines.push_back(ComputedLine{cycle.person.beneficiary_id,
                                           cycle.person.beneficiary_code,
                                           0,
                                           {},
                                           LineKind::kOneOff,
                                           PeriodOfMonthNumber(cycle.period),
                                           one_off.amount,
                                           one_off.decision_number});
  }
  return {};
}

bool LineOrder(const ComputedLine& a, const ComputedLine& b) {
  return std::tie(a.entitlement_id, a.kind, a.for_period, a.decision_number, a.amount) <
         std::tie(b.entitlement_id, b.kind, b.for_period, b.decision_number, b.amount);
}

Status CheckOptions(const CycleOptions& options) {
  if (options.lookback_months >= 0 && options.lookback_months <= CycleOptions::kMaxLookbackMonths) {
    return {};
  }
  return Fail(
      ErrorKind::kInvalidInput, "payroll.lookback_invalid",
      "Số tháng tính lại phải từ 0 đến " + std::to_string(CycleOptions::kMaxLookbackMonths));
}

template <class Ledger>
Status ComputeLines(PersonCycle& cycle, const Ledger& paid,
                    std::span<const OneOffPayment> one_offs) {
  for (const EntitlementFacts& facts : cycle.person.entitlements) {
    EntitlementCycle entitlement(cycle, facts);
    if (auto ok = entitlement.Regular(); !ok) return ok;
    if (cycle.diff_first >= cycle.period) continue;
    const int lo = cycle.diff_first;
    const int hi = cycle.period - 1;
    using Cursor = std::conditional_t<std::is_same_v<Ledger, PaidLedger>, MapCursor, SpanCursor>;
    if (auto ok = entitlement.Differences(Cursor(paid, facts.entitlement_id, lo, hi)); !ok) {
      return ok;
    }
  }
  return OneOffs(cycle, one_offs);
}

template <class Ledger>
Status Append(const PersonFacts& person, const RateTable& rates, const Ledger& paid,
              std::span<const OneOffPayment> one_offs, const CycleOptions& options,
              CycleComputation& out) {
  if (auto ok = CheckOptions(options); !ok) return Fail(ForPerson(std::move(ok.error()), person));
  const int period = MonthNumber(options.period);
  int diff_first = std::max(period - options.lookback_months, Period::kMinYear * 12);
  if (person.paid_through) diff_first = std::max(diff_first, MonthNumber(*person.paid_through) + 1);
  const bool regular_due = !person.paid_through || MonthNumber(*person.paid_through) < period;
  PersonCycle cycle{person,      rates,      AccrualCalendar(person),         period,
                    regular_due, diff_first, AgeBaseMonth(person.birth_date), out};
  const std::size_t first_line = out.lines.size();
  const std::size_t first_receivable = out.receivables.size();
  Status status = ComputeLines(cycle, paid, one_offs);
  if (status) {
    const auto begin = out.lines.begin() + static_cast<std::ptrdiff_t>(first_line);
    if (!std::is_sorted(begin, out.lines.end(), LineOrder)) {
      std::sort(begin, out.lines.end(), LineOrder);
    }
    if (cycle.has_recovery) status = NetRecoveries(out, first_line, first_receivable);
  }
  if (status) return {};
  out.lines.erase(out.lines.begin() + static_cast<std::ptrdiff_t>(first_line), out.lines.end());
  out.receivables.erase(out.receivables.begin() + static_cast<std::ptrdiff_t>(first_receivable),
                        out.receivables.end());
  return Fail(ForPerson(std::move(status.error()), person));
}

}  // namespace

Status AppendPersonCycle(const PersonFacts& person, const RateTable& rates, const PaidLedger& paid,
                         std::span<const OneOffPayment> one_offs, const CycleOptions& options,
                         CycleComputation& out) {
  return Append(person, rates, paid, one_offs, options, out);
}

Status AppendPersonCycle(const PersonFacts& person, const RateTable& rates,
                         std::span<const PaidEntry> paid, std::span<const OneOffPayment> one_offs,
                         const CycleOptions& options, CycleComputation& out) {
  return Append(person, rates, paid, one_offs, options, out);
}

Result<CycleComputation> ComputePersonCycle(const PersonFacts& person, const RateTable& rates,
                                            const PaidLedger& paid,
                                            const std::vector<OneOffPayment>& one_offs,
                                            const CycleOptions& options) {
  CycleComputation out;
  if (auto ok = AppendPersonCycle(person, rates, paid, one_offs, options, out); !ok) {
    return Fail(std::move(ok.error()));
  }
  return out;
}

Result<CycleComputation> ComputePersonCycle(const PersonFacts& person, const RateTable& rates,
                                            std::span<const PaidEntry> paid,
                                            std::span<const OneOffPayment> one_offs,
                                            const CycleOptions& options) {
  CycleComputation out;
  if (auto ok = AppendPersonCycle(person, rates, paid, one_offs, options, out); !ok) {
    return Fail(std::move(ok.error()));
  }
  return out;
}

}  // namespace ansinh::core
