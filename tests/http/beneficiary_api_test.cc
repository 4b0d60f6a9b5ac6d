// Black-box: reading the register over HTTP. The contract other checks rely
// on (200 in scope, 404 out of scope exactly as for a missing code, 401
// without a session), search filters and pagination within the caller's
// scope, masking by default, and the audited full view.
#include <gtest/gtest.h>

#include <string>

#include "http/registry_api_support.h"
#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

class BeneficiaryApiTest : public SharedServerTest<BeneficiaryApiTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    const std::vector<Cells> rows = {
        {{"ma_doi_tuong", "B001"}},
        Merge({{"ma_doi_tuong", "B002"}, {"ho_ten", "Trần Thị Bình"}, {"gioi_tinh", "Nữ"},
               {"so_dinh_danh", "001150123457"}},
              BankAccount("0123456789", "TRAN THI BINH")),
        {{"ma_doi_tuong", "B003"}, {"ho_ten", "Nguyễn Văn Cường"}},
        {{"ma_doi_tuong", "B004"}, {"ho_ten", "Lê Văn Dũng"}, {"nhom", "NCC"},
         {"ma_che_do", "NCC-I.3.1-1"}, {"so_tien", "2789000"}},
        {{"ma_doi_tuong", "B005"}, {"ho_ten", "Phạm Văn Em"}},
        {{"ma_doi_tuong", "B006"}, {"ho_ten", "Hoàng Văn Phúc"}, {"ma_xa", kNgocHa}},
        {{"ma_doi_tuong", "X001"}, {"ho_ten", "Ngô Văn Minh"}, {"ma_xa", kCaoBang}},
    };
    if (!ImportWithCli(workspace, ImportFile(rows), error)) return false;
    return AddUser(workspace.db_url, "xa_badinh", "commune_officer", kBaDinh, error) &&
           AddUser(workspace.db_url, "tinh_hanoi", "province_officer", "01", error) &&
           AddUser(workspace.db_url, "kiem_toan", "auditor", "", error) &&
           AddUser(workspace.db_url, "quan_tri", "admin", "", error);
  }

 protected:
  static ApiSession As(const std::string& user) { return LoginAs(server_->port(), user); }
};

TEST_F(BeneficiaryApiTest, InScopeIs200OutOfScopeIs404LikeAMissingCode) {
  const ApiSession commune = As("xa_badinh");
  const HttpReply mine = commune.Get("/api/v1/beneficiaries/B001");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(Json(mine)["beneficiary"]["code"], "B001");
  const HttpReply other = commune.Get("/api/v1/beneficiaries/X001");
  const HttpReply missing = commune.Get("/api/v1/beneficiaries/X999");
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ErrorCodeOf(other), "beneficiary.not_found");
  // Same bytes but for the code the caller typed.
  std::string other_body = other.body;
  other_body.replace(other_body.find("X001"), 4, "X999");
  EXPECT_EQ(other_body, missing.body);
  EXPECT_EQ(commune.Get("/api/v1/beneficiaries/B006").status, 404);  // the next commune
  EXPECT_EQ(commune.Get("/api/v1/beneficiaries/..%2F..%2Fetc").status, 404);
}

TEST_F(BeneficiaryApiTest, WithoutASessionEveryRouteIs401) {
  for (const char* target : {"/api/v1/beneficiaries", "/api/v1/beneficiaries/B001",
                             "/api/v1/beneficiaries/B001/history", "/api/v1/lists?unit=00004"}) {
    EXPECT_EQ(Request(server_->port(), "GET", target).status, 401) << target;
  }
  EXPECT_EQ(Request(server_->port(), "POST", "/api/v1/beneficiaries", "", "{}").status, 401);
  EXPECT_EQ(Request(server_->port(), "POST", "/api/v1/imports/beneficiaries", "", "x").status, 401);
}

TEST_F(BeneficiaryApiTest, RolesWithoutBeneficiaryReadAre403) {
  EXPECT_EQ(As("quan_tri").Get("/api/v1/beneficiaries/B001").status, 403);
}

TEST_F(BeneficiaryApiTest, SearchIsPaginatedAndLimitedToTheScope) {
  const ApiSession commune = As("xa_badinh");
  const auto all = Json(commune.Get("/api/v1/beneficiaries"));
  EXPECT_EQ(all["total"], 5);  // B001..B005; not B006 (Ngọc Hà) nor X001 (Cao Bằng)
  const auto page = Json(commune.Get("/api/v1/beneficiaries?page=3&page_size=2"));
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["code"], "B005");
  EXPECT_EQ(page["page"], 3);
  EXPECT_EQ(Json(As("tinh_hanoi").Get("/api/v1/beneficiaries"))["total"], 6);
  EXPECT_EQ(Json(As("kiem_toan").Get("/api/v1/beneficiaries"))["total"], 7);
  for (const char* bad : {"page_size=201", "page_size=0", "page=-1", "page=abc", "page_size=1e3"}) {
    const HttpReply reply = commune.Get(std::string("/api/v1/beneficiaries?") + bad);
    EXPECT_EQ(reply.status, 400) << bad;
    EXPECT_EQ(ErrorCodeOf(reply), "request.parameter_invalid") << bad;
  }
  EXPECT_EQ(commune.Get("/api/v1/beneficiaries?page_size=200").status, 200);
}

