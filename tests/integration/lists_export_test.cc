// `ansinh lists` on both stores: every person lands on the one list their
// payment method puts them on, terminated people on none, an invalid account
// is listed and flagged, and the XLSX and JSON files say the same.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "app/import_service.h"
#include "app/lists_service.h"
#include "formats/xlsx_reader.h"
#include "integration/registry_test_fixture.h"

namespace ansinh::app {
namespace {

using testing_support::ImportCells;

ImportCells Account(const std::string& bin, const std::string& account, const std::string& holder) {
  return {{"hinh_thuc", "TAI_KHOAN"}, {"ma_ngan_hang", bin}, {"so_tai_khoan", account},
          {"ten_chu_tai_khoan", holder}};
}

ImportCells Person(const std::string& code, const std::string& name, const std::string& commune,
                   const std::string& citizen_id, ImportCells extra) {
  extra.insert({{"ma_doi_tuong", code}, {"ho_ten", name}, {"ma_xa", commune},
                {"so_dinh_danh", citizen_id}});
  return extra;
}

ImportCells Ncc(ImportCells cells) {
  cells.insert({{"nhom", "NCC"}, {"ma_che_do", "NCC-I.3.1-1"}, {"so_tien", "2789000"}});
  return cells;
}

ImportCells Representative(const std::string& kind, const std::string& name,
                           const std::string& citizen_id, const std::string& relationship) {
  return {{"nguoi_nhan", kind}, {"nguoi_nhan_ho_ten", name},
          {"nguoi_nhan_so_dinh_danh", citizen_id}, {"nguoi_nhan_quan_he", relationship}};
}

ImportCells Merge(ImportCells a, const ImportCells& b) {
  a.insert(b.begin(), b.end());
  return a;
}

// Communes 00001 and 00004 are in district 001 (Ba Đình); 00037 is not.
std::string RegisterFile() {
  const auto vcb = [](const std::string& account, const std::string& holder) {
    return Account("970436", account, holder);
  };
  return testing_support::ImportCsv({
      Ncc(Person("N01", "Nguyễn Văn An", "00001", "001050123401", vcb("0123456701", "NGUYEN VAN AN"))),
      Ncc(Person("N02", "Lê Văn Bảo", "00004", "001050123402",
                 Merge(vcb("0123456702", "LE THI HOA"),
                       Representative("UY_QUYEN", "Lê Thị Hoa", "001180123402", "Con")))),
      Person("B01", "Phạm Thị Cúc", "00001", "001150123403",
             {{"gioi_tinh", "Nữ"}, {"hinh_thuc", "VI_DIEN_TU"}, {"ma_ngan_hang", "971005"},
              {"so_tai_khoan", "0912345603"}, {"ten_chu_tai_khoan", "PHAM THI CUC"}}),
      Person("B02", "Đỗ Minh Đức", "00001", "001050123404",
             Merge(vcb("0123456704", "DO VAN EM"),
                   Representative("GIAM_HO", "Đỗ Văn Em", "001085123404", "Anh trai"))),
      Person("B03", "Hoàng Văn Giang", "00004", "001050123405", {}),
      Person("B04", "Vũ Văn Hải", "00001", "001050123406",
             {{"hinh_thuc", "TAI_NHA"}, {"truong_hop_dac_biet", "C"}}),
      Person("B05", "Trịnh Văn Khoa", "00001", "001050123407", vcb("0123456707", "TRINH VAN KHOA")),
      Person("B06", "Mai Văn Long", "00004", "001050123408", vcb("12-34#", "MAI VAN LONG")),
      Person("X01", "Ngô Văn Minh", "00037", "001050123409", vcb("0123456709", "NGO VAN MINH")),
  });
}

class ListsExportTest : public testing_support::RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ImportOptions options;
    auto report = ImportBeneficiaryBytes(session(), codes(), "dang_ky.csv", RegisterFile(),
                                         options, By("cli:test"));
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_TRUE(report->committed) << ToJson(*report).dump();
    StatusChange terminate;
    terminate.kind = StatusChange::Kind::kTerminate;
    terminate.reason = core::TerminationReason::kIneligible;
    terminate.date = *core::Date::Parse("20/09/2024");
    auto terminated = RegistryService(session(), codes()).ChangeStatus("B05", terminate, By("cli:test", 1));
    ASSERT_TRUE(terminated) << terminated.error().message;
  }

