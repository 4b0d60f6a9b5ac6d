#include "formats/beneficiary_import.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "formats/xlsx_writer.h"
#include "unit/core_test_codes.h"
#include "unit/error_expectations.h"

namespace ansinh::formats {
namespace {

const std::vector<std::string> kKeys = {"ma_doi_tuong",
                                        "ho_ten",
                                        "ngay_sinh",
                                        "gioi_tinh",
                                        "so_dinh_danh",
                                        "so_dien_thoai",
                                        "ma_xa",
                                        "dia_chi",
                                        "nhom",
                                        "ma_che_do",
                                        "so_tien",
                                        "thang_bat_dau",
                                        "da_chi_den_thang",
                                        "hinh_thuc",
                                        "nguoi_nhan",
                                        "nguoi_nhan_ho_ten",
                                        "nguoi_nhan_so_dinh_danh",
                                        "nguoi_nhan_quan_he",
                                        "ma_ngan_hang",
                                        "so_tai_khoan",
                                        "ten_chu_tai_khoan",
                                        "dien_thoai_thong_minh",
                                        "truong_hop_dac_biet"};

using Cells = std::map<std::string, std::string>;

const Cells& BaseRow() {
  static const Cells base = {
      {"ma_doi_tuong", "BT001"},  {"ho_ten", "Nguyễn Văn An"},      {"ngay_sinh", "07/03/1950"},
      {"gioi_tinh", "Nam"},       {"so_dinh_danh", "001050123456"}, {"so_dien_thoai", "0912345678"},
      {"ma_xa", "00001"},         {"dia_chi", "Thôn Đông"},         {"nhom", "BTXH"},
      {"ma_che_do", "BTXH-5.1"},  {"thang_bat_dau", "01/2024"},     {"hinh_thuc", "TIEN_MAT"},
      {"nguoi_nhan", "BAN_THAN"}, {"truong_hop_dac_biet", "K"}};
  return base;
}

std::string Line(const std::vector<std::string>& cells, char delimiter = ',') {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) line.push_back(delimiter);
    line += cells[i];
  }
  return line + "\r\n";
}

std::vector<std::string> RowCells(const Cells& overrides, const std::vector<std::string>& keys) {
  Cells cells = BaseRow();
  for (const auto& [key, value] : overrides) cells[key] = value;
  std::vector<std::string> row;
  for (const std::string& key : keys) row.push_back(cells.count(key) ? cells[key] : "");
  return row;
}

std::string Csv(const std::vector<Cells>& rows, const std::vector<std::string>& keys = kKeys) {
  std::string csv = Line(keys);
  for (const Cells& row : rows) csv += Line(RowCells(row, keys));
  return csv;
}

const ImportCatalog& Catalog() {
  static const ImportCatalog catalog = [] {
    ImportCatalog built;
    built.codes = test::TestCodes();
    built.communes = {"00001", "00004", "26734"};
    built.policies["BTXH-5.1"] = {core::BeneficiaryGroup::kBtxh, PolicyBasis::kCoefficient};
    built.policies["BTXH-FIX"] = {core::BeneficiaryGroup::kBtxh, PolicyBasis::kFixed};
    built.policies["NCC-TB"] = {core::BeneficiaryGroup::kNcc, PolicyBasis::kFixed};
    return built;
  }();
  return catalog;
}

BeneficiaryImport Import(const std::string& csv, const BeneficiaryImportLimits& limits = {}) {
  Result<BeneficiaryImport> result = ParseBeneficiaryCsv(csv, Catalog(), limits);
  EXPECT_TRUE(result.has_value()) << result.error().code << " " << result.error().message;
  return result ? std::move(*result) : BeneficiaryImport{};
}

std::vector<std::string> Keyed(const std::vector<ErrorDetail>& details) {
  std::vector<std::string> keyed;
  for (const ErrorDetail& detail : details) {
    EXPECT_TRUE(test::IsNfc(detail.message)) << detail.message;
    EXPECT_NE(detail.message.find("Dòng " + std::to_string(detail.row)), std::string::npos)
        << detail.message;
    keyed.push_back(detail.field + ":" + detail.code);
  }
  return keyed;
}

