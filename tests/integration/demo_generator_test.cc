// The demo province generator, pure (no database): determinism, realism, and
// that every row it writes goes through the real import parser, built on the
// shipped reference data, with zero errors and exactly the planted findings.
// It sits with the integration tests because unit_tests links no app/ code.
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "app/demo_generator.h"
#include "app/demo_inputs.h"
#include "app/demo_names.h"
#include "core/name.h"
#include "formats/beneficiary_import.h"

namespace ansinh::app {
namespace {

constexpr std::int64_t kGeneratorSize = 20'000;

core::Period Current() { return *core::Period::FromYearMonth(2025, 3); }

const DemoInputs& Inputs() {
  static const DemoInputs inputs = [] {
    auto loaded = LoadDemoInputs(ANSINH_REFERENCE_DATA_DIR, "38");
    EXPECT_TRUE(loaded) << loaded.error().code << " " << loaded.error().message;
    return loaded ? *loaded : DemoInputs{};
  }();
  return inputs;
}

std::string Csv(std::int64_t size, std::uint64_t seed, DemoStats* stats = nullptr) {
  std::ostringstream out;
  auto written = WriteDemoCsv(Inputs(), DemoOptions{size, seed, Current()}, out);
  EXPECT_TRUE(written) << written.error().code;
  if (stats != nullptr && written) *stats = *written;
  return out.str();
}

// Built straight from the files, independently of the generator's loader:
// only the communes whose district belongs to province 38 are known.
const formats::ImportCatalog& Catalog() {
  static const formats::ImportCatalog catalog = [] {
    formats::ImportCatalog built;
    const std::string dir = ANSINH_REFERENCE_DATA_DIR;
    built.codes = *formats::LoadReferenceCodes(dir);
    auto units = *formats::LoadPre2025AdminUnits(dir + "/gso_xa_2025-01-04_pre2025.csv");
    std::set<std::string> districts;
    for (const auto& unit : units.units) {
      if (unit.level == formats::AdminLevel::kDistrict && unit.parent_code == "38") {
        districts.insert(unit.code);
      }
      if (unit.level == formats::AdminLevel::kCommune && districts.count(unit.parent_code) > 0) {
        built.communes.insert(unit.code);
      }
    }
    const auto rates = *formats::LoadPolicyRates(dir + "/policy_rates.csv");
    for (const auto& rate : rates) {
      built.policies[rate.policy_code] = {
          rate.group == "NCC" ? core::BeneficiaryGroup::kNcc : core::BeneficiaryGroup::kBtxh,
          rate.basis == "FIXED" ? formats::PolicyBasis::kFixed
                                : formats::PolicyBasis::kCoefficient};
    }
    return built;
  }();
  return catalog;
}

struct Parsed {
  DemoStats stats;
  formats::BeneficiaryImport result;
};

const Parsed& TwentyThousand() {
  static const Parsed parsed = [] {
    Parsed out;
    auto result = formats::ParseBeneficiaryCsv(Csv(kGeneratorSize, 7, &out.stats), Catalog());
    EXPECT_TRUE(result) << result.error().code;
    if (result) out.result = std::move(*result);
    return out;
  }();
  return parsed;
}

double Share(std::int64_t part) { return static_cast<double>(part) / static_cast<double>(kGeneratorSize); }

TEST(DemoGeneratorTest, SameSeedSameBytesOtherSeedOtherBytes) {
  const std::string first = Csv(3'000, 42);
  EXPECT_EQ(first, Csv(3'000, 42));
  EXPECT_NE(first, Csv(3'000, 43));
}

TEST(DemoGeneratorTest, ASmallerDemoIsTheStartOfALargerOne) {
  const std::string small = Csv(500, 9);
  const std::string large = Csv(1'000, 9);
  EXPECT_EQ(large.compare(0, small.size(), small), 0);
}

TEST(DemoGeneratorTest, EveryRowImportsWithoutError) {
  const Parsed& parsed = TwentyThousand();
  EXPECT_EQ(parsed.result.rejected_rows, 0);
  EXPECT_EQ(parsed.result.error_count, 0);
  for (const auto& rejected : parsed.result.rejected) {
    ADD_FAILURE() << "row " << rejected.row << ": " << rejected.errors.front().message;
    break;
  }
  EXPECT_EQ(parsed.result.data_rows, parsed.stats.rows);
  EXPECT_EQ(static_cast<std::int64_t>(parsed.result.beneficiaries.size()), kGeneratorSize);
  EXPECT_EQ(parsed.stats.beneficiaries, kGeneratorSize);
  EXPECT_GT(parsed.stats.multi_entitlement, 0);
  EXPECT_EQ(parsed.stats.rows, kGeneratorSize + parsed.stats.multi_entitlement);
}

TEST(DemoGeneratorTest, FindingsAreExactlyThePlantedDefects) {
  const Parsed& parsed = TwentyThousand();
  std::map<std::string, std::int64_t> findings;
  for (const auto& person : parsed.result.beneficiaries) {
    for (const auto& finding : person.findings) ++findings[finding.code];
  }
  const DemoDirtyCounts& dirty = parsed.stats.dirty;
  EXPECT_EQ(findings["citizen_id.sex_mismatch"], dirty.sex_mismatch);
  EXPECT_EQ(findings["citizen_id.birth_year_mismatch"], dirty.birth_year_mismatch);
  EXPECT_EQ(findings["citizen_id.legacy_cmnd"], dirty.legacy_cmnd);
  EXPECT_EQ(findings["citizen_id.missing"], dirty.missing_citizen_id);
  EXPECT_EQ(findings["phone.leading_zero_lost"] + findings["phone.legacy_11_digit"],
            dirty.invalid_phone);
  EXPECT_EQ(findings["bank_ref.account_length"], dirty.malformed_account);
  std::int64_t total = 0;
  for (const auto& [code, count] : findings) total += count;
  EXPECT_EQ(total, dirty.total()) << "a clean record produced a finding";
  EXPECT_EQ(parsed.result.finding_count, dirty.total());
  for (std::int64_t count : {dirty.sex_mismatch, dirty.birth_year_mismatch, dirty.legacy_cmnd,
                             dirty.missing_citizen_id, dirty.invalid_phone,
                             dirty.malformed_account}) {
    EXPECT_GT(count, 0);
  }
}

TEST(DemoGeneratorTest, ProportionsAreRealistic) {
  const DemoStats& stats = TwentyThousand().stats;
  EXPECT_EQ(stats.ncc + stats.btxh, kGeneratorSize);
  EXPECT_NEAR(Share(stats.ncc), 0.25, 0.02);
  EXPECT_NEAR(Share(stats.bank_accounts + stats.mobile_money_accounts), 0.10, 0.02);
  EXPECT_GT(stats.mobile_money_accounts, stats.bank_accounts / 4);
  EXPECT_NEAR(Share(stats.with_phone), 0.60, 0.05);
  EXPECT_NEAR(Share(stats.guardians + stats.authorised), 0.03, 0.015);
  EXPECT_GT(stats.authorised, 0);
  EXPECT_NEAR(Share(stats.special_cases), 0.02, 0.01);
  EXPECT_NEAR(Share(stats.dirty.total()), 0.005, 0.002);
  EXPECT_NEAR(Share(stats.born_elsewhere), 0.08, 0.02);
  EXPECT_GT(stats.year_only_birth_dates, 0);
}

// The band of a code's rows in force on `day`: age_from..age_to (exclusive).
bool AgeFits(const std::string& code, int age, const core::Date& day) {
  for (const auto& rate : Inputs().policy_rates) {
    if (rate.policy_code != code || rate.effective_from > day.ToIso()) continue;
    if (rate.effective_to && *rate.effective_to < day.ToIso()) continue;
    if (age >= rate.age_from_years && (!rate.age_to_years || age < *rate.age_to_years)) return true;
  }
  return false;
}

TEST(DemoGeneratorTest, PeopleFitTheirPoliciesAndArePaidThroughLastMonth) {
  const core::Date first = Current().FirstDay();
  const core::Period last_paid = *Current().PlusMonths(-1);
  for (const auto& person : TwentyThousand().result.beneficiaries) {
    const int age = person.person.birth_date.AgeOn(first);
    ASSERT_TRUE(person.person.paid_through.has_value());
    EXPECT_EQ(*person.person.paid_through, last_paid);
    for (const auto& entitlement : person.entitlements) {
      const auto& e = entitlement.entitlement;
      EXPECT_TRUE(AgeFits(e.policy_code, age, first))
          << person.person.code.value() << " " << e.policy_code << " age " << age;
      EXPECT_LE(e.start, last_paid);
      EXPECT_GE(e.start, *core::Period::FromYearMonth(2015, 3));
    }
    const bool child = age < 16;
    EXPECT_EQ(child, person.payment_method.recipient == core::Recipient::kGuardian);
  }
}

TEST(DemoGeneratorTest, AccountHoldersCarryTheirNameUnaccented) {
  std::int64_t holders = 0;
  for (const auto& person : TwentyThousand().result.beneficiaries) {
    if (!core::IsAccountChannel(person.payment_method.channel)) continue;
    std::string expected = *core::NameMatchKey(person.person.full_name);
    for (char& c : expected) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    EXPECT_EQ(person.payment_method.holder_name, expected);
    ++holders;
  }
  const DemoStats& stats = TwentyThousand().stats;
  EXPECT_EQ(holders, stats.bank_accounts + stats.mobile_money_accounts);
}

TEST(DemoGeneratorTest, NameListsAreInNormalForm) {
  using namespace demo_detail;
  auto check = [](std::span<const DemoName> names) {
    for (const DemoName& name : names) {
      EXPECT_EQ(*core::NormalizeName(name.text), name.text);
    }
  };
  check(FamilyNames());
  for (core::Sex sex : {core::Sex::kMale, core::Sex::kFemale}) {
    check(MiddleNames(sex, false));
    check(MiddleNames(sex, true));
    check(GivenNames(sex));
  }
}

TEST(DemoGeneratorTest, RejectsImpossibleRequests) {
  std::ostringstream out;
  auto empty = WriteDemoCsv(Inputs(), DemoOptions{0, 1, Current()}, out);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, "demo.size_out_of_range");
  DemoInputs no_communes = Inputs();
  no_communes.communes.clear();
  auto none = WriteDemoCsv(no_communes, DemoOptions{10, 1, Current()}, out);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, "demo.no_communes");
  auto unknown = LoadDemoInputs(ANSINH_REFERENCE_DATA_DIR, "99");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "demo.province_unknown");
}

TEST(DemoGeneratorTest, HeaderIsTheImportKeys) {
  const std::string csv = Csv(1, 1);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "ma_doi_tuong,ho_ten,ngay_sinh,gioi_tinh,so_dinh_danh,so_dien_thoai,ma_xa,dia_chi,"
            "nhom,ma_che_do,so_tien,thang_bat_dau,da_chi_den_thang,hinh_thuc,nguoi_nhan,"
            "nguoi_nhan_ho_ten,nguoi_nhan_so_dinh_danh,nguoi_nhan_quan_he,ma_ngan_hang,"
            "so_tai_khoan,ten_chu_tai_khoan,dien_thoai_thong_minh,truong_hop_dac_biet,"
            "so_quyet_dinh");
}

}  // namespace
}  // namespace ansinh::app
