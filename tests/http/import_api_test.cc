// Black-box: POST /api/v1/imports/beneficiaries — CSV and XLSX bodies,
// all-or-nothing vs partial vs dry run, rows outside the caller's scope, the
// upload's own body limit (413, nothing written), Expect: 100-continue.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "formats/xlsx_writer.h"
#include "http/registry_api_support.h"
#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

constexpr const char* kImport = "/api/v1/imports/beneficiaries";
constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class ImportApiTest : public SharedServerTest<ImportApiTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    if (!ImportWithCli(workspace, ImportFile({{{"ma_doi_tuong", "CB01"}, {"ma_xa", kCaoBang}}}),
                       error)) {
      return false;
    }
    return AddUser(workspace.db_url, "xa_nhap", "commune_officer", kBaDinh, error) &&
           AddUser(workspace.db_url, "tinh_xem", "province_officer", "01", error);
  }
  // Uploads get 2 MiB here, against the 1 MiB of every other request.
  static std::vector<std::string> ExtraServeArguments() { return {"--upload-limit-mb", "2"}; }

 protected:
  static ApiSession Officer() { return LoginAs(server_->port(), "xa_nhap"); }
  static long long People() { return CountRows(workspace_->db_url, "beneficiaries"); }
};

std::vector<Cells> GoodAndBadRows(const std::string& prefix) {
  return {{{"ma_doi_tuong", prefix + "1"}},
          {{"ma_doi_tuong", prefix + "2"}, {"ngay_sinh", "31/02/1950"}},
          {{"ma_doi_tuong", prefix + "3"}, {"ma_xa", kNgocHa}}};
}

TEST_F(ImportApiTest, AllOrNothingByDefault) {
  const long long people = People();
  const HttpReply reply = Officer().Upload(kImport, "text/csv", ImportFile(GoodAndBadRows("A")));
  ASSERT_EQ(reply.status, 422) << reply.body;
  const auto body = Json(reply);
  EXPECT_EQ(body["error"]["code"], "import.rejected");
  ASSERT_EQ(body["error"]["details"].size(), 2u);
  EXPECT_EQ(body["error"]["details"][0]["row"], 3);
  EXPECT_EQ(body["error"]["details"][0]["field"], "ngay_sinh");
  EXPECT_EQ(body["error"]["details"][1]["code"], "import.commune_out_of_scope");
  EXPECT_EQ(body["error"]["details"][1]["field"], "ma_xa");
  EXPECT_EQ(body["report"]["committed"], false);
  EXPECT_EQ(People(), people);
}

TEST_F(ImportApiTest, PartialKeepsTheGoodRows) {
  const long long people = People();
  const HttpReply reply =
      Officer().Upload(std::string(kImport) + "?partial=true", "text/csv", ImportFile(GoodAndBadRows("P")));
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto report = Json(reply);
  EXPECT_EQ(report["accepted_rows"], 1);
  EXPECT_EQ(report["rejected_rows"], 2);
  EXPECT_EQ(report["committed"], true);
  EXPECT_EQ(report["errors"].size(), 2u);
  EXPECT_EQ(People(), people + 1);
  EXPECT_EQ(Officer().Get("/api/v1/beneficiaries/P1").status, 200);
}

TEST_F(ImportApiTest, DryRunWritesNothing) {
  const long long people = People();
  const HttpReply reply = Officer().Upload(std::string(kImport) + "?dry_run=true", "text/csv",
                                           ImportFile({{{"ma_doi_tuong", "D1"}}}));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply)["accepted_rows"], 1);
  EXPECT_EQ(Json(reply)["committed"], false);
  EXPECT_EQ(People(), people);
}

TEST_F(ImportApiTest, ACodeRegisteredElsewhereCannotBeTakenOver) {
  const HttpReply reply = Officer().Upload(std::string(kImport) + "?partial=true", "text/csv",
                                           ImportFile({{{"ma_doi_tuong", "CB01"}}}));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply)["errors"][0]["code"], "import.commune_out_of_scope");
  EXPECT_EQ(Json(reply)["accepted_rows"], 0);
}

