#include "core/rate_table.h"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <utility>

namespace ansinh::core {

namespace {

constexpr int kOpenMonth = std::numeric_limits<int>::max();
constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

// FNV-1a: policy codes are short, so a simple byte hash is the fastest.
std::uint64_t HashCode(std::string_view code) {
  std::uint64_t hash = 14'695'981'039'346'656'037ull;
  for (char c : code) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1'099'511'628'211ull;
  }
  return hash;
}
constexpr int kOpenAge = std::numeric_limits<int>::max();

std::string MonthText(int month_number) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", month_number / 12, month_number % 12 + 1);
  return buffer;
}

Error RateError(std::string code, std::string message, std::string_view policy_code,
                int month_number) {
  Error error = MakeError(ErrorKind::kInvalidInput, code, std::move(message));
  error.details.push_back(ErrorDetail{0, "policy_code", code, std::string(policy_code)});
  error.details.push_back(ErrorDetail{0, "period", code, MonthText(month_number)});
  return error;
}

}  // namespace

// Rows of one policy with their window in months, as compiled.
struct RateTable::MonthRow {
  int from_month;
  int to_month;  // inclusive; kOpenMonth when open
  const PolicyRate* rate;
};

std::string_view StandardKindFor(BeneficiaryGroup group) {
  return group == BeneficiaryGroup::kNcc ? kNccStandardKind : kBtxhStandardKind;
}

int AgeOn(const Date& birth_date, const Date& on) {
  return birth_date.AgeOn(on);
}

Period PeriodOfMonthNumber(int month_number) {
  return Period::FromYearMonth(month_number / 12, month_number % 12 + 1).value();
}

int FirstMonthOnOrAfter(const Date& date) {
  if (date.is_year_only()) return date.year() * 12;
  const int month = date.year() * 12 + date.month() - 1;
  return date.day() == 1 ? month : month + 1;
}

int LastMonthOnOrBefore(const Date& date) {
  return date.year() * 12 + (date.is_year_only() ? 0 : date.month() - 1);
}

int AgeBaseMonth(const Date& birth_date) {
  return FirstMonthOnOrAfter(birth_date);
}

RateTable::RateTable(std::vector<StandardLevel> levels, std::vector<PolicyRate> rates) {
  std::erase_if(levels, [](const StandardLevel& level) { return !ValidateStandardLevel(level); });
  std::erase_if(rates, [](const PolicyRate& rate) { return !ValidatePolicyRate(rate); });
  std::stable_sort(levels.begin(), levels.end(), [](const auto& a, const auto& b) {
    return std::tie(a.kind, a.effective_from) < std::tie(b.kind, b.effective_from);
  });
  levels_ = std::move(levels);
  // Newest row first within a policy, so the first band that holds an age wins.
  std::stable_sort(rates.begin(), rates.end(), [](const PolicyRate& a, const PolicyRate& b) {
    if (a.policy_code != b.policy_code) return a.policy_code < b.policy_code;
    if (a.effective_from != b.effective_from) return a.effective_from > b.effective_from;
    return a.age_from < b.age_from;
  });
  std::vector<MonthRow> rows;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    const PolicyRate& rate = rates[i];
    rows.push_back(
        MonthRow{FirstMonthOnOrAfter(rate.effective_from),
                 rate.effective_to ? LastMonthOnOrBefore(*rate.effective_to) : kOpenMonth, &rate});
    if (i + 1 == rates.size() || rates[i + 1].policy_code != rate.policy_code) {
      CompilePolicy(rate.policy_code, rows);
      rows.clear();
    }
  }
  IndexPolicies();
}

void RateTable::IndexPolicies() {
  std::size_t slots = 16;
  while (slots < 2 * policies_.size()) slots *= 2;  // load factor ≤ 1/2
  policy_slots_.assign(slots, kNoSlot);
  for (std::size_t i = 0; i < policies_.size(); ++i) {
    std::size_t slot = HashCode(policies_[i].code) & (slots - 1);
    while (policy_slots_[slot] != kNoSlot) slot = (slot + 1) & (slots - 1);
    policy_slots_[slot] = static_cast<std::uint32_t>(i);
  }
}