TEST_F(BeneficiaryApiTest, SearchFilters) {
  const ApiSession province = As("tinh_hanoi");
  const auto total = [&](const std::string& query) {
    return Json(province.Get("/api/v1/beneficiaries?" + query))["total"];
  };
  EXPECT_EQ(total("name=nguyen%20van"), 2);  // B001 Nguyễn Văn An, B003 Nguyễn Văn Cường
  EXPECT_EQ(total("name=Nguy%E1%BB%85n%20V%C4%83n%20C"), 1);
  EXPECT_EQ(total("code=B002"), 1);
  EXPECT_EQ(total("citizen_id=001150123457"), 1);
  EXPECT_EQ(total("commune=00008"), 1);
  EXPECT_EQ(total("group=NCC"), 1);
  EXPECT_EQ(total("status=active"), 6);
  EXPECT_EQ(total("status=suspended"), 0);
  EXPECT_EQ(total("channel=BANK_ACCOUNT"), 1);
  EXPECT_EQ(total("channel=TIEN_MAT&group=BTXH"), 4);
  EXPECT_EQ(total("commune=01273"), 0);  // exists, but outside the province
  EXPECT_EQ(province.Get("/api/v1/beneficiaries?status=alive").status, 400);
  EXPECT_EQ(province.Get("/api/v1/beneficiaries?name=%FF%FE").status, 400);
}

TEST_F(BeneficiaryApiTest, PersonalDataIsMaskedByDefault) {
  const auto person = Json(As("xa_badinh").Get("/api/v1/beneficiaries/B002"));
  EXPECT_EQ(person["view"], "masked");
  EXPECT_EQ(person["beneficiary"]["citizen_id"], "********3457");
  EXPECT_EQ(person["beneficiary"]["phone"], "******5678");
  EXPECT_EQ(person["payment_method"]["account_number"], "******6789");
  const auto page = Json(As("tinh_hanoi").Get("/api/v1/beneficiaries?code=B002"));
  EXPECT_EQ(page["items"][0]["citizen_id"], "********3457");
  const auto history = As("xa_badinh").Get("/api/v1/beneficiaries/B002/history");
  EXPECT_EQ(history.body.find("001150123457"), std::string::npos);
  EXPECT_EQ(history.body.find("0123456789"), std::string::npos);
}

TEST_F(BeneficiaryApiTest, FullViewIsShownOnlyWhenAskedAndIsAudited) {
  const ApiSession commune = As("xa_badinh");
  const auto before = AuditEntries(workspace_->db_url, "beneficiary.full_view").size();
  const HttpReply full = commune.Get("/api/v1/beneficiaries/B002?view=full");
  ASSERT_EQ(full.status, 200) << full.body;
  const auto person = Json(full);
  EXPECT_EQ(person["view"], "full");
  EXPECT_EQ(person["beneficiary"]["citizen_id"], "001150123457");
  EXPECT_EQ(person["payment_method"]["account_number"], "0123456789");
  const auto entries = AuditEntries(workspace_->db_url, "beneficiary.full_view");
  ASSERT_EQ(entries.size(), before + 1);
  EXPECT_EQ(entries.back().outcome, "success");
  EXPECT_EQ(entries.back().actor, "xa_badinh");
  EXPECT_EQ(entries.back().object_id, "B002");
  EXPECT_EQ(entries.back().source_address, "127.0.0.1");
  EXPECT_EQ(entries.back().request_id, full.headers.at("x-request-id"));
  EXPECT_EQ(As("kiem_toan").Get("/api/v1/beneficiaries/X001?view=full").status, 200);
  EXPECT_EQ(commune.Get("/api/v1/beneficiaries/B002?view=everything").status, 400);
}

TEST_F(BeneficiaryApiTest, FullViewWithoutThePermissionIs403InScopeAnd404Outside) {
  const ApiSession province = As("tinh_hanoi");
  const HttpReply refused = province.Get("/api/v1/beneficiaries/B002?view=full");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(ErrorCodeOf(refused), "beneficiary.full_view_forbidden");
  EXPECT_EQ(refused.body.find("001150123457"), std::string::npos);
  EXPECT_EQ(province.Get("/api/v1/beneficiaries/X001?view=full").status, 404);
  const auto entries = AuditEntries(workspace_->db_url, "beneficiary.full_view");
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().outcome, "denied");
  EXPECT_EQ(entries.back().actor, "tinh_hanoi");
}

TEST_F(BeneficiaryApiTest, HistoryAndWhatWeKnewOnADay) {
  const ApiSession commune = As("xa_badinh");
  const auto history = Json(commune.Get("/api/v1/beneficiaries/B001/history"));
  ASSERT_GE(history["entries"].size(), 1u);
  EXPECT_EQ(history["entries"][0]["change_kind"], "imported");
  EXPECT_TRUE(history["entries"][0]["before"].is_null());
  const auto then = Json(commune.Get("/api/v1/beneficiaries/B001/history?as_of=2001-01-01"));
  EXPECT_TRUE(then["snapshot"].is_null());
  const auto now = Json(commune.Get("/api/v1/beneficiaries/B001/history?as_of=2199-12-31"));
  EXPECT_EQ(now["snapshot"]["beneficiary"]["code"], "B001");
  EXPECT_EQ(now["snapshot"]["beneficiary"]["citizen_id"], "********3456");
  for (const char* bad : {"2024-13-01", "2024", "01/09/2024", "x"}) {
    EXPECT_EQ(commune.Get(std::string("/api/v1/beneficiaries/B001/history?as_of=") + bad).status,
              400) << bad;
  }
  EXPECT_EQ(commune.Get("/api/v1/beneficiaries/X001/history").status, 404);
}

}  // namespace
}  // namespace ansinh::http::testing