  Result<ListsExportReport> Export(const std::string& unit) {
    auto lists = CollectRegistrationLists(session(), unit, Day(2));
    if (!lists) return Fail(std::move(lists.error()));
    return WriteRegistrationLists(*lists, codes(), out_.path(), {"xa_tester", Day(2)});
  }

  std::vector<formats::XlsxRow> Sheet(const ListsExportReport& report, const std::string& name) {
    auto rows = formats::ReadXlsxFile(report.xlsx_file, name);
    EXPECT_TRUE(rows) << rows.error().message;
    return rows ? *rows : std::vector<formats::XlsxRow>{};
  }

  static nlohmann::json ReadJson(const std::filesystem::path& path) {
    std::ifstream file(path);
    return nlohmann::json::parse(file);
  }

  testing_support::TempDir out_;
};

// Row layout of every sheet: title, unit, date, watermark, header, data, count line.
constexpr std::size_t kWatermarkRow = 3;
constexpr std::size_t kHeaderRow = 4;
constexpr std::size_t kFirstDataRow = 5;

std::vector<std::string> Codes(const std::vector<formats::XlsxRow>& rows) {
  std::vector<std::string> codes;
  for (std::size_t i = kFirstDataRow; i + 1 < rows.size(); ++i) codes.emplace_back(rows[i].Cell(1));
  return codes;
}

std::size_t Column(const formats::XlsxRow& header, const std::string& name) {
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    if (header.cells[i] == name) return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

TEST_P(ListsExportTest, CommuneExportPutsEachPersonOnTheirList) {
  auto report = Export("00001");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->xlsx_file.filename(), "danh-sach-dang-ky-00001.xlsx");
  EXPECT_EQ(report->counts, (std::array<std::int64_t, 6>{1, 0, 1, 1, 0, 1}));
  auto workbook = formats::XlsxWorkbook::OpenFile(report->xlsx_file);
  ASSERT_TRUE(workbook) << workbook.error().message;
  EXPECT_EQ(workbook->SheetNames(),
            (std::vector<std::string>{"a) NCC - tài khoản", "b) NCC - người nhận thay",
                                      "c) BTXH - tài khoản", "d) BTXH - người nhận thay",
                                      "Tiền mặt - điểm chi trả", "Tiền mặt - tại nhà"}));
  const auto a = Sheet(*report, "a) NCC - tài khoản");
  ASSERT_EQ(a.size(), 7u);
  EXPECT_NE(a[0].Cell(0).find("người có công"), std::string_view::npos);
  EXPECT_NE(a[1].Cell(0).find("Phường Phúc Xá"), std::string_view::npos);
  EXPECT_EQ(a[2].Cell(0), "Ngày xuất: 17/09/2024");
  EXPECT_EQ(a[kWatermarkRow].Cell(0).rfind("Xuất bởi xa_tester lúc ", 0), 0u);
  EXPECT_NE(a[kWatermarkRow].Cell(0).find("17/09/2024 (giờ Việt Nam)"), std::string_view::npos);
  const std::vector<std::string> expected_head = {"STT", "Mã đối tượng", "Họ và tên", "Ngày sinh",
                                                  "Giới tính", "Số định danh", "Xã/phường",
                                                  "Hình thức", "Ngân hàng", "Số tài khoản",
                                                  "Tên chủ tài khoản", "Tình trạng tài khoản"};
  EXPECT_EQ(a[kHeaderRow].cells, expected_head);
  const std::vector<std::string> expected_row = {
      "1", "N01", "Nguyễn Văn An", "07/03/1950", "Nam", "001050123401", "Phường Phúc Xá",
      "Tài khoản ngân hàng", a[kFirstDataRow].cells[8], "0123456701", "NGUYEN VAN AN", "Hợp lệ"};
  EXPECT_EQ(a[kFirstDataRow].cells, expected_row);
  EXPECT_NE(a[kFirstDataRow].cells[8].find("970436"), std::string::npos);
  EXPECT_EQ(a.back().Cell(0), "Tổng số người: 1");
  EXPECT_EQ(Codes(Sheet(*report, "c) BTXH - tài khoản")), std::vector<std::string>{"B01"});
  EXPECT_EQ(Codes(Sheet(*report, "Tiền mặt - tại nhà")), std::vector<std::string>{"B04"});
  EXPECT_TRUE(Codes(Sheet(*report, "Tiền mặt - điểm chi trả")).empty());
}