std::optional<std::int64_t> RateTable::LevelInForce(std::string_view kind, int month_number) const {
  std::optional<std::int64_t> found;
  for (const StandardLevel& level : levels_) {
    if (level.kind == kind && FirstMonthOnOrAfter(level.effective_from) <= month_number) {
      found = level.amount.dong();  // levels_ is sorted by date: the last one wins
    }
  }
  return found;
}

// Cuts the policy's time line at every month where a row or a standard level
// it multiplies starts or ends; within a segment nothing changes, so each
// band's amount is computed here once instead of once per person and month.
void RateTable::CompilePolicy(std::string code, const std::vector<MonthRow>& rows) {
  std::vector<int> cuts;
  bool multiplies_level = false;
  for (const MonthRow& row : rows) {
    cuts.push_back(row.from_month);
    if (row.to_month != kOpenMonth) cuts.push_back(row.to_month + 1);
    multiplies_level |= row.rate->basis == RateBasis::kCoefficient;
  }
  const BeneficiaryGroup group = rows.front().rate->group;
  if (multiplies_level) {
    for (const StandardLevel& level : levels_) {
      if (level.kind == StandardKindFor(group)) {
        cuts.push_back(FirstMonthOnOrAfter(level.effective_from));
      }
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  const auto segment_begin = static_cast<std::uint32_t>(segments_.size());
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    const int from = cuts[i];
    const int to = i + 1 < cuts.size() ? cuts[i + 1] - 1 : kOpenMonth;
    const auto band_begin = static_cast<std::uint32_t>(bands_.size());
    for (const MonthRow& row : rows) {
      if (row.from_month > from || row.to_month < from) continue;
      const PolicyRate& rate = *row.rate;
      Band band{rate.age_from, rate.age_to.value_or(kOpenAge), BandState::kAmount, 0};
      if (rate.basis == RateBasis::kFixed) {
        if (rate.amount) {
          band.amount_vnd = rate.amount->dong();
        } else {
          band.state = BandState::kFromEntitlement;
        }
      } else if (auto level = LevelInForce(StandardKindFor(rate.group), from); !level) {
        band.state = BandState::kNoStandardLevel;
      } else if (auto product = MoneyVnd::FromDong(*level).MultiplyBy(*rate.coefficient)) {
        band.amount_vnd = product->dong();
      } else {
        band.state = BandState::kOverflow;
      }
      bands_.push_back(band);
    }
    const auto band_end = static_cast<std::uint32_t>(bands_.size());
    if (band_end > band_begin) segments_.push_back(Segment{from, to, band_begin, band_end});
  }
  policies_.push_back(
      Policy{std::move(code), group, segment_begin, static_cast<std::uint32_t>(segments_.size())});
}

std::size_t RateTable::FindPolicy(std::string_view policy_code) const {
  const std::size_t mask = policy_slots_.size() - 1;
  // Probing ends at an empty slot: the table is at most half full.
  for (std::size_t slot = HashCode(policy_code) & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t index = policy_slots_[slot];
    if (index == kNoSlot) return kNoPolicy;
    if (policies_[index].code == policy_code) return index;
  }
}

std::optional<BeneficiaryGroup> RateTable::PolicyGroup(const std::string& policy_code) const {
  const std::size_t index = FindPolicy(policy_code);
  if (index == kNoPolicy) return std::nullopt;
  return policies_[index].group;
}

const RateTable::Segment* RateTable::FindSegment(const Policy& policy, int month_number) const {
  const Segment* begin = segments_.data() + policy.segment_begin;
  const Segment* end = segments_.data() + policy.segment_end;
  const Segment* after = std::upper_bound(
      begin, end, month_number,
      [](int month, const Segment& segment) { return month < segment.from_month; });
  if (after == begin) return nullptr;
  const Segment* segment = after - 1;
  return segment->to_month >= month_number ? segment : nullptr;
}

// Older than every band of an age-limited policy (BTXH-5.2 after 22,
// BTXH-5.7 from 3): the entitlement has ended by law, so the month pays
// nothing. Ages stay the same or grow, so the answer holds to the segment's end.
bool RateTable::AgedOut(const Segment& segment, int age_years) const {
  if (segment.band_begin == segment.band_end) return false;
  for (std::uint32_t i = segment.band_begin; i < segment.band_end; ++i) {
    if (bands_[i].age_to == kOpenAge || age_years < bands_[i].age_to) return false;
  }
  return true;
}

Result<MoneyVnd> RateTable::AmountFor(std::size_t policy, std::string_view policy_code,
                                      int month_number, int age_years,
                                      const std::optional<MoneyVnd>& fixed_amount,
                                      int* same_rates_through) const {
  if (policy >= policies_.size()) {
    return Fail(RateError("payroll.policy_unknown",
                          "Chế độ " + std::string(policy_code) +
                              " không có trong bảng mức trợ cấp (tháng " + MonthText(month_number) +
                              ")",
                          policy_code, month_number));
  }
  const Segment* segment = FindSegment(policies_[policy], month_number);
  if (segment == nullptr) {
    return Fail(RateError("payroll.rate_missing",
                          "Chế độ " + std::string(policy_code) +
                              " không có mức trợ cấp áp dụng cho tháng " + MonthText(month_number),
                          policy_code, month_number));
  }
  for (std::uint32_t i = segment->band_begin; i < segment->band_end; ++i) {
    const Band& band = bands_[i];
    if (age_years < band.age_from || age_years >= band.age_to) continue;
    if (same_rates_through != nullptr) *same_rates_through = segment->to_month;
    switch (band.state) {
      case BandState::kAmount:
        return MoneyVnd::FromDong(band.amount_vnd);
      case BandState::kFromEntitlement:
        if (fixed_amount) return *fixed_amount;
        return Fail(RateError("payroll.amount_missing",
                              "Chế độ " + std::string(policy_code) +
                                  " hưởng số tiền theo quyết định nhưng chế độ hưởng chưa ghi số "
                                  "tiền (tháng " +
                                  MonthText(month_number) + ")",
                              policy_code, month_number));
      case BandState::kNoStandardLevel:
        return Fail(RateError("payroll.standard_level_missing",
                              "Chưa có mức chuẩn áp dụng cho tháng " + MonthText(month_number) +
                                  " để tính chế độ " + std::string(policy_code),
                              policy_code, month_number));
      case BandState::kOverflow:
        return Fail(RateError("payroll.amount_overflow",
                              "Mức chuẩn nhân hệ số của chế độ " + std::string(policy_code) +
                                  " vượt quá giới hạn (tháng " + MonthText(month_number) + ")",
                              policy_code, month_number));
    }
  }
  if (AgedOut(*segment, age_years)) {
    if (same_rates_through != nullptr) *same_rates_through = segment->to_month;
    return MoneyVnd::Zero();
  }
  return Fail(RateError("payroll.age_out_of_band",
                        "Chế độ " + std::string(policy_code) + " không có mức cho người " +
                            std::to_string(age_years) + " tuổi vào tháng " +
                            MonthText(month_number),
                        policy_code, month_number));
}

Result<MoneyVnd> RateTable::MonthlyAmount(const Entitlement& entitlement, const Date& birth_date,
                                          Period period) const {
  const int month = MonthNumber(period);
  return AmountFor(FindPolicy(entitlement.policy_code), entitlement.policy_code, month,
                   AgeInMonth(AgeBaseMonth(birth_date), month), entitlement.fixed_amount);
}

}  // namespace ansinh::core