TEST(BeneficiaryImport, AcceptsAGoodRowWithEveryField) {
  BeneficiaryImport result = Import(Csv({{}}));
  ASSERT_EQ(result.beneficiaries.size(), 1u);
  EXPECT_EQ(result.data_rows, 1);
  EXPECT_EQ(result.accepted_rows, 1);
  EXPECT_EQ(result.rejected_rows, 0);
  const ImportedBeneficiary& imported = result.beneficiaries[0];
  EXPECT_EQ(imported.person.code.value(), "BT001");
  EXPECT_EQ(imported.person.full_name, "Nguyễn Văn An");
  EXPECT_EQ(imported.person.birth_date.ToIso(), "1950-03-07");
  EXPECT_EQ(imported.person.commune.value(), "00001");
  ASSERT_TRUE(imported.person.citizen_id.parsed.has_value());
  ASSERT_TRUE(imported.person.phone.parsed.has_value());
  EXPECT_EQ(imported.payment_method.channel, core::PaymentChannel::kCashPaypoint);
  EXPECT_TRUE(imported.payment_method_valid);
  EXPECT_TRUE(imported.findings.empty()) << Keyed(imported.findings)[0];
  ASSERT_EQ(imported.entitlements.size(), 1u);
  EXPECT_EQ(imported.entitlements[0].row, 2);
  EXPECT_EQ(imported.entitlements[0].entitlement.policy_code, "BTXH-5.1");
  EXPECT_EQ(imported.entitlements[0].entitlement.start.ToString(), "2024-01");
}

struct RowCase {
  Cells overrides;
  std::string expected;  // "column:code" that must be among the row's errors or findings
};

class RowErrorTable : public ::testing::TestWithParam<RowCase> {};

TEST_P(RowErrorTable, RejectsTheRowNamingColumnAndCode) {
  BeneficiaryImport result = Import(Csv({GetParam().overrides}));
  EXPECT_TRUE(result.beneficiaries.empty());
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].row, 2);
  std::vector<std::string> errors = Keyed(result.rejected[0].errors);
  EXPECT_NE(std::find(errors.begin(), errors.end(), GetParam().expected), errors.end())
      << GetParam().expected << " not in " << ::testing::PrintToString(errors);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RowErrorTable,
    ::testing::Values(
        RowCase{{{"ho_ten", ""}}, "ho_ten:import.required_missing"},
        RowCase{{{"ma_doi_tuong", "BT 01"}}, "ma_doi_tuong:beneficiary_code.invalid_character"},
        RowCase{{{"ngay_sinh", "1950-13"}}, "ngay_sinh:date.invalid_format"},
        RowCase{{{"ngay_sinh", "30/02/1950"}}, "ngay_sinh:date.day_out_of_range"},
        RowCase{{{"gioi_tinh", "Khác"}}, "gioi_tinh:sex.unknown"},
        RowCase{{{"ma_xa", "0000A"}}, "ma_xa:admin_unit_code.non_digit"},
        RowCase{{{"ma_xa", "99999"}}, "ma_xa:import.commune_unknown"},
        RowCase{{{"nhom", "NGUOI_CO_CONG"}}, "nhom:group.unknown"},
        RowCase{{{"ma_che_do", "BTXH-9.9"}}, "ma_che_do:import.policy_unknown"},
        RowCase{{{"ma_che_do", "NCC-TB"}, {"so_tien", "2000000"}},
                "ma_che_do:policy.group_mismatch"},
        RowCase{{{"ma_che_do", "BTXH-FIX"}}, "so_tien:import.amount_required"},
        RowCase{{{"so_tien", "500000"}}, "so_tien:import.amount_not_allowed"},
        RowCase{{{"ma_che_do", "BTXH-FIX"}, {"so_tien", "0"}},
                "so_tien:import.amount_not_positive"},
        RowCase{{{"ma_che_do", "BTXH-FIX"}, {"so_tien", "5O0000"}},
                "so_tien:money.invalid_character"},
        RowCase{{{"thang_bat_dau", "2024/01"}}, "thang_bat_dau:period.invalid_format"},
        RowCase{{{"thang_bat_dau", "13/2024"}}, "thang_bat_dau:period.month_out_of_range"},
        RowCase{{{"da_chi_den_thang", "12-2023"}}, "da_chi_den_thang:period.invalid_format"},
        RowCase{{{"hinh_thuc", "CHUYEN_KHOAN"}}, "hinh_thuc:payment_method.channel_unknown"},
        RowCase{{{"nguoi_nhan", "CON"}}, "nguoi_nhan:payment_method.recipient_unknown"},
        RowCase{{{"hinh_thuc", "TAI_NHA"}}, "hinh_thuc:payment_method.cash_home_not_special_case"},
        RowCase{{{"nguoi_nhan", "UY_QUYEN"}},
                "nguoi_nhan_ho_ten:payment_method.representative_missing"},
        RowCase{{{"nguoi_nhan", "GIAM_HO"}},
                "nguoi_nhan_ho_ten:payment_method.representative_missing"},
        RowCase{{{"truong_hop_dac_biet", "Y"}}, "truong_hop_dac_biet:import.flag_invalid"},
        RowCase{{{"ho_ten", "An\x01"}}, "ho_ten:name.control_character"}));

