// Which policies the demo draws, how often and at what ages. The shares are a
// rough picture of a northern province's register (MOLISA yearly figures):
// within BTXH, people of 80 and over without a pension and people with
// disabilities dominate and children are a few per cent; within NCC, martyrs'
// relatives, war invalids and people exposed to Agent Orange.
#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "app/demo_plan.h"
#include "core/date.h"

namespace ansinh::app::demo_detail {
namespace {

struct Category {
  std::string_view code;   // a policy code, or a prefix when it ends with '-'
  std::uint32_t weight;    // per mille of the group, shared by the codes it matches
  int min_age_years;
  int max_age_years;
  std::uint32_t female_per_mille;
};

// A code may appear twice with different ages (children and adults with
// disabilities). Codes absent here, or with weight 0, are never drawn alone.
constexpr std::array kCategories = {
    Category{"BTXH-5.5c", 420, 80, 102, 620},  Category{"BTXH-5.6-N", 205, 16, 95, 450},
    Category{"BTXH-5.6-N", 6, 2, 15, 450},     Category{"BTXH-5.6-DBN", 85, 16, 95, 450},
    Category{"BTXH-5.6-DBN", 3, 2, 15, 450},   Category{"BTXH-5.5a", 40, 60, 95, 650},
    Category{"BTXH-5.5b", 15, 75, 79, 600},    Category{"BTXH-5.5d", 3, 60, 95, 650},
    Category{"BTXH-5.1", 10, 0, 15, 480},      Category{"BTXH-5.2", 8, 16, 22, 480},
    Category{"BTXH-5.3", 2, 0, 15, 480},       Category{"BTXH-5.4", 40, 20, 50, 920},
    Category{"BTXH-5.7", 6, 0, 2, 480},        Category{"BTXH-5.8", 10, 20, 60, 400},
    Category{"NCC-I.3.1-1", 330, 55, 100, 700}, Category{"NCC-I.3.2-1", 15, 75, 100, 700},
    Category{"NCC-I.3.3-1", 3, 85, 100, 800},  Category{"NCC-TB-", 250, 60, 95, 60},
    Category{"NCC-TBB-", 40, 60, 95, 50},      Category{"NCC-I.6.1-2", 10, 45, 85, 800},
    Category{"NCC-I.7.1-1", 50, 60, 95, 50},   Category{"NCC-I.7.1-2", 10, 60, 95, 50},
    Category{"NCC-I.8.1-1", 90, 65, 95, 100},  Category{"NCC-I.8.1-2", 40, 65, 95, 100},
    Category{"NCC-I.8.1-3", 10, 65, 95, 100},  Category{"NCC-I.8.2-1", 70, 20, 55, 450},
    Category{"NCC-I.9-1", 15, 70, 100, 150},   Category{"NCC-I.10.1-1", 8, 90, 104, 300},
    Category{"NCC-I.10.2-1", 25, 75, 100, 200}, Category{"NCC-I.5-1", 1, 70, 100, 100},
    Category{"NCC-I.4-1", 1, 95, 104, 1000},   Category{"NCC-I.1.1-1", 1, 96, 104, 200},
    Category{"NCC-I.1.1-2", 1, 96, 104, 200},  Category{"NCC-I.1.2-1", 3, 70, 100, 800},
    Category{"NCC-I.2.1-1", 2, 96, 104, 200},
};

constexpr std::string_view kSupplementCode = "NCC-I.3.4-1";
constexpr std::string_view kMartyrRelativePrefix = "NCC-I.3.";
constexpr std::string_view kSevereDisabilityCode = "BTXH-5.6-DBN";
constexpr int kMaxStartMonthsBack = 120;

bool Matches(const Category& category, std::string_view code) {
  if (category.code.ends_with('-')) return code.starts_with(category.code);
  return code == category.code;
}

bool InForce(const formats::PolicyRateRecord& rate, const std::string& day_iso) {
  return rate.effective_from <= day_iso && (!rate.effective_to || day_iso <= *rate.effective_to);
}

// What the rate rows of one code say, seen from the current period.
struct CodeSummary {
  const formats::PolicyRateRecord* current = nullptr;  // the row in force on the 1st
  bool in_force_before = false;                        // some row on the 1st of the month before
  int band_from_years = 200;
  bool band_open = false;
  int band_to_years = 0;
  std::string first_day_iso = "9999-12-31";
};

std::map<std::string, CodeSummary> Summarise(const DemoInputs& inputs, const core::Period& current,
                                             const core::Period& before) {
  const std::string now = current.FirstDay().ToIso();
  const std::string earlier = before.FirstDay().ToIso();
  std::map<std::string, CodeSummary> codes;
  for (const formats::PolicyRateRecord& rate : inputs.policy_rates) {
    CodeSummary& summary = codes[rate.policy_code];
    summary.first_day_iso = std::min(summary.first_day_iso, rate.effective_from);
    if (InForce(rate, earlier)) summary.in_force_before = true;
    if (!InForce(rate, now)) continue;
    summary.current = &rate;
    summary.band_from_years = std::min(summary.band_from_years, rate.age_from_years);
    if (!rate.age_to_years) summary.band_open = true;
    if (rate.age_to_years) summary.band_to_years = std::max(summary.band_to_years, *rate.age_to_years);
  }
  return codes;
}

// The month a policy's first rate took effect, but no further back than ten
// years before the current period.
core::Period FirstMonth(const CodeSummary& summary, const core::Period& current) {
  core::Period floor = *current.PlusMonths(-kMaxStartMonthsBack);
  Result<core::Date> first = core::Date::Parse(summary.first_day_iso);
  if (!first || first->is_year_only()) return floor;
  return std::max(floor, *core::Period::FromYearMonth(first->year(), first->month()));
}

std::optional<PolicyDraw> MakeDraw(const std::string& code, const CodeSummary& summary,
                                   const Category& category, const core::Period& current) {
  if (!summary.current || !summary.in_force_before) return std::nullopt;
  PolicyDraw draw;
  draw.code = code;
  draw.ncc = summary.current->group == "NCC";
  if (summary.current->basis == "FIXED") {
    if (!summary.current->amount_vnd) return std::nullopt;
    draw.amount = core::MoneyVnd::FromDong(*summary.current->amount_vnd);
    draw.amount_cell = draw.amount->ToString();
  }
  draw.band_from_years = summary.band_from_years;
  draw.band_open = summary.band_open;
  // One whole year past the band's start, so the person already qualified
  // before the month they were last paid for.
  draw.min_age_years = std::max(category.min_age_years, summary.band_from_years + 1);
  draw.max_age_years = summary.band_open ? category.max_age_years
                                         : std::min(category.max_age_years,
                                                    summary.band_to_years - 1);
  if (draw.min_age_years > draw.max_age_years) return std::nullopt;
  draw.female_per_mille = category.female_per_mille;
  draw.first_month = FirstMonth(summary, current);
  draw.takes_supplement = code.starts_with(kMartyrRelativePrefix) && code != kSupplementCode;
  draw.severe_disability = code == kSevereDisabilityCode;
  return draw;
}

void AddCategory(const Category& category, const std::map<std::string, CodeSummary>& codes,
                 const core::Period& current, DemoPlan& plan,
                 std::vector<std::uint32_t>& ncc_weights,
                 std::vector<std::uint32_t>& btxh_weights) {
  std::vector<PolicyDraw> draws;
  for (const auto& [code, summary] : codes) {
    if (!Matches(category, code)) continue;
    if (auto draw = MakeDraw(code, summary, category, current)) draws.push_back(std::move(*draw));
  }
  if (draws.empty() || category.weight == 0) return;
  // Weights are scaled so a category's share survives being split over codes.
  const auto each = static_cast<std::uint32_t>(category.weight * 10'000 / draws.size());
  for (PolicyDraw& draw : draws) {
    const bool ncc = draw.ncc;
    (ncc ? plan.ncc_policies : plan.btxh_policies).push_back(plan.policies.size());
    (ncc ? ncc_weights : btxh_weights).push_back(std::max<std::uint32_t>(each, 1));
    plan.policies.push_back(std::move(draw));
  }
}

void AddSupplement(const std::map<std::string, CodeSummary>& codes, const core::Period& current,
                   DemoPlan& plan) {
  auto found = codes.find(std::string(kSupplementCode));
  if (found == codes.end()) return;
  Category any{kSupplementCode, 0, 0, 200, 500};
  if (auto draw = MakeDraw(found->first, found->second, any, current)) {
    plan.supplement = plan.policies.size();
    plan.policies.push_back(std::move(*draw));
  }
}

}  // namespace

Status AddDemoPolicies(const DemoInputs& inputs, DemoPlan& plan) {
  const auto codes = Summarise(inputs, plan.current, plan.paid_through);
  std::vector<std::uint32_t> ncc_weights;
  std::vector<std::uint32_t> btxh_weights;
  for (const Category& category : kCategories) {
    AddCategory(category, codes, plan.current, plan, ncc_weights, btxh_weights);
  }
  if (ncc_weights.empty() || btxh_weights.empty()) {
    return Fail(ErrorKind::kInvalidInput, "demo.no_policies",
                "Không có chế độ NCC hoặc BTXH nào còn hiệu lực trong kỳ " +
                    plan.current.ToString() + " và tháng trước đó");
  }
  plan.ncc_index = WeightedIndex(ncc_weights);
  plan.btxh_index = WeightedIndex(btxh_weights);
  AddSupplement(codes, plan.current, plan);
  return {};
}

}  // namespace ansinh::app::demo_detail
