// `ansinh import beneficiaries` on both stores: all-or-nothing, partial,
// dry run, idempotent re-import, and nothing left behind when the database
// fails halfway through the write.
#include <gtest/gtest.h>

#include <set>

#include "app/audit_log.h"
#include "app/import_service.h"
#include "integration/fault_session.h"
#include "integration/registry_test_fixture.h"

namespace ansinh::app {
namespace {

using testing_support::ImportCsv;

class ImportBeneficiariesTest : public testing_support::RegistryTest {
 protected:
  Result<ImportReport> Import(store::SqlSession& on, const std::string& csv,
                              ImportOptions options = {}) {
    return ImportBeneficiaryBytes(on, codes(), "danh_sach.csv", csv, options, By("cli:test"));
  }
  Result<ImportReport> Import(const std::string& csv, ImportOptions options = {}) {
    return Import(session(), csv, options);
  }
  std::int64_t Written() {
    return Count("beneficiaries") + Count("entitlements") + Count("payment_methods") +
           Count("findings") + Count("beneficiary_history") + Count("import_runs");
  }
};

// Two people; BT002 has two entitlements, an account and a representative.
std::string GoodFile() {
  return ImportCsv({{{"so_dinh_danh", ""}},
                    {{"ma_doi_tuong", "BT002"}, {"ho_ten", "Trần Thị Bình"}, {"gioi_tinh", "Nữ"},
                     {"so_dinh_danh", "001150123456"}, {"hinh_thuc", "TAI_KHOAN"},
                     {"nguoi_nhan", "UY_QUYEN"}, {"nguoi_nhan_ho_ten", "Trần Văn Cường"},
                     {"nguoi_nhan_so_dinh_danh", "001080123456"}, {"nguoi_nhan_quan_he", "Con"},
                     {"ma_ngan_hang", "970436"}, {"so_tai_khoan", "0123456789"},
                     {"ten_chu_tai_khoan", "TRAN VAN CUONG"}},
                    {{"ma_doi_tuong", "BT002"}, {"ho_ten", "Trần Thị Bình"}, {"gioi_tinh", "Nữ"},
                     {"so_dinh_danh", "001150123456"}, {"ma_che_do", "BTXH-5.5c"},
                     {"hinh_thuc", "TAI_KHOAN"}, {"nguoi_nhan", "UY_QUYEN"},
                     {"nguoi_nhan_ho_ten", "Trần Văn Cường"},
                     {"nguoi_nhan_so_dinh_danh", "001080123456"}, {"nguoi_nhan_quan_he", "Con"},
                     {"ma_ngan_hang", "970436"}, {"so_tai_khoan", "0123456789"},
                     {"ten_chu_tai_khoan", "TRAN VAN CUONG"}}});
}

std::string FileWithBadRow() {
  return ImportCsv({{}, {{"ma_doi_tuong", "BT009"}, {"ma_xa", "99999"}}});
}

TEST_P(ImportBeneficiariesTest, WritesPeopleEntitlementsMethodsAndFindings) {
  auto report = Import(GoodFile());
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->accepted_rows, 3);
  EXPECT_EQ(Count("beneficiaries"), 2);
  EXPECT_EQ(Count("entitlements"), 3);
  EXPECT_EQ(Count("representatives"), 1);
  EXPECT_EQ(Count("payment_methods"), 2);
  EXPECT_GE(Count("findings"), 1);  // BT001 has no citizen ID
  EXPECT_EQ(Count("beneficiary_history"), 2);
  EXPECT_EQ(Count("import_runs"), 1);
}

TEST_P(ImportBeneficiariesTest, AllOrNothingWritesNothingAndReportsEveryError) {
  auto report = Import(FileWithBadRow());
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->committed);
  EXPECT_TRUE(report->rejected());
  EXPECT_EQ(report->rejected_rows, 1);
  ASSERT_FALSE(report->errors.empty());
  EXPECT_EQ(report->errors[0].row, 3);
  EXPECT_EQ(report->errors[0].field, "ma_xa");
  EXPECT_FALSE(report->errors[0].message.empty());
  EXPECT_EQ(Written(), 0);
}

TEST_P(ImportBeneficiariesTest, PartialWritesTheGoodRows) {
  ImportOptions options;
  options.partial = true;
  auto report = Import(FileWithBadRow(), options);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->committed);
  EXPECT_FALSE(report->rejected());
  EXPECT_EQ(report->rejected_rows, 1);
  EXPECT_EQ(Count("beneficiaries"), 1);
}

TEST_P(ImportBeneficiariesTest, DryRunWritesNothing) {
  ImportOptions options;
  options.dry_run = true;
  auto report = Import(GoodFile(), options);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->accepted_rows, 3);
  EXPECT_FALSE(report->committed);
  EXPECT_EQ(Written(), 0);
}

TEST_P(ImportBeneficiariesTest, ReimportUpdatesAndNeverDuplicates) {
  ASSERT_TRUE(Import(GoodFile()));
  const auto findings = Count("findings");
  auto again = Import(GoodFile());
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->history_entries, 0);
  EXPECT_EQ(Count("beneficiaries"), 2);
  EXPECT_EQ(Count("entitlements"), 3);
  EXPECT_EQ(Count("findings"), findings);
  EXPECT_EQ(Count("beneficiary_history"), 2);
  auto renamed = Import(ImportCsv({{{"so_dinh_danh", ""}, {"dia_chi", "Thôn Tây"}}}));
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->history_entries, 1);
  EXPECT_EQ(Count("entitlements"), 3);
}