class RowFindingTable : public ::testing::TestWithParam<RowCase> {};

TEST_P(RowFindingTable, KeepsThePersonAndListsTheFinding) {
  BeneficiaryImport result = Import(Csv({GetParam().overrides}));
  ASSERT_EQ(result.beneficiaries.size(), 1u)
      << (result.rejected.empty() ? "" : result.rejected[0].errors[0].message);
  std::vector<std::string> findings = Keyed(result.beneficiaries[0].findings);
  EXPECT_NE(std::find(findings.begin(), findings.end(), GetParam().expected), findings.end())
      << GetParam().expected << " not in " << ::testing::PrintToString(findings);
  EXPECT_EQ(result.finding_count, static_cast<long>(findings.size()));
}

const Cells kBank = {{"hinh_thuc", "TAI_KHOAN"},
                     {"ma_ngan_hang", "970436"},
                     {"so_tai_khoan", "0011001234567"},
                     {"ten_chu_tai_khoan", "NGUYEN VAN AN"}};

Cells With(Cells cells, const Cells& more) {
  for (const auto& [key, value] : more) cells[key] = value;
  return cells;
}

const Cells kAuthorised = {{"nguoi_nhan", "UY_QUYEN"},
                           {"nguoi_nhan_ho_ten", "Trần Thị Bình"},
                           {"nguoi_nhan_so_dinh_danh", "001180123456"},
                           {"nguoi_nhan_quan_he", "con gái"}};

INSTANTIATE_TEST_SUITE_P(
    Cases, RowFindingTable,
    ::testing::Values(
        RowCase{{{"so_dinh_danh", ""}}, "so_dinh_danh:citizen_id.missing"},
        RowCase{{{"so_dinh_danh", "12345"}}, "so_dinh_danh:citizen_id.length"},
        RowCase{{{"so_dinh_danh", "01050123456"}}, "so_dinh_danh:citizen_id.leading_zero_lost"},
        RowCase{{{"so_dinh_danh", "123456789"}}, "so_dinh_danh:citizen_id.legacy_cmnd"},
        RowCase{{{"gioi_tinh", "Nữ"}}, "so_dinh_danh:citizen_id.sex_mismatch"},
        RowCase{{{"ngay_sinh", "1951"}}, "so_dinh_danh:citizen_id.birth_year_mismatch"},
        RowCase{{{"so_dien_thoai", "912345678"}}, "so_dien_thoai:phone.leading_zero_lost"},
        RowCase{With(kBank, {{"ma_ngan_hang", "999999"}}), "ma_ngan_hang:bank_ref.bin_unknown"},
        RowCase{With(kBank, {{"so_tai_khoan", "123"}}), "so_tai_khoan:bank_ref.account_length"},
        RowCase{With(kBank, {{"ma_ngan_hang", ""}, {"so_tai_khoan", ""}}),
                "so_tai_khoan:payment_method.account_missing"},
        RowCase{With(kBank, {{"ten_chu_tai_khoan", ""}}),
                "ten_chu_tai_khoan:payment_method.holder_name_missing"},
        RowCase{With(kBank, {{"ma_ngan_hang", "971005"}}),
                "ma_ngan_hang:payment_method.institution_kind_mismatch"},
        RowCase{{{"ma_ngan_hang", "970436"}, {"so_tai_khoan", "0011001234567"}},
                "so_tai_khoan:payment_method.account_unused"},
        RowCase{With(kAuthorised, {{"nguoi_nhan_so_dinh_danh", ""}}),
                "nguoi_nhan_so_dinh_danh:representative.citizen_id_missing"},
        RowCase{With(kAuthorised, {{"nguoi_nhan_quan_he", ""}}),
                "nguoi_nhan_quan_he:representative.relationship_missing"}));