TEST_P(ListsExportTest, RepresentativeListsNameTheRecipient) {
  auto report = Export("00001");
  ASSERT_TRUE(report) << report.error().message;
  const auto d = Sheet(*report, "d) BTXH - người nhận thay");
  ASSERT_EQ(d.size(), 7u);
  const auto& header = d[kHeaderRow];
  const auto& row = d[kFirstDataRow];
  EXPECT_EQ(row.Cell(Column(header, "Mã đối tượng")), "B02");
  EXPECT_EQ(row.Cell(Column(header, "Người nhận")), "Đỗ Văn Em");
  EXPECT_EQ(row.Cell(Column(header, "Số định danh người nhận")), "001085123404");
  EXPECT_EQ(row.Cell(Column(header, "Quan hệ")), "Anh trai");
  EXPECT_EQ(row.Cell(Column(header, "Tư cách người nhận")), "Người giám hộ");
  EXPECT_EQ(row.Cell(Column(header, "Số tài khoản")), "0123456704");
}

TEST_P(ListsExportTest, DistrictExportCoversItsCommunesOnly) {
  auto report = Export("001");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->counts, (std::array<std::int64_t, 6>{1, 1, 2, 1, 1, 1}));
  EXPECT_EQ(Codes(Sheet(*report, "c) BTXH - tài khoản")), (std::vector<std::string>{"B01", "B06"}));
  const auto b = Sheet(*report, "b) NCC - người nhận thay");
  ASSERT_EQ(b.size(), 7u);
  EXPECT_EQ(b[kFirstDataRow].Cell(Column(b[kHeaderRow], "Người nhận")), "Lê Thị Hoa");
  EXPECT_EQ(b[kFirstDataRow].Cell(Column(b[kHeaderRow], "Xã/phường")), "Phường Trúc Bạch");
  const auto cash = Sheet(*report, "Tiền mặt - điểm chi trả");
  EXPECT_EQ(Codes(cash), std::vector<std::string>{"B03"});
  EXPECT_EQ(cash[kHeaderRow].Cell(Column(cash[kHeaderRow], "Tình trạng")), "Tình trạng");
}

TEST_P(ListsExportTest, InvalidAccountIsListedAndFlaggedWithTheReason) {
  auto report = Export("00004");
  ASSERT_TRUE(report) << report.error().message;
  const auto c = Sheet(*report, "c) BTXH - tài khoản");
  ASSERT_EQ(Codes(c), std::vector<std::string>{"B06"});
  const std::string status(c[kFirstDataRow].Cell(Column(c[kHeaderRow], "Tình trạng tài khoản")));
  EXPECT_EQ(status.rfind("Tài khoản chưa hợp lệ: ", 0), 0u) << status;
  EXPECT_GT(status.size(), std::string("Tài khoản chưa hợp lệ: ").size());
  EXPECT_EQ(c[kFirstDataRow].Cell(Column(c[kHeaderRow], "Số tài khoản")), "12-34#");
}