TEST_P(ImportBeneficiariesTest, FailureHalfwayThroughTheWriteLeavesNothing) {
  testing_support::FaultInjectingSession probe(session());
  ASSERT_TRUE(Import(probe, GoodFile(), {}));
  const int writes = probe.executes_seen();
  ASSERT_GT(writes, 3);
  // A fresh database for the faulty run: the probe's rows are removed first.
  for (const char* table : {"beneficiary_history", "findings", "payment_methods", "representatives",
                            "entitlements", "import_runs", "beneficiaries"}) {
    ASSERT_TRUE(session().Execute(std::string("DELETE FROM ") + table));
  }
  for (int n = 1; n <= writes; ++n) {
    testing_support::FaultInjectingSession faulty(session());
    faulty.FailExecuteNumber(n);
    auto report = Import(faulty, GoodFile(), {});
    ASSERT_TRUE(faulty.fault_fired()) << n;
    ASSERT_FALSE(report) << n;
    EXPECT_EQ(report.error().code, "db.injected_fault");
    EXPECT_EQ(Written(), 0) << "after a fault at write " << n;
  }
}

TEST_P(ImportBeneficiariesTest, EveryRowErrorCodeReachesTheReport) {
  ImportOptions options;
  options.partial = true;
  auto report = Import(ImportCsv({{{"ma_doi_tuong", "A1"}, {"ma_xa", "99999"}},
                                  {{"ma_doi_tuong", "A2"}, {"ma_che_do", "NO-SUCH"}},
                                  {{"ma_doi_tuong", "A3"}, {"ma_che_do", "NCC-I.3.1-1"}},
                                  {{"ma_doi_tuong", "A4"}, {"hinh_thuc", "TAI_NHA"}},
                                  {{"ma_doi_tuong", "A5"}, {"nguoi_nhan", "UY_QUYEN"}},
                                  {{"ma_doi_tuong", "A6"}, {"ngay_sinh", "31/02/1950"}},
                                  {{"ma_doi_tuong", "A7"}, {"thang_bat_dau", "13/2024"}}}),
                       options);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->rejected_rows, 7);
  std::set<long> rows;
  for (const auto& error : report->errors) {
    rows.insert(error.row);
    EXPECT_FALSE(error.code.empty());
    EXPECT_FALSE(error.field.empty());
    EXPECT_FALSE(error.message.empty());
  }
  EXPECT_EQ(rows, (std::set<long>{2, 3, 4, 5, 6, 7, 8}));
  const auto json = ToJson(*report);
  EXPECT_EQ(json["errors"].size(), report->errors.size());
  EXPECT_TRUE(json["errors"][0].contains("column"));
}

// One citizen ID on two people: both stored, each with a worklist finding
// naming the other, found through the blind index; a re-import adds none; the
// import is one entry of the audit log.
TEST_P(ImportBeneficiariesTest, ACitizenIdHeldByTwoPeopleIsAFindingOnEach) {
  const std::string file = ImportCsv({{{"ma_doi_tuong", "DUP1"}, {"so_dinh_danh", "001150123456"}},
                                      {{"ma_doi_tuong", "DUP2"}, {"so_dinh_danh", "001150123456"}},
                                      {{"ma_doi_tuong", "DUP3"}, {"so_dinh_danh", "001150654321"}}});
  ASSERT_TRUE(Import(file));
  const auto duplicates = [this] {
    auto rows = session().Query(
        "SELECT b.code, f.message FROM findings f JOIN beneficiaries b ON b.id = f.beneficiary_id"
        " WHERE f.code = 'citizen_id.duplicate' ORDER BY b.code");
    EXPECT_TRUE(rows) << rows.error().message;
    std::vector<std::string> found;
    for (std::size_t r = 0; rows && r < rows->size(); ++r) {
      found.push_back(rows->Text(r, 0) + ":" + rows->Text(r, 1));
    }
    return found;
  };
  const auto first = duplicates();
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].rfind("DUP1:", 0), 0u);
  EXPECT_NE(first[0].find("đối tượng DUP2"), std::string::npos);
  EXPECT_EQ(first[1].rfind("DUP2:", 0), 0u);
  EXPECT_NE(first[1].find("đối tượng DUP1"), std::string::npos);
  ASSERT_TRUE(Import(file));
  EXPECT_EQ(duplicates(), first);
  auto imports =
      session().Query("SELECT COUNT(*) FROM audit_log WHERE action = 'import.beneficiaries'");
  ASSERT_TRUE(imports) << imports.error().message;
  EXPECT_EQ(imports->Int64(0, 0), 2);  // one entry per committed import
  auto verified = VerifyAuditLog(database());
  ASSERT_TRUE(verified) << verified.error().message;
  EXPECT_FALSE(verified->first_break);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(ImportBeneficiariesTest);

}  // namespace
}  // namespace ansinh::app