TEST(BeneficiaryImport, AnInvalidAccountKeepsThePersonWithAnInvalidMethod) {
  BeneficiaryImport result = Import(Csv({With(kBank, {{"ma_ngan_hang", "999999"}})}));
  ASSERT_EQ(result.beneficiaries.size(), 1u);
  const ImportedBeneficiary& imported = result.beneficiaries[0];
  EXPECT_FALSE(imported.payment_method_valid);
  ASSERT_TRUE(imported.payment_method.account.has_value());
  EXPECT_EQ(imported.payment_method.account->bin_raw, "999999");
  EXPECT_FALSE(imported.payment_method.account->parsed.has_value());
  EXPECT_EQ(Keyed(imported.findings),
            std::vector<std::string>{"ma_ngan_hang:bank_ref.bin_unknown"});

  BeneficiaryImport good = Import(Csv({kBank}));
  ASSERT_EQ(good.beneficiaries.size(), 1u);
  EXPECT_TRUE(good.beneficiaries[0].payment_method_valid);
  EXPECT_EQ(good.beneficiaries[0].payment_method.holder_name, "NGUYEN VAN AN");
}

TEST(BeneficiaryImport, RepresentativeAndSpecialCaseAreRead) {
  BeneficiaryImport result =
      Import(Csv({With(kAuthorised, {{"hinh_thuc", "TAI_NHA"}, {"truong_hop_dac_biet", "C"}})}));
  ASSERT_EQ(result.beneficiaries.size(), 1u);
  const ImportedBeneficiary& imported = result.beneficiaries[0];
  EXPECT_TRUE(imported.person.special_case);
  EXPECT_EQ(imported.payment_method.channel, core::PaymentChannel::kCashHome);
  ASSERT_TRUE(imported.representative.has_value());
  EXPECT_EQ(imported.representative->kind, core::RepresentativeKind::kAuthorised);
  EXPECT_EQ(imported.representative->full_name, "Trần Thị Bình");
  EXPECT_EQ(imported.representative->relationship, "con gái");
  EXPECT_TRUE(imported.representative->citizen_id.parsed.has_value());
}

TEST(BeneficiaryImport, CollectsEveryErrorOfARow) {
  BeneficiaryImport result = Import(Csv({{{"ngay_sinh", "x"},
                                          {"ma_xa", "99999"},
                                          {"ma_che_do", "NCC-TB"},
                                          {"hinh_thuc", "TAI_NHA"},
                                          {"nguoi_nhan", "UY_QUYEN"}}}));
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(
      Keyed(result.rejected[0].errors),
      (std::vector<std::string>{"ngay_sinh:date.invalid_format", "ma_xa:import.commune_unknown",
                                "nguoi_nhan_ho_ten:payment_method.representative_missing",
                                "ma_che_do:policy.group_mismatch", "so_tien:import.amount_required",
                                "hinh_thuc:payment_method.cash_home_not_special_case"}));
  EXPECT_EQ(result.error_count, 6);
}

TEST(BeneficiaryImport, GroupsEntitlementsOfOnePerson) {
  BeneficiaryImport result = Import(
      Csv({{{"thang_bat_dau", "03/2024"}},
           {{"ma_doi_tuong", "BT002"}, {"so_dinh_danh", "001150123456"}, {"gioi_tinh", "Nữ"}},
           {{"ma_che_do", "BTXH-FIX"}, {"so_tien", "1.250.000"}, {"thang_bat_dau", "1/2024"}}}));
  ASSERT_EQ(result.beneficiaries.size(), 2u);
  EXPECT_EQ(result.accepted_rows, 3);
  const ImportedBeneficiary& first = result.beneficiaries[0];
  ASSERT_EQ(first.entitlements.size(), 2u);
  EXPECT_EQ(first.entitlements[0].row, 2);
  EXPECT_EQ(first.entitlements[1].row, 4);
  EXPECT_EQ(first.entitlements[1].entitlement.fixed_amount, core::MoneyVnd::FromDong(1'250'000));
  EXPECT_EQ(first.payment_method.effective_from.ToString(), "2024-01");
  EXPECT_EQ(result.beneficiaries[1].person.code.value(), "BT002");
}

