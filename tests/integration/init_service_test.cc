// `ansinh init` on the real shipped data: exact counts, idempotence, and the
// code lists read back from the store.
#include <chrono>
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "app/init_service.h"
#include "formats/reference_data.h"
#include "integration/test_database.h"
#include "store/admin_unit_store.h"
#include "store/institution_store.h"
#include "store/migrations.h"

namespace ansinh::app {
namespace {

using formats::AdminEdition;
using formats::AdminLevel;

class InitServiceTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ::setenv("ANSINH_MIGRATIONS_DIR", testing_support::SourceMigrationsRoot().c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("ANSINH_MIGRATIONS_DIR");
    BackendTest::TearDown();
  }
  Result<InitSummary> Init() {
    const auto start = std::chrono::steady_clock::now();
    auto summary = InitDatabase(database(), ANSINH_REFERENCE_DATA_DIR);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    RecordProperty("init_ms",
                   static_cast<int>(
                       std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()));
    return summary;
  }
};

TEST_P(InitServiceTest, LoadsEveryTableWithExactCounts) {
  auto summary = Init();
  ASSERT_TRUE(summary) << summary.error().message;
  // Every migration the binary ships is applied on a fresh database.
  auto shipped = store::ReadMigrations(store::MigrationsRoot(), database().dialect());
  ASSERT_TRUE(shipped) << shipped.error().message;
  const auto shipped_count = static_cast<int>(shipped->size());
  EXPECT_EQ(summary->schema_version, shipped_count);
  EXPECT_EQ(summary->migrations_applied, shipped_count);
  EXPECT_EQ(summary->provinces_pre2025, 63);
  EXPECT_EQ(summary->districts_pre2025, 696);
  // The GSO list has 10,056 rows; 5 of them are island districts without any
  // commune (e.g. Bạch Long Vĩ, Hoàng Sa), so there are 10,051 communes.
  EXPECT_EQ(summary->communes_pre2025, 10'051);
  EXPECT_EQ(summary->provinces_2025, 34);
  EXPECT_EQ(summary->communes_2025, 3'321);
  EXPECT_EQ(summary->province_successor_links, 63);
  EXPECT_EQ(summary->commune_successor_links, 10'554);
  EXPECT_EQ(summary->unlinked_conversion_rows, 17);
  EXPECT_EQ(summary->banks, 63);
  EXPECT_EQ(summary->mobile_money_providers, 3);
  EXPECT_EQ(summary->standard_levels, 4);
  EXPECT_EQ(summary->policy_rates, 220);
  EXPECT_EQ(summary->citizen_id_provinces, 63);
  EXPECT_EQ(summary->mobile_prefixes, 36);
}

TEST_P(InitServiceTest, SecondInitChangesNothing) {
  auto first = Init();
  ASSERT_TRUE(first) << first.error().message;
  auto second = Init();
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->migrations_applied, 0);
  EXPECT_EQ(second->rows_inserted, 0);
  EXPECT_GT(first->rows_inserted, 25'000);
  auto first_json = ToJson(*first);
  auto second_json = ToJson(*second);
  // Only the first run creates the administrator and shows its password.
  EXPECT_FALSE(second->admin_password.has_value());
  for (const char* key : {"rows_inserted", "migrations_applied", "admin_password"}) {
    first_json.erase(key);
    second_json.erase(key);
  }
  EXPECT_EQ(first_json, second_json);
  EXPECT_TRUE(store::CheckSchemaCurrent(database()));
}

TEST_P(InitServiceTest, OldCommunesLeadToTheirNewCommunes) {
  ASSERT_TRUE(Init());
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto units = store::MakeAdminUnitStore(**session);
  auto truc_bach = units->Find(AdminEdition::kPre2025, AdminLevel::kCommune, "00004");
  ASSERT_TRUE(truc_bach && *truc_bach);
  EXPECT_EQ((*truc_bach)->name, "Phường Trúc Bạch");
  auto successors = units->Successors((*truc_bach)->id);
  ASSERT_TRUE(successors);
  ASSERT_EQ(successors->size(), 1u);
  EXPECT_EQ((*successors)[0].unit.name, "Phường Ba Đình");
  EXPECT_EQ((*successors)[0].transfer, formats::TransferKind::kWhole);
  auto ha_giang = units->Find(AdminEdition::kPre2025, AdminLevel::kProvince, "02");
  ASSERT_TRUE(ha_giang && *ha_giang);
  auto new_province = units->Successors((*ha_giang)->id);
  ASSERT_TRUE(new_province);
  ASSERT_EQ(new_province->size(), 1u);
  EXPECT_EQ((*new_province)[0].unit.code, "08");
  EXPECT_EQ((*new_province)[0].unit.name, "Tỉnh Tuyên Quang");
}

TEST_P(InitServiceTest, MobileMoneyProvidersAreMarked) {
  ASSERT_TRUE(Init());
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto institutions = store::MakeInstitutionStore(**session);
  for (const char* bin : {"971005", "971011", "971025"}) {
    auto found = institutions->FindByBin(bin);
    ASSERT_TRUE(found && *found) << bin;
    EXPECT_EQ((*found)->institution.kind, core::PaymentInstitutionKind::kMobileMoney) << bin;
  }
  auto vbsp = institutions->FindByBin("999888");
  ASSERT_TRUE(vbsp && *vbsp);
  EXPECT_EQ((*vbsp)->institution.kind, core::PaymentInstitutionKind::kBank);
}

TEST_P(InitServiceTest, ReferenceCodesFromTheStoreMatchTheFiles) {
  ASSERT_TRUE(Init());
  auto from_db = LoadReferenceCodesFromDatabase(database());
  ASSERT_TRUE(from_db) << from_db.error().message;
  auto from_files = formats::LoadReferenceCodes(ANSINH_REFERENCE_DATA_DIR);
  ASSERT_TRUE(from_files) << from_files.error().message;
  EXPECT_EQ(from_db->citizen_id_province_codes, from_files->citizen_id_province_codes);
  EXPECT_EQ(from_db->mobile_prefixes.size(), from_files->mobile_prefixes.size());
  EXPECT_EQ(from_db->institutions.size(), from_files->institutions.size());
  EXPECT_EQ(from_db->institutions.at("971011").code, "VNPTMONEY");
}

TEST_P(InitServiceTest, BrokenDataFileLoadsNothing) {
  testing_support::TempDir broken;
  std::filesystem::copy(ANSINH_REFERENCE_DATA_DIR, broken.path(),
                        std::filesystem::copy_options::recursive);
  std::ofstream(broken.path() / "policy_rates.csv", std::ios::app)
      << "BAD,BTXH,x,COEFFICIENT,,,abc,,2021-07-01,,law\n";
  auto summary = InitDatabase(database(), broken.path().string());
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, "reference.bad_decimal");
  ASSERT_EQ(summary.error().details.size(), 1u);
  EXPECT_EQ(summary.error().details[0].row, 222);
  EXPECT_EQ(summary.error().details[0].field, "coefficient");
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto count = store::MakeAdminUnitStore(**session)->CountUnits(AdminEdition::kPre2025,
                                                                 AdminLevel::kProvince);
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 0);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(InitServiceTest);

}  // namespace
}  // namespace ansinh::app