TEST_F(ImportApiTest, XlsxUpload) {
  const auto path = workspace_->root / "upload.xlsx";
  {
    auto writer = formats::XlsxWriter::Create(path);
    ASSERT_TRUE(writer);
    const std::vector<std::string> keys = {"ma_doi_tuong", "ho_ten", "ngay_sinh", "gioi_tinh",
                                           "ma_xa", "nhom", "ma_che_do", "thang_bat_dau",
                                           "hinh_thuc", "nguoi_nhan"};
    std::vector<formats::XlsxColumn> columns;
    for (const auto& key : keys) columns.push_back({key, 12});
    auto sheet = (*writer)->AddSheet("Danh sách", columns);
    ASSERT_TRUE(sheet);
    ASSERT_TRUE((*sheet)->AddHeader());
    std::vector<formats::XlsxValue> row;
    for (const char* cell : {"XL1", "Lý Thị Mai", "1950", "Nữ", kBaDinh, "BTXH", "BTXH-5.1",
                             "01/2024", "TIEN_MAT", "BAN_THAN"}) {
      row.push_back(formats::XlsxValue::Text(cell));
    }
    ASSERT_TRUE((*sheet)->AddRow(row));
    ASSERT_TRUE((*writer)->Finish());
  }
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const HttpReply reply = Officer().Upload(kImport, kXlsxType, bytes);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply)["file"], "tai-len.xlsx");
  EXPECT_EQ(Officer().Get("/api/v1/beneficiaries/XL1").status, 200);
  const HttpReply octet = Officer().Upload(std::string(kImport) + "?format=xlsx&dry_run=1",
                                           "application/octet-stream", bytes);
  EXPECT_EQ(octet.status, 200) << octet.body;
}

TEST_F(ImportApiTest, BadUploadsAre4xxAndWriteNothing) {
  const ApiSession officer = Officer();
  const long long people = People();
  const std::string csv = ImportFile({{{"ma_doi_tuong", "Z1"}}});
  EXPECT_EQ(ErrorCodeOf(officer.Upload(kImport, "application/json", csv)), "import.media_type");
  EXPECT_EQ(officer.Upload(kImport, "application/octet-stream", csv).status, 400);
  EXPECT_EQ(ErrorCodeOf(officer.Upload(kImport, kXlsxType, csv)), "import.format_mismatch");
  EXPECT_EQ(officer.Upload(std::string(kImport) + "?file_name=..%2F..%2Fetc%2Fx.csv", "text/csv", csv)
                .status, 400);
  EXPECT_EQ(officer.Upload(std::string(kImport) + "?partial=maybe", "text/csv", csv).status, 400);
  EXPECT_EQ(officer.Upload(kImport, "text/csv", "ma_doi_tuong,ho_ten\r\nZ1,\xC3\x28\r\n").status, 400);
  EXPECT_EQ(officer.Upload(kImport, "text/csv", "khong,phai,tieu,de\r\n1,2,3,4\r\n").status, 400);
  EXPECT_EQ(officer.Upload(kImport, kXlsxType, std::string("PK\x03\x04", 4) + "rác").status, 400);
  EXPECT_EQ(LoginAs(server_->port(), "tinh_xem").Upload(kImport, "text/csv", csv).status, 403);
  EXPECT_EQ(People(), people);
}

// Rows of a valid file until it is at least `bytes` long.
std::string FileOfSize(std::size_t bytes) {
  std::vector<Cells> rows;
  std::string csv;
  for (int i = 0; csv.size() < bytes; ++i) {
    rows.push_back({{"ma_doi_tuong", "L" + std::to_string(i)}});
    if (i % 500 == 0) csv = ImportFile(rows);
  }
  return ImportFile(rows);
}