// Streaming: a person leaves in a chunk only after the last row carrying the
// code (BT001's second row comes after BT002 and BT003), and the order of
// first appearance is kept across chunks.
TEST(BeneficiaryImport, StreamSendsEachPersonOnceCompleteInFirstAppearanceOrder) {
  const std::string csv =
      Csv({{},
           {{"ma_doi_tuong", "BT002"}, {"so_dinh_danh", "001150123456"}, {"gioi_tinh", "Nữ"}},
           {{"ma_doi_tuong", "BT003"}},
           {{"ma_che_do", "BTXH-FIX"}, {"so_tien", "500000"}, {"thang_bat_dau", "1/2024"}},
           {{"ma_doi_tuong", "BT004"}}});
  std::vector<std::vector<std::string>> chunks;
  std::vector<std::size_t> entitlements;
  Result<BeneficiaryImport> result = StreamBeneficiaryCsv(
      csv, Catalog(), {}, 1, [&](std::vector<ImportedBeneficiary>& people, long rejected) -> Status {
        EXPECT_EQ(rejected, 0);
        chunks.emplace_back();
        for (const auto& person : people) {
          chunks.back().push_back(person.person.code.value());
          entitlements.push_back(person.entitlements.size());
        }
        return {};
      });
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_TRUE(result->beneficiaries.empty());
  EXPECT_EQ(result->accepted_rows, 5);
  // BT001..BT003 leave together once row 5 sealed BT001; BT004 at the end.
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[1], (std::vector<std::string>{"BT004"}));
  std::vector<std::string> order;
  for (const auto& chunk : chunks) order.insert(order.end(), chunk.begin(), chunk.end());
  EXPECT_EQ(order, (std::vector<std::string>{"BT001", "BT002", "BT003", "BT004"}));
  EXPECT_EQ(entitlements, (std::vector<std::size_t>{2, 1, 1, 1}));
}

TEST(BeneficiaryImport, AFailingSinkStopsTheStream) {
  Result<BeneficiaryImport> result =
      StreamBeneficiaryCsv(Csv({{}, {{"ma_doi_tuong", "BT002"}}}), Catalog(), {}, 1,
                           [](std::vector<ImportedBeneficiary>&, long) -> Status {
                             return Fail(ErrorKind::kUnavailable, "db.down", "x");
                           });
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, "db.down");
}

TEST(BeneficiaryImport, APersonFieldThatDisagreesRejectsTheLaterRow) {
  BeneficiaryImport result = Import(Csv({{},
                                         {{"ma_che_do", "BTXH-FIX"},
                                          {"so_tien", "500000"},
                                          {"ho_ten", "Nguyễn Văn Ân"},
                                          {"ma_xa", "00004"}}}));
  ASSERT_EQ(result.beneficiaries.size(), 1u);
  EXPECT_EQ(result.beneficiaries[0].entitlements.size(), 1u);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].row, 3);
  EXPECT_EQ(
      Keyed(result.rejected[0].errors),
      (std::vector<std::string>{"ho_ten:import.person_conflict", "ma_xa:import.person_conflict"}));
  EXPECT_NE(result.rejected[0].errors[0].message.find("dòng 2"), std::string::npos);
}

TEST(BeneficiaryImport, TheSamePolicyTwiceOverlaps) {
  BeneficiaryImport result = Import(Csv({{}, {{"thang_bat_dau", "06/2024"}}}));
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(Keyed(result.rejected[0].errors),
            std::vector<std::string>{"thang_bat_dau:entitlement.overlap"});
}

