// Black-box: the deadline list over HTTP (issue 5 item 10) against the real
// server. VNPOST's cash batch of commune 15517 is due on 15/09/2024 and has
// no result: before that day nothing is overdue, after it every line is, for
// the district and province officers above the office and for the auditor;
// an office outside the caller's scope answers exactly like one that does
// not exist; the answer carries no citizen ID, phone or account number.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "http/partner_test_support.h"
#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

const std::string kOverdue = "/api/v1/disbursement/15517/overdue";

class OverdueApiTest : public SharedServerTest<OverdueApiTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    if (!PrepareVnpostCashBatch(workspace, error)) return false;
    const std::vector<std::vector<std::string>> users = {{"huyen395", "district_officer", "395"},
                                                         {"huyen001", "district_officer", "001"},
                                                         {"tinh38", "province_officer", "38"},
                                                         {"kiemtoan", "auditor", ""},
                                                         {"buudien", "provider_operator", "395"}};
    for (const auto& u : users) {
      if (!AddUser(workspace.db_url, u[0], u[1], u[2], error, "pre2025")) return false;
    }
    return true;
  }
};

TEST_F(OverdueApiTest, LinesWithoutResultAfterThePayByDayAreListed) {
  for (const char* user : {"huyen395", "tinh38", "kiemtoan"}) {
    const ApiSession session = LoginAs(server_->port(), user);
    ASSERT_FALSE(session.headers.empty()) << user;
    const HttpReply before = session.Get(kOverdue + "?as_of=2024-09-15");
    ASSERT_EQ(before.status, 200) << user << ": " << before.body;
    EXPECT_EQ(Json(before)["count"], 0) << user;
    const HttpReply after = session.Get(kOverdue + "?as_of=2024-10-01");
    ASSERT_EQ(after.status, 200) << user << ": " << after.body;
    const auto body = Json(after);
    EXPECT_EQ(body["unit"], "15517");
    EXPECT_EQ(body["count"], 3) << after.body;
    ASSERT_EQ(body["lines"].size(), 3u);
    EXPECT_EQ(body["lines"][0]["batch_id"], kPartnerBatch);
    EXPECT_EQ(body["lines"][0]["state"], "no_result");
    EXPECT_EQ(body["lines"][0]["days_overdue"], 16);
    // Nothing the register keeps sealed: no citizen ID, no phone number.
    EXPECT_EQ(after.body.find("0381"), std::string::npos) << after.body;
    EXPECT_EQ(after.body.find("03396576"), std::string::npos) << after.body;
    EXPECT_EQ(Json(session.Get(kOverdue + "?as_of=2024-10-01&limit=1"))["truncated"], true);
  }
}

TEST_F(OverdueApiTest, OutsideTheScopeIsExactlyLikeAMissingOffice) {
  const ApiSession other = LoginAs(server_->port(), "huyen001");
  const HttpReply outside = other.Get(kOverdue + "?as_of=2024-10-01");
  const HttpReply missing = other.Get("/api/v1/disbursement/99999/overdue?as_of=2024-10-01");
  EXPECT_EQ(outside.status, 404) << outside.body;
  EXPECT_EQ(outside.status, missing.status);
  EXPECT_EQ(ErrorCode(outside), ErrorCode(missing));
}

TEST_F(OverdueApiTest, BadParametersAndRolesWithoutReportsAreRefused) {
  const ApiSession officer = LoginAs(server_->port(), "huyen395");
  EXPECT_EQ(ErrorCode(officer.Get(kOverdue + "?as_of=2024-13-01")), "overdue.date_invalid");
  EXPECT_EQ(officer.Get(kOverdue + "?limit=0").status, 400);
  EXPECT_EQ(officer.Get(kOverdue + "?limit=abc").status, 400);
  EXPECT_EQ(officer.Get(kOverdue + "?edition=1999").status, 400);
  EXPECT_EQ(officer.Get(kOverdue).status, 200);  // as of today
  const ApiSession provider = LoginAs(server_->port(), "buudien");
  EXPECT_EQ(provider.Get(kOverdue).status, 403);
  EXPECT_EQ(Request(server_->port(), "GET", kOverdue).status, 401);
}

}  // namespace
}  // namespace ansinh::http::testing