TEST_F(ImportApiTest, UploadsHaveTheirOwnLargerLimit) {
  const std::string big = FileOfSize(1536 * 1024);  // over 1 MiB, under 2 MiB
  ASSERT_LT(big.size(), 2u * 1024 * 1024);
  const HttpReply accepted = Officer().Upload(std::string(kImport) + "?dry_run=true", "text/csv", big);
  EXPECT_EQ(accepted.status, 200) << accepted.body.substr(0, 300);
  const std::string json_body = "{\"address\":\"" + std::string(big.size(), 'a') + "\"}";
  EXPECT_EQ(Officer().SendJson("PATCH", "/api/v1/beneficiaries/CB01", json_body).status, 413);
}

TEST_F(ImportApiTest, OverTheUploadLimitIs413AndNothingIsWritten) {
  const long long people = People();
  // The declared length decides, before any of the body is read.
  const std::string reply_text = Exchange(
      server_->port(), "POST " + std::string(kImport) + " HTTP/1.1\r\nHost: x\r\n" +
                           Officer().headers + "Content-Type: text/csv\r\nContent-Length: " +
                           std::to_string(2 * 1024 * 1024 + 1) + "\r\n\r\n" +
                           ImportFile({{{"ma_doi_tuong", "O1"}}}));
  const HttpReply reply = ParseReply(reply_text).value_or(HttpReply{});
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(ErrorCodeOf(reply), "http.body_too_large");
  EXPECT_NE(reply.body.find("2097152"), std::string::npos);  // the upload limit, not 1 MiB
  EXPECT_EQ(People(), people);
}

TEST_F(ImportApiTest, ExpectContinueIsAnsweredBeforeTheBody) {
  const ApiSession officer = Officer();
  const std::string body = ImportFile({{{"ma_doi_tuong", "E1"}}});
  const int fd = Connect(server_->port());
  ASSERT_GE(fd, 0);
  const std::string head = "POST " + std::string(kImport) + "?dry_run=true HTTP/1.1\r\nHost: x\r\n" +
                           officer.headers + "Content-Type: text/csv\r\nExpect: 100-continue\r\n" +
                           "Connection: close\r\nContent-Length: " + std::to_string(body.size()) +
                           "\r\n\r\n";
  ASSERT_EQ(send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  char interim[64] = {};
  const ssize_t got = recv(fd, interim, sizeof interim - 1, 0);
  ASSERT_GT(got, 0);
  EXPECT_EQ(std::string(interim, static_cast<std::size_t>(got)).rfind("HTTP/1.1 100 Continue", 0), 0u);
  ASSERT_EQ(send(fd, body.data(), body.size(), MSG_NOSIGNAL), static_cast<ssize_t>(body.size()));
  std::string rest;
  char chunk[4096];
  for (ssize_t n; (n = recv(fd, chunk, sizeof chunk, 0)) > 0;) rest.append(chunk, static_cast<std::size_t>(n));
  close(fd);
  EXPECT_EQ(ParseReply(rest).value_or(HttpReply{}).status, 200) << rest.substr(0, 300);
  const std::string refused = Exchange(
      server_->port(), "POST " + std::string(kImport) + " HTTP/1.1\r\nHost: x\r\n" + officer.headers +
                           "Content-Type: text/csv\r\nExpect: 100-continue\r\nContent-Length: " +
                           std::to_string(3 * 1024 * 1024) + "\r\n\r\n");
  EXPECT_EQ(ParseReply(refused).value_or(HttpReply{}).status, 413);  // no 100, no body read
}

TEST_F(ImportApiTest, IdempotentUpload) {
  const std::string key = "Idempotency-Key: nhap-I1\r\n";
  const std::string csv = ImportFile({{{"ma_doi_tuong", "I1"}}});
  const HttpReply first = Officer().Upload(kImport, "text/csv", csv, key);
  ASSERT_EQ(first.status, 200) << first.body;
  const HttpReply again = Officer().Upload(kImport, "text/csv", csv, key);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.headers.count("idempotency-replayed"), 1u);
  EXPECT_EQ(Officer().Upload(kImport, "text/csv", ImportFile({{{"ma_doi_tuong", "I2"}}}), key).status,
            422);
}

}  // namespace
}  // namespace ansinh::http::testing