TEST(BeneficiaryImport, ExtensionColumnsEndAndDecision) {
  std::vector<std::string> keys = kKeys;
  keys.push_back("thang_ket_thuc");
  keys.push_back("Số quyết định");
  BeneficiaryImport result =
      Import(Csv({{{"thang_ket_thuc", "12/2023"}, {"Số quyết định", "15/QĐ-UBND"}},
                  {{"thang_ket_thuc", "06/2024"}, {"thang_bat_dau", "01/2024"}},
                  {{"thang_bat_dau", "07/2024"}, {"Số quyết định", "20/QĐ-UBND"}}},
                 keys));
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(Keyed(result.rejected[0].errors),
            std::vector<std::string>{"thang_ket_thuc:entitlement.end_before_start"});
  ASSERT_EQ(result.beneficiaries.size(), 1u);
  ASSERT_EQ(result.beneficiaries[0].entitlements.size(), 2u);
  const core::Entitlement& second = result.beneficiaries[0].entitlements[1].entitlement;
  EXPECT_EQ(second.decision_number, "20/QĐ-UBND");
  EXPECT_EQ(second.start.ToString(), "2024-07");
}

const std::vector<std::string> kVietnameseHeader = {"Mã đối tượng",
                                                    "Họ và tên",
                                                    "Ngày sinh",
                                                    "GIỚI TÍNH",
                                                    "Số CCCD",
                                                    "Số điện thoại",
                                                    "Mã xã",
                                                    "Địa chỉ",
                                                    "Nhóm",
                                                    "Mã chế độ",
                                                    "Số tiền",
                                                    "Tháng bắt đầu",
                                                    "Đã chi đến tháng",
                                                    "Hình thức chi trả",
                                                    "Người nhận"};

TEST(BeneficiaryImport, VietnameseHeadersBomAndSemicolon) {
  std::vector<std::string> cells = RowCells({{"da_chi_den_thang", "12/2023"}}, kKeys);
  cells.resize(kVietnameseHeader.size());
  std::string csv = "\xEF\xBB\xBF" + Line(kVietnameseHeader, ';') + Line(cells, ';');
  BeneficiaryImport result = Import(csv);
  ASSERT_EQ(result.beneficiaries.size(), 1u);
  EXPECT_EQ(result.beneficiaries[0].person.paid_through->ToString(), "2023-12");

  std::vector<std::string> bad_cells = RowCells({{"ngay_sinh", "31/04/1950"}}, kKeys);
  bad_cells.resize(kVietnameseHeader.size());
  std::string bad = "\xEF\xBB\xBF" + Line(kVietnameseHeader, ';') + Line(bad_cells, ';');
  BeneficiaryImport rejected = Import(bad);
  ASSERT_EQ(rejected.rejected.size(), 1u);
  const ErrorDetail& error = rejected.rejected[0].errors[0];
  EXPECT_EQ(error.field, "ngay_sinh");
  EXPECT_NE(error.message.find("Dòng 2, cột \"Ngày sinh\""), std::string::npos) << error.message;
}

TEST(BeneficiaryImport, HeaderProblemsAreFileErrorsNamingEachColumn) {
  std::vector<std::string> header = {"ma_doi_tuong", "Họ tên", "Họ và tên", "Cột lạ", "ngay_sinh"};
  Result<BeneficiaryImport> result = ParseBeneficiaryCsv(Line(header), Catalog());
  test::ExpectError(result, "import.header_invalid");
  std::vector<std::string> keyed;
  for (const ErrorDetail& detail : result.error().details) {
    EXPECT_EQ(detail.row, 1);
    keyed.push_back(detail.field + ":" + detail.code);
  }
  EXPECT_EQ(keyed, (std::vector<std::string>{
                       "ho_ten:import.duplicate_column", "Cột lạ:import.unknown_column",
                       "gioi_tinh:import.missing_column", "ma_xa:import.missing_column",
                       "nhom:import.missing_column", "ma_che_do:import.missing_column",
                       "thang_bat_dau:import.missing_column", "hinh_thuc:import.missing_column",
                       "nguoi_nhan:import.missing_column"}));
}

