// The cells of a drawn beneficiary's rows.
#include <algorithm>
#include <vector>

#include "app/demo_drawer.h"
#include "core/date.h"

namespace ansinh::app::demo_detail {

void Drawer::WriteName(std::string& name, std::string* folded, Sex sex, bool modern,
                       std::optional<std::size_t> family) {
  const std::size_t f = family ? *family : plan_.family.index.Draw(random_);
  const NameTable& middle = plan_.middle[SexIndex(sex)][modern ? 1 : 0];
  const NameTable& given = plan_.given[SexIndex(sex)];
  const std::size_t m = middle.index.Draw(random_);
  const std::size_t g = given.index.Draw(random_);
  name.append(plan_.family.names[f].text).append(" ").append(middle.names[m].text);
  name.append(" ").append(given.names[g].text);
  if (folded == nullptr) return;
  family_ = f;
  folded->append(plan_.family.folded[f]).append(" ").append(middle.folded[m]);
  folded->append(" ").append(given.folded[g]);
}

// 3 digits of the issuing province, the century-and-sex digit, the last two
// digits of the birth year, 6 random digits (TT 07/2016/TT-BCA).
void Drawer::WriteCitizenId(std::string& cell, int year, Sex sex, Dirty dirty, bool home) {
  if (dirty == Dirty::kMissingId) return;
  if (dirty == Dirty::kLegacyCmnd) {
    cell.push_back(static_cast<char>('1' + random_.Below(3)));
    AppendDigits(cell, random_, 8);
    return;
  }
  const auto& others = plan_.other_citizen_id_codes;
  cell.append(home || others.empty() ? plan_.home_citizen_id_code
                                     : others[random_.Below(others.size())]);
  int sex_digit = (sex == Sex::kFemale ? 1 : 0) ^ (dirty == Dirty::kSexMismatch ? 1 : 0);
  cell.push_back(static_cast<char>('0' + (year / 100 - 19) * 2 + sex_digit));
  int yy = year % 100;
  if (dirty == Dirty::kBirthYearMismatch) yy = (yy + random_.Between(1, 9)) % 100;
  AppendNumber(cell, yy, 2);
  AppendDigits(cell, random_, 6);
}

void Drawer::WritePhone(std::string& cell) {
  const bool wallet = account_ == Account::kWallet;
  if (!wallet && dirty_ != Dirty::kInvalidPhone && !random_.Chance(kPhonePerMillion)) return;
  std::size_t prefix = plan_.prefix_index.Draw(random_);
  if (wallet) {
    wallet_ = plan_.wallet_index.Draw(random_);
    const auto& own = plan_.wallets[wallet_].phone_prefixes;
    prefix = own[random_.Below(own.size())];
  }
  const std::string& digits = plan_.prefixes[prefix];
  if (dirty_ == Dirty::kInvalidPhone && random_.Chance(500'000)) {
    cell.append("016");  // the 11-digit numbering carriers retired in 2018
    AppendDigits(cell, random_, 8);
    return;
  }
  // A spreadsheet that stored the number as a number lost its leading 0.
  cell.append(digits, dirty_ == Dirty::kInvalidPhone ? std::size_t{1} : std::size_t{0});
  AppendDigits(cell, random_, 7);
}

void Drawer::WriteRepresentative(DemoRow& row) {
  if (!guardian_ && !authorised_) {
    row[kRecipient] = "BAN_THAN";
    return;
  }
  row[kRecipient] = guardian_ ? "GIAM_HO" : "UY_QUYEN";
  auto relationships = guardian_ ? GuardianRelationships() : AuthorisedRelationships();
  std::vector<std::uint32_t> weights;
  for (const auto& relationship : relationships) weights.push_back(relationship.weight);
  const DemoRelationship& chosen = relationships[WeightedIndex(weights).Draw(random_)];
  const int year = plan_.current.year() - random_.Between(25, 70);
  WriteName(row[kRepresentativeName], nullptr, chosen.sex, year >= kModernNamesFromYear,
            chosen.same_family_name ? std::optional(family_) : std::nullopt);
  WriteCitizenId(row[kRepresentativeCitizenId], year, chosen.sex, Dirty::kNone, true);
  row[kRepresentativeRelationship].append(chosen.text);
}

void Drawer::WritePayment(DemoRow& row) {
  if (account_ == Account::kNone) {
    row[kChannel] = special_ ? "TAI_NHA" : "TIEN_MAT";
    return;
  }
  row[kHolderName] = holder_;
  if (account_ == Account::kWallet) {
    row[kChannel] = "VI_DIEN_TU";
    row[kBin] = plan_.wallets[wallet_].bin;
    row[kAccount] = row[kPhone];  // the wallet is the phone number
    return;
  }
  row[kChannel] = "TAI_KHOAN";
  const AccountInstitution& bank = plan_.banks[plan_.bank_index.Draw(random_)];
  row[kBin] = bank.bin;
  const int digits = dirty_ == Dirty::kMalformedAccount ? 4 : bank.account_digits;
  row[kAccount].push_back(static_cast<char>('1' + random_.Below(9)));
  AppendDigits(row[kAccount], random_, digits - 1);
}

void Drawer::WritePerson(DemoRow& row) {
  const DemoCommune& commune = plan_.inputs->communes[commune_];
  row[kCode].append(policy_->ncc ? "NCC-" : "BTXH-").append(commune.code).push_back('-');
  AppendNumber(row[kCode], index_ + 1, kCodeIndexDigits);
  WriteName(row[kFullName], account_ == Account::kNone ? nullptr : &holder_, sex_,
            birth_year_ >= kModernNamesFromYear, std::nullopt);
  if (!year_only_) {
    AppendNumber(row[kBirthDate], birth_day_, 2);
    row[kBirthDate].push_back('/');
    AppendNumber(row[kBirthDate], birth_month_, 2);
    row[kBirthDate].push_back('/');
  }
  AppendNumber(row[kBirthDate], birth_year_);
  row[kSex] = core::SexLabel(sex_);
  WriteCitizenId(row[kCitizenId], birth_year_, sex_, dirty_, home_id_);
  WritePhone(row[kPhone]);
  row[kCommune] = commune.code;
  const bool urban = commune.name.starts_with("Phường") || commune.name.starts_with("Thị trấn");
  row[kAddress].append(urban ? "Tổ dân phố " : "Thôn ");
  AppendNumber(row[kAddress], random_.Between(1, kMaxVillage));
  row[kAddress].append(", ").append(commune.name).append(", ").append(commune.district_name);
  row[kAddress].append(", ").append(plan_.inputs->province_name);
  row[kGroup] = policy_->ncc ? "NCC" : "BTXH";
  row[kPaidThrough] = plan_.paid_through_cell;
  const bool smartphone =
      account_ == Account::kWallet ||
      (!row[kPhone].empty() &&
       random_.Chance(age_ < kOldAge ? kYoungSmartphonePerMillion : kOldSmartphonePerMillion));
  row[kSmartphone] = smartphone ? "C" : "K";
  row[kSpecialCase] = special_ ? "C" : "K";
}

// Some month the person already qualified in, up to the month last paid.
void Drawer::WriteEntitlement(DemoRow& row, const PolicyDraw& policy) {
  row[kPolicy] = policy.code;
  row[kAmount] = policy.amount_cell;
  const int month = year_only_ ? 12 : birth_month_;
  core::Period earliest = std::max(
      policy.first_month, *core::Period::FromYearMonth(birth_year_ + policy.band_from_years, month));
  const int months = earliest.MonthsUntil(plan_.paid_through);
  const core::Period start = *earliest.PlusMonths(random_.Between(0, std::max(months, 0)));
  row[kStartMonth].clear();
  AppendNumber(row[kStartMonth], start.month(), 2);
  row[kStartMonth].push_back('/');
  AppendNumber(row[kStartMonth], start.year());
  row[kDecisionNumber].clear();
  AppendNumber(row[kDecisionNumber], random_.Between(1, kMaxDecisionNumber));
  row[kDecisionNumber].append(policy.ncc ? "/QĐ-SLĐTBXH" : "/QĐ-UBND");
}

}  // namespace ansinh::app::demo_detail
