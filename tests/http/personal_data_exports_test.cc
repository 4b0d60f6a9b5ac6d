// Black-box: personal data leaving the server (issue 6 item 5). The
// registration lists — over HTTP and from `ansinh lists` — carry who
// exported them and when (a visible XLSX line, document properties, JSON
// fields) and each export leaves one audit entry with its row count; the
// register's history never shows citizen IDs, phones or account numbers in
// clear in its before/after values unless the audited full view was asked for.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "formats/xlsx_reader.h"
#include "formats/xlsx_zip.h"
#include "http/registry_api_support.h"
#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

constexpr const char* kPersonId = "001050777001";
constexpr const char* kPhone = "0912777001";
constexpr const char* kRepresentativeId = "001085777002";
constexpr const char* kOldAccount = "1234777003";
constexpr const char* kNewAccount = "5678777004";

Cells Person(const std::string& account) {
  return Merge(
      Merge({{"ma_doi_tuong", "PD001"}, {"so_dinh_danh", kPersonId}, {"so_dien_thoai", kPhone}},
            BankAccount(account, "NGUYEN VAN AN")),
      {{"nguoi_nhan", "UY_QUYEN"},
       {"nguoi_nhan_ho_ten", "Nguyễn Văn Bảo"},
       {"nguoi_nhan_so_dinh_danh", kRepresentativeId},
       {"nguoi_nhan_quan_he", "Con"}});
}

class PersonalDataExportsTest : public SharedServerTest<PersonalDataExportsTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    // The account changes between two imports: the history then holds both.
    if (!ImportWithCli(workspace, ImportFile({Person(kOldAccount)}), error)) return false;
    if (!ImportWithCli(workspace, ImportFile({Person(kNewAccount)}), error)) return false;
    return AddUser(workspace.db_url, "xa_pd", "commune_officer", kBaDinh, error) &&
           AddUser(workspace.db_url, "tinh_pd", "province_officer", "01", error);
  }

 protected:
  static ApiSession As(const std::string& username) { return LoginAs(server_->port(), username); }

  static std::vector<nlohmann::json> ExportDetails() {
    return AuditDetails(workspace_->db_url, "lists.export");
  }
};

TEST_F(PersonalDataExportsTest, HistoryMasksEveryIdentifierInBeforeAndAfter) {
  const HttpReply history = As("xa_pd").Get("/api/v1/beneficiaries/PD001/history");
  ASSERT_EQ(history.status, 200) << history.body;
  const auto entries = Json(history)["entries"];
  ASSERT_EQ(entries.size(), 2u) << history.body;
  EXPECT_EQ(entries[1]["change_kind"], "account_changed");
  EXPECT_FALSE(entries[1]["before"].is_null());
  for (const char* secret : {kPersonId, kPhone, kRepresentativeId, kOldAccount, kNewAccount}) {
    EXPECT_EQ(history.body.find(secret), std::string::npos) << secret;
  }
  EXPECT_EQ(entries[1]["before"]["payment_method"]["account_number"], "******7003");
  EXPECT_EQ(entries[1]["after"]["payment_method"]["account_number"], "******7004");
  EXPECT_EQ(entries[1]["after"]["beneficiary"]["phone"], "******7001");
  EXPECT_EQ(entries[1]["after"]["representative"]["citizen_id"], "********7002");

  const std::size_t viewed = AuditEntries(workspace_->db_url, "beneficiary.full_view").size();
  const HttpReply full = As("xa_pd").Get("/api/v1/beneficiaries/PD001/history?view=full");
  ASSERT_EQ(full.status, 200);
  EXPECT_NE(full.body.find(kOldAccount), std::string::npos);
  EXPECT_NE(full.body.find(kRepresentativeId), std::string::npos);
  EXPECT_EQ(AuditEntries(workspace_->db_url, "beneficiary.full_view").size(), viewed + 1);
  const HttpReply refused = As("tinh_pd").Get("/api/v1/beneficiaries/PD001/history?view=full");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body.find(kOldAccount), std::string::npos);
}

TEST_F(PersonalDataExportsTest, ListsOverHttpAreStampedAndAuditedWithTheirRowCount) {
  const std::size_t before = ExportDetails().size();
  const HttpReply json = As("xa_pd").Get(std::string("/api/v1/lists?unit=") + kBaDinh);
  ASSERT_EQ(json.status, 200) << json.body;
  EXPECT_EQ(Json(json)["exported_by"], "xa_pd");
  EXPECT_EQ(Json(json)["exported_at"].get<std::string>().size(), 20u);
  const HttpReply xlsx =
      As("xa_pd").Get(std::string("/api/v1/lists?unit=") + kBaDinh + "&list=b&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  const auto rows = formats::ReadXlsxBuffer(xlsx.body, "b) NCC - người nhận thay");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_GE(rows->size(), 4u);
  EXPECT_EQ((*rows)[3].Cell(0).rfind("Xuất bởi xa_pd lúc ", 0), 0u);
  auto zip = formats::xlsx::ZipArchive::Open(xlsx.body, 100);
  ASSERT_TRUE(zip);
  const auto core_xml = zip->Read("docProps/core.xml", 1 << 20);
  ASSERT_TRUE(core_xml);
  EXPECT_NE(core_xml->find("<dc:creator>xa_pd</dc:creator>"), std::string::npos);

  const auto details = ExportDetails();
  ASSERT_EQ(details.size(), before + 2);
  EXPECT_EQ(details[before]["format"], "json");
  EXPECT_EQ(details[before]["rows"], 1);  // PD001, on list d (BTXH, representative)
  EXPECT_EQ(details[before]["list"], "all");
  EXPECT_EQ(details[before + 1]["format"], "xlsx");
  EXPECT_EQ(details[before + 1]["rows"], 0);  // list b only: nobody on it
}

TEST_F(PersonalDataExportsTest, ListsFromTheCommandLineAreStampedAndAudited) {
  const std::size_t before = ExportDetails().size();
  const auto out = workspace_->root / "lists-out";
  const ProcessResult lists =
      RunAnsinh({"lists", "--db", workspace_->db_url, "--unit", kBaDinh, "--edition", "2025",
                 "--out", out.string(), "--as", "can_bo_xa"});
  ASSERT_EQ(lists.exit_code, 0) << lists.stderr_text;
  std::ifstream file(out / (std::string("danh-sach-dang-ky-") + kBaDinh + ".json"));
  const auto json = nlohmann::json::parse(file, nullptr, false);
  EXPECT_EQ(json["exported_by"], "can_bo_xa");
  const auto rows = formats::ReadXlsxFile(
      out / (std::string("danh-sach-dang-ky-") + kBaDinh + ".xlsx"), "d) BTXH - người nhận thay");
  ASSERT_TRUE(rows) << rows.error().message;
  EXPECT_EQ((*rows)[3].Cell(0).rfind("Xuất bởi can_bo_xa lúc ", 0), 0u);
  const auto details = ExportDetails();
  ASSERT_EQ(details.size(), before + 1);
  EXPECT_EQ(details[before]["rows"], 1);
  const auto entries = AuditEntries(workspace_->db_url, "lists.export");
  EXPECT_EQ(entries.back().actor, "can_bo_xa");
  EXPECT_EQ(entries.back().source_address, "cli");
}

}  // namespace
}  // namespace ansinh::http::testing