TEST(BeneficiaryImport, BlankRowsAreSkippedAndExtraCellsRejected) {
  std::string csv =
      Csv({{}}) + ",,,\r\n" + Line(RowCells({{"ma_doi_tuong", "BT9"}}, kKeys)).insert(0, "");
  csv.insert(csv.size() - 2, ",surplus");
  BeneficiaryImport result = Import(csv);
  EXPECT_EQ(result.data_rows, 2);
  EXPECT_EQ(result.accepted_rows, 1);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].row, 4);
  EXPECT_EQ(result.rejected[0].errors[0].code, "import.extra_cell");
}

TEST(BeneficiaryImport, LimitsOnRowsAndOnReportedRejections) {
  BeneficiaryImportLimits limits;
  limits.max_data_rows = 2;
  Result<BeneficiaryImport> too_many = ParseBeneficiaryCsv(
      Csv({{}, {{"ma_doi_tuong", "B2"}}, {{"ma_doi_tuong", "B3"}}}), Catalog(), limits);
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(too_many.error().kind, ErrorKind::kLimitExceeded);

  limits = {};
  limits.max_reported_rejections = 1;
  BeneficiaryImport result =
      Import(Csv({{{"nhom", "X"}}, {{"nhom", "Y"}}, {{"ngay_sinh", ""}}}), limits);
  EXPECT_EQ(result.rejected_rows, 3);
  EXPECT_EQ(result.rejected.size(), 1u);
  EXPECT_TRUE(result.rejections_truncated());
  EXPECT_EQ(result.error_count, 3);
}

TEST(BeneficiaryImport, AMonthCellThatExcelTurnedIntoADate) {
  BeneficiaryImport result = Import(Csv({{{"thang_bat_dau", "01/07/2024"}}}));
  ASSERT_EQ(result.beneficiaries.size(), 1u);
  EXPECT_EQ(result.beneficiaries[0].entitlements[0].entitlement.start.ToString(), "2024-07");
  BeneficiaryImport mid_month = Import(Csv({{{"thang_bat_dau", "15/07/2024"}}}));
  EXPECT_EQ(mid_month.rejected.size(), 1u);
}

TEST(BeneficiaryImport, XlsxRoundTrip) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("ansinh_import_test_" + std::to_string(::getpid()) + ".xlsx");
  {
    auto writer = XlsxWriter::Create(path);
    ASSERT_TRUE(writer.has_value());
    std::vector<XlsxColumn> columns;
    for (const std::string& label : kVietnameseHeader) columns.push_back({label, 0});
    auto sheet = (*writer)->AddSheet("Danh sách", columns);
    ASSERT_TRUE(sheet.has_value());
    ASSERT_TRUE((*sheet)->AddHeader());
    std::vector<XlsxValue> good;
    for (const std::string& cell : RowCells({}, kKeys)) good.push_back(XlsxValue::Text(cell));
    good.resize(kVietnameseHeader.size());
    good[10] = XlsxValue();
    ASSERT_TRUE((*sheet)->AddRow(good));
    std::vector<XlsxValue> fixed = good;
    fixed[9] = XlsxValue::Text("BTXH-FIX");
    fixed[10] = XlsxValue::Integer(750'000);
    ASSERT_TRUE((*sheet)->AddRow(fixed));
    std::vector<XlsxValue> bad = good;
    bad[0] = XlsxValue::Text("BT777");
    bad[6] = XlsxValue::Integer(1);  // ma_xa typed as a number: "1" → "00001"
    bad[9] = XlsxValue::Text("KHONG_CO");
    ASSERT_TRUE((*sheet)->AddRow(bad));
    ASSERT_TRUE((*writer)->Finish());
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  Result<BeneficiaryImport> result = ParseBeneficiaryXlsx(std::move(bytes), Catalog());
  ASSERT_TRUE(result.has_value()) << result.error().code;
  ASSERT_EQ(result->beneficiaries.size(), 1u);
  ASSERT_EQ(result->beneficiaries[0].entitlements.size(), 2u);
  EXPECT_EQ(result->beneficiaries[0].entitlements[1].entitlement.fixed_amount,
            core::MoneyVnd::FromDong(750'000));
  ASSERT_EQ(result->rejected.size(), 1u);
  EXPECT_EQ(result->rejected[0].row, 4);
  EXPECT_EQ(Keyed(result->rejected[0].errors),
            std::vector<std::string>{"ma_che_do:import.policy_unknown"});
}

}  // namespace
}  // namespace ansinh::formats