TEST_P(ListsExportTest, JsonHoldsTheSameListsAndCounts) {
  auto report = Export("001");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->json_file.filename(), "danh-sach-dang-ky-001.json");
  const nlohmann::json json = ReadJson(report->json_file);
  EXPECT_EQ(json["unit"]["code"], "001");
  EXPECT_EQ(json["exported_on"], "17/09/2024");
  EXPECT_EQ(json["exported_by"], "xa_tester");
  EXPECT_EQ(json["exported_at"].get<std::string>().rfind("2024-09-1", 0), 0u);
  EXPECT_EQ(json["lists"]["a"]["header_lines"][3].get<std::string>().rfind("Xuất bởi xa_tester", 0),
            0u);
  const std::map<std::string, std::size_t> counts = {{"a", 1}, {"b", 1}, {"c", 2}, {"d", 1},
                                                     {"cash_paypoint", 1}, {"cash_home", 1}};
  for (const auto& [key, count] : counts) {
    EXPECT_EQ(json["lists"][key]["count"], count) << key;
    EXPECT_EQ(json["lists"][key]["rows"].size(), count) << key;
  }
  const auto& d = json["lists"]["d"]["rows"][0];
  EXPECT_EQ(d["ma_doi_tuong"], "B02");
  EXPECT_EQ(d["so_dinh_danh_nguoi_nhan"], "001085123404");
  EXPECT_EQ(json["lists"]["cash_home"]["rows"][0]["hinh_thuc"], "Tiền mặt tại nhà");
  const nlohmann::json summary = ToJson(*report);
  EXPECT_EQ(summary["counts"]["c"], 2);
  EXPECT_EQ(summary["files"].size(), 2u);
}

TEST_P(ListsExportTest, TerminatedAndOtherDistrictPeopleAreOnNoList) {
  auto report = Export("01");
  ASSERT_TRUE(report) << report.error().message;
  const nlohmann::json json = ReadJson(report->json_file);
  std::int64_t listed = 0;
  for (const auto& [key, list] : json["lists"].items()) {
    for (const auto& row : list["rows"]) {
      EXPECT_NE(row["ma_doi_tuong"], "B05") << key;
      ++listed;
    }
  }
  EXPECT_EQ(listed, 8);  // the province holds X01 as well
}

TEST_P(ListsExportTest, AnExportLeavesOneAuditEntryWithItsRowCount) {
  auto lists = CollectRegistrationLists(session(), "001", Day(2));
  ASSERT_TRUE(lists) << lists.error().message;
  EXPECT_EQ(RowCount(*lists), 7);
  const AuditActor actor{std::nullopt, "xa_tester", "cli", ""};
  ASSERT_TRUE(AuditListsExport(session(), actor, *lists, "xlsx+json", {{"view", "full"}}));
  auto rows = session().Query(
      "SELECT actor, object_type, object_id, after_json FROM audit_log WHERE action = "
      "'lists.export' ORDER BY seq");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->Text(0, 0), "xa_tester");
  EXPECT_EQ(rows->Text(0, 1), "registration_list");
  EXPECT_EQ(rows->Text(0, 2), "001");
  const auto detail = nlohmann::json::parse(rows->Text(0, 3));
  EXPECT_EQ(detail["rows"], 7);
  EXPECT_EQ(detail["format"], "xlsx+json");
  EXPECT_EQ(detail["view"], "full");
  EXPECT_EQ(detail["edition"], lists->edition);
}

TEST_P(ListsExportTest, UnknownUnitIsNotFound) {
  for (const std::string unit : {"99999", "999", "7", ""}) {
    auto lists = CollectRegistrationLists(session(), unit, Day(2));
    ASSERT_FALSE(lists) << unit;
    EXPECT_EQ(lists.error().kind, ErrorKind::kNotFound);
    EXPECT_EQ(lists.error().code, "lists.unit_not_found");
    EXPECT_NE(lists.error().message.find("\"" + unit + "\""), std::string::npos);
  }
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(ListsExportTest);

}  // namespace
}  // namespace ansinh::app
