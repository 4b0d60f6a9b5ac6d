// The decisions that make one beneficiary: policy, age, birth, who collects
// and how; demo_person_write.cc turns them into cells.
#include <algorithm>

#include "app/demo_drawer.h"
#include "core/date.h"

namespace ansinh::app::demo_detail {

const PolicyDraw& Drawer::PickPolicy() {
  const bool ncc = random_.Chance(kNccPerMillion);
  const auto& indices = ncc ? plan_.ncc_policies : plan_.btxh_policies;
  const WeightedIndex& table = ncc ? plan_.ncc_index : plan_.btxh_index;
  return plan_.policies[indices[table.Draw(random_)]];
}

// Age in whole years on the 1st of the current period.
int Drawer::DrawAge() {
  const int low = policy_->min_age_years;
  const int span = policy_->max_age_years - low;
  if (low < kSkewFromAge) return random_.Between(low, policy_->max_age_years);
  return low + std::min(random_.Between(0, span), random_.Between(0, span));
}

// A birthday on or before the 1st of the current month in year Y - age, or
// after it in the year before: either way the person is `age_` on the 1st.
void Drawer::DrawBirth() {
  const int year = plan_.current.year();
  const int month = plan_.current.month();
  birth_month_ = random_.Between(1, 12);
  birth_year_ = birth_month_ < month ? year - age_ : year - age_ - 1;
  birth_day_ = random_.Between(1, core::Date::DaysInMonth(birth_year_, birth_month_));
  if (birth_month_ == month && birth_day_ == 1) birth_year_ = year - age_;
  // A year-only date may be read as 1 January or 31 December: only where a
  // year either way keeps the person inside the band.
  year_only_ = policy_->band_open && age_ >= policy_->band_from_years + 2 &&
               birth_year_ < kYearOnlyBeforeYear && random_.Chance(kYearOnlyPerMillion);
}

void Drawer::DrawChoices() {
  if (random_.Chance(kDirtyPerMillion)) {
    dirty_ = static_cast<Dirty>(1 + random_.Below(kDirtyKinds));
  }
  guardian_ = age_ < kGuardianBelowAge;
  authorised_ = !guardian_ && random_.Chance(kAuthorisedPerMillion);
  const bool frail = age_ >= kFrailAge || policy_->severe_disability;
  special_ = random_.Chance(frail ? kFrailSpecialPerMillion : kSpecialPerMillion);
  home_id_ = !random_.Chance(kBornElsewherePerMillion);
  const bool may_have_account = age_ >= kAdultAge && !guardian_ && !authorised_ && !special_;
  if (may_have_account &&
      (dirty_ == Dirty::kMalformedAccount || random_.Chance(kAccountPerMillion))) {
    const bool wallet = dirty_ != Dirty::kMalformedAccount && dirty_ != Dirty::kInvalidPhone &&
                        random_.Chance(kWalletPerMillion);
    account_ = wallet ? Account::kWallet : Account::kBank;
  }
  if (dirty_ == Dirty::kMalformedAccount && account_ == Account::kNone) dirty_ = Dirty::kMissingId;
}

void Drawer::Count(const DemoRows& out) {
  const DemoRow& row = out.rows[0];
  stats_.rows += static_cast<std::int64_t>(out.count);
  stats_.beneficiaries += 1;
  (policy_->ncc ? stats_.ncc : stats_.btxh) += 1;
  stats_.multi_entitlement += out.count > 1 ? 1 : 0;
  stats_.with_phone += row[kPhone].empty() ? 0 : 1;
  stats_.bank_accounts += account_ == Account::kBank ? 1 : 0;
  stats_.mobile_money_accounts += account_ == Account::kWallet ? 1 : 0;
  stats_.guardians += guardian_ ? 1 : 0;
  stats_.authorised += authorised_ ? 1 : 0;
  stats_.special_cases += special_ ? 1 : 0;
  stats_.year_only_birth_dates += year_only_ ? 1 : 0;
  const bool twelve = row[kCitizenId].size() == 12;
  stats_.born_elsewhere +=
      twelve && row[kCitizenId].compare(0, 3, plan_.home_citizen_id_code) != 0 ? 1 : 0;
  DemoDirtyCounts& dirty = stats_.dirty;
  dirty.sex_mismatch += dirty_ == Dirty::kSexMismatch ? 1 : 0;
  dirty.birth_year_mismatch += dirty_ == Dirty::kBirthYearMismatch ? 1 : 0;
  dirty.legacy_cmnd += dirty_ == Dirty::kLegacyCmnd ? 1 : 0;
  dirty.missing_citizen_id += dirty_ == Dirty::kMissingId ? 1 : 0;
  dirty.invalid_phone += dirty_ == Dirty::kInvalidPhone ? 1 : 0;
  dirty.malformed_account += dirty_ == Dirty::kMalformedAccount ? 1 : 0;
}

void Drawer::Draw(DemoRows& out) {
  policy_ = &PickPolicy();
  sex_ = random_.Chance(policy_->female_per_mille * 1'000) ? Sex::kFemale : Sex::kMale;
  age_ = DrawAge();
  DrawBirth();
  commune_ = static_cast<std::size_t>(random_.Below(plan_.inputs->communes.size()));
  DrawChoices();
  DemoRow& row = out.rows[0];
  for (std::string& cell : row) cell.clear();
  WritePerson(row);
  WriteRepresentative(row);
  WritePayment(row);
  WriteEntitlement(row, *policy_);
  out.count = 1;
  if (policy_->takes_supplement && plan_.supplement && random_.Chance(kSupplementPerMillion)) {
    out.rows[1] = row;
    WriteEntitlement(out.rows[1], plan_.policies[*plan_.supplement]);
    out.count = 2;
  }
  Count(out);
}

void DrawBeneficiary(const DemoPlan& plan, std::uint64_t seed, std::int64_t index, DemoRows& out,
                     DemoStats& stats) {
  Drawer(plan, seed, index, stats).Draw(out);
}

}  // namespace ansinh::app::demo_detail
