// Black-box: GET /api/v1/lists — the registration and cash lists of a unit
// in scope as JSON or XLSX, masked unless the full view is allowed and asked
// for, every answer an audited export.
#include <gtest/gtest.h>

#include <string>

#include "formats/xlsx_reader.h"
#include "http/registry_api_support.h"
#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

class ListApiTest : public SharedServerTest<ListApiTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    const std::vector<Cells> rows = {
        Merge({{"ma_doi_tuong", "L01"}, {"so_dinh_danh", "001050123401"}},
              BankAccount("0123456701", "NGUYEN VAN AN")),
        Merge({{"ma_doi_tuong", "L02"}, {"nhom", "NCC"}, {"ma_che_do", "NCC-I.3.1-1"},
               {"so_tien", "2789000"}, {"so_dinh_danh", "001050123402"}},
              BankAccount("0123456702", "LE VAN BAO")),
        {{"ma_doi_tuong", "L03"}, {"so_dinh_danh", "001050123403"}},
        {{"ma_doi_tuong", "L04"}, {"ma_xa", kCaoBang}},
    };
    if (!ImportWithCli(workspace, ImportFile(rows), error)) return false;
    return AddUser(workspace.db_url, "xa_ds", "commune_officer", kBaDinh, error) &&
           AddUser(workspace.db_url, "tinh_ds", "province_officer", "01", error);
  }

 protected:
  static ApiSession As(const std::string& user) { return LoginAs(server_->port(), user); }
};

TEST_F(ListApiTest, JsonListsOfACommuneAreMasked) {
  const HttpReply reply = As("xa_ds").Get("/api/v1/lists?unit=00004");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = Json(reply);
  EXPECT_EQ(body["view"], "masked");
  EXPECT_EQ(body["lists"]["a"]["count"], 1);
  EXPECT_EQ(body["lists"]["c"]["count"], 1);
  EXPECT_EQ(body["lists"]["cash_paypoint"]["count"], 1);
  EXPECT_EQ(body["lists"]["c"]["rows"][0]["so_dinh_danh"], "********3401");
  EXPECT_EQ(body["lists"]["c"]["rows"][0]["so_tai_khoan"], "******6701");
  EXPECT_EQ(reply.body.find("001050123401"), std::string::npos);
  EXPECT_EQ(reply.body.find("0123456702"), std::string::npos);
}

TEST_F(ListApiTest, OneListOnly) {
  const auto body = Json(As("xa_ds").Get("/api/v1/lists?unit=00004&list=a"));
  ASSERT_EQ(body["lists"].size(), 1u);
  EXPECT_EQ(body["lists"]["a"]["rows"][0]["ma_doi_tuong"], "L02");
}

TEST_F(ListApiTest, FullViewIsAllowedAuditedOrRefused) {
  const auto before = AuditEntries(workspace_->db_url, "lists.export").size();
  const HttpReply full = As("xa_ds").Get("/api/v1/lists?unit=00004&view=full");
  ASSERT_EQ(full.status, 200);
  EXPECT_NE(full.body.find("001050123401"), std::string::npos);
  const HttpReply refused = As("tinh_ds").Get("/api/v1/lists?unit=01&view=full");
  EXPECT_EQ(refused.status, 403);
  const auto entries = AuditEntries(workspace_->db_url, "lists.export");
  ASSERT_EQ(entries.size(), before + 2);
  EXPECT_EQ(entries[before].outcome, "success");
  EXPECT_EQ(entries[before].actor, "xa_ds");
  EXPECT_EQ(entries[before].object_id, "00004");
  EXPECT_EQ(entries[before].request_id, full.headers.at("x-request-id"));
  EXPECT_EQ(entries[before + 1].outcome, "denied");
}

TEST_F(ListApiTest, ProvinceListsCoverItsCommunes) {
  const auto body = Json(As("tinh_ds").Get("/api/v1/lists?unit=01"));
  EXPECT_EQ(body["lists"]["cash_paypoint"]["count"], 1);  // L03; L04 is in Cao Bằng
}

TEST_F(ListApiTest, XlsxExport) {
  const HttpReply reply = As("xa_ds").Get("/api/v1/lists?unit=00004&format=xlsx");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.headers.at("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(reply.headers.at("content-disposition").find("danh-sach-dang-ky-00004.xlsx"),
            std::string::npos);
  EXPECT_EQ(reply.body.rfind("PK\x03\x04", 0), 0u);
  const auto rows = formats::ReadXlsxBuffer(reply.body, "a) NCC - tài khoản");
  ASSERT_TRUE(rows) << rows.error().message;
  bool masked_id_seen = false;
  for (const auto& row : *rows) {
    for (const auto& cell : row.cells) {
      masked_id_seen = masked_id_seen || cell == "********3402";
      EXPECT_NE(cell, "001050123402");
    }
  }
  EXPECT_TRUE(masked_id_seen);
}

TEST_F(ListApiTest, OutOfScopeAndBadParameters) {
  const ApiSession commune = As("xa_ds");
  EXPECT_EQ(commune.Get("/api/v1/lists?unit=01273").status, 404);
  EXPECT_EQ(commune.Get("/api/v1/lists?unit=01").status, 404);  // above the commune
  EXPECT_EQ(commune.Get("/api/v1/lists?unit=00008").status, 404);
  for (const char* bad : {"", "unit=abc", "unit=000040", "unit=00004&list=e",
                          "unit=00004&format=pdf", "unit=00004&edition=1999", "unit=00004&view=x"}) {
    EXPECT_EQ(commune.Get(std::string("/api/v1/lists?") + bad).status, 400) << bad;
  }
}

}  // namespace
}  // namespace ansinh::http::testing
