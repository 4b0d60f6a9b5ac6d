// `ansinh init --demo 38`: the generator's inputs read from the database
// match those read from the shipped files (same seed, same file); the
// generated province goes through the real import use case into SQLite and
// PostgreSQL with zero errors, and a second run changes nobody.
#include <chrono>
#include <cstdlib>
#include <sstream>

#include <gtest/gtest.h>

#include "app/demo_import.h"
#include "app/demo_inputs.h"
#include "app/init_service.h"
#include "integration/test_database.h"

namespace ansinh::app {
namespace {

constexpr std::int64_t kInitSize = 2'000;

class DemoInitTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ::setenv("ANSINH_MIGRATIONS_DIR", testing_support::SourceMigrationsRoot().c_str(), 1);
    auto initialised = InitDatabase(database(), ANSINH_REFERENCE_DATA_DIR);
    ASSERT_TRUE(initialised) << initialised.error().code << " " << initialised.error().message;
  }
  void TearDown() override {
    ::unsetenv("ANSINH_MIGRATIONS_DIR");
    BackendTest::TearDown();
  }

  // 15 March 2025: the demo is paid through February.
  static ChangeContext Context() {
    using namespace std::chrono;
    const sys_days day = year{2025} / March / 15;
    return ChangeContext{"test:demo", sys_seconds(day) + hours(9), "init --demo 38"};
  }

  Result<DemoImportSummary> Import() {
    return ImportDemoProvince(database(), DemoImportRequest{"38", kInitSize, 3}, Context());
  }
};

std::string Csv(const DemoInputs& inputs) {
  std::ostringstream out;
  auto written = WriteDemoCsv(inputs, DemoOptions{kInitSize, 5, *core::Period::FromYearMonth(2025, 3)},
                              out);
  EXPECT_TRUE(written) << written.error().code;
  return out.str();
}

TEST_P(DemoInitTest, DatabaseAndFilesGiveTheSameDemo) {
  auto from_database = LoadDemoInputs(database(), "38");
  ASSERT_TRUE(from_database) << from_database.error().code << " " << from_database.error().message;
  auto from_files = LoadDemoInputs(ANSINH_REFERENCE_DATA_DIR, "38");
  ASSERT_TRUE(from_files) << from_files.error().code;
  EXPECT_EQ(from_database->province_name, "Tỉnh Thanh Hóa");
  EXPECT_EQ(from_database->communes.size(), from_files->communes.size());
  EXPECT_GT(from_database->communes.size(), 400u);
  EXPECT_EQ(Csv(*from_database), Csv(*from_files));
}

TEST_P(DemoInitTest, UnknownProvinceIsNotFound) {
  auto missing = LoadDemoInputs(database(), "99");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "demo.province_unknown");
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

TEST_P(DemoInitTest, TwoThousandPeopleImportWithZeroErrors) {
  auto summary = Import();
  ASSERT_TRUE(summary) << summary.error().code << " " << summary.error().message;
  const ImportReport& report = summary->import;
  EXPECT_TRUE(report.committed);
  EXPECT_EQ(report.rejected_rows, 0);
  EXPECT_EQ(report.error_count, 0);
  EXPECT_EQ(report.beneficiaries, kInitSize);
  EXPECT_EQ(report.data_rows, summary->demo.rows);
  EXPECT_EQ(report.entitlements, summary->demo.rows);
  EXPECT_EQ(report.findings, summary->demo.dirty.total());
  EXPECT_EQ(summary->period, "2025-03");
  EXPECT_EQ(summary->paid_through, "2025-02");
}

TEST_P(DemoInitTest, RunningItAgainChangesNobody) {
  auto first = Import();
  ASSERT_TRUE(first) << first.error().code << " " << first.error().message;
  auto second = Import();
  ASSERT_TRUE(second) << second.error().code << " " << second.error().message;
  EXPECT_EQ(second->import.rejected_rows, 0);
  EXPECT_EQ(second->import.beneficiaries, kInitSize);
  EXPECT_EQ(second->import.history_entries, 0);
}

TEST_P(DemoInitTest, SizeIsBounded) {
  auto too_big = ImportDemoProvince(
      database(), DemoImportRequest{"38", DemoImportRequest::kMaxSize + 1, 1}, Context());
  ASSERT_FALSE(too_big);
  EXPECT_EQ(too_big.error().code, "demo.size_out_of_range");
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(DemoInitTest);

}  // namespace
}  // namespace ansinh::app
