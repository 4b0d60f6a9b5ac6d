// Black-box: the partner API (issue 5 item 8, docs/protocols/partner-api.md)
// against the real server. Tokens are created with the real CLI; VNPOST lists
// its batch, downloads it (the export's own CSV, watermarked with the token's
// account, audited), posts results in G2P Connect style — unknown lines,
// amount mismatches and missing reasons refused whole with nothing written,
// the same message twice harmless, another body under its id a conflict —
// and the ledger audit stays clean. Another provider's token, a token without
// a provider and a person without the permission see nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "http/partner_test_support.h"
#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

const std::string kBatches = "/api/v1/partner/batches";
const std::string kFile = kBatches + "/" + kPartnerBatch + "/file";
const std::string kResults = kBatches + "/" + kPartnerBatch + "/results";

class PartnerApiTest : public SharedServerTest<PartnerApiTest> {
 public:
  static bool PrepareWorkspace(Workspace& workspace, std::string& error) {
    if (!PrepareVnpostCashBatch(workspace, error)) return false;
    vnpost_ = CreatePartnerToken(workspace.db_url, "vnpost-thanhhoa", "VNPOST", error);
    viettel_ = CreatePartnerToken(workspace.db_url, "viettel-thanhhoa", "VIETTEL", error);
    no_provider_ = CreatePartnerToken(workspace.db_url, "khong-gan", "", error);
    return !vnpost_.empty() && !viettel_.empty() && !no_provider_.empty() &&
           AddUser(workspace.db_url, "huyen395", "district_officer", "395", error, "pre2025");
  }

  // The batch's line ids and transfers, read from the downloaded CSV.
  static std::vector<std::pair<std::string, std::int64_t>> Lines() {
    const HttpReply file = BearerGet(server_->port(), vnpost_, kFile + "?format=csv");
    std::vector<std::pair<std::string, std::int64_t>> lines;
    std::istringstream rows(file.body);
    std::string row;
    std::getline(rows, row);  // header
    while (std::getline(rows, row)) {
      std::vector<std::string> cells;
      std::stringstream cut(row);
      for (std::string cell; std::getline(cut, cell, ',');) cells.push_back(cell);
      if (cells.size() < 10 || cells[0] == "TONG_CONG" || cells[0] == "XUAT_BOI") continue;
      lines.emplace_back(cells[1], std::stoll(cells[9]));
    }
    return lines;
  }

  static nlohmann::json Message(const std::string& message_id, nlohmann::json statuses) {
    return {{"header", {{"message_id", message_id}, {"message_ts", "2024-09-14T10:00:00+07:00"}}},
            {"message", {{"transaction_id", kPartnerBatch}, {"disbursement_status", statuses}}}};
  }

  inline static std::string vnpost_, viettel_, no_provider_;
};

TEST_F(PartnerApiTest, ListsItsOpenBatches) {
  const HttpReply reply = BearerGet(server_->port(), vnpost_, kBatches + "?status=open");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = Json(reply);
  EXPECT_EQ(body["provider"], "VNPOST");
  ASSERT_EQ(body["batches"].size(), 1u) << reply.body;
  const auto& batch = body["batches"][0];
  EXPECT_EQ(batch["batch_id"], kPartnerBatch);
  EXPECT_EQ(batch["period"], "2024-09");
  EXPECT_EQ(batch["unit"], "15517");
  EXPECT_EQ(batch["channel"], "CASH_PAYPOINT");
  EXPECT_EQ(batch["count"], 3);
  EXPECT_EQ(batch["fee_vnd"], 3 * 2000);
  EXPECT_EQ(batch["pay_by_date"], "2024-09-15");
  EXPECT_EQ(batch["status"], "open");
  EXPECT_GT(batch["amount_vnd"].get<std::int64_t>(), 0);

  EXPECT_EQ(BearerGet(server_->port(), vnpost_, kBatches + "?status=closed").status, 200);
  EXPECT_EQ(ErrorCode(BearerGet(server_->port(), vnpost_, kBatches + "?status=x")),
            "partner.status_invalid");
  const HttpReply other = BearerGet(server_->port(), viettel_, kBatches);
  ASSERT_EQ(other.status, 200) << other.body;
  EXPECT_TRUE(Json(other)["batches"].empty()) << other.body;
}

TEST_F(PartnerApiTest, DownloadsItsBatchAsTheExportWritesIt) {
  const HttpReply csv = BearerGet(server_->port(), vnpost_, kFile);  // cash: csv by default
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.headers.at("content-disposition").find(std::string(kPartnerBatch) + ".csv"),
            std::string::npos);
  const auto lines = Lines();
  ASSERT_EQ(lines.size(), 3u) << csv.body;
  std::int64_t total = 0;
  for (const auto& [id, amount] : lines) total += amount;
  const auto listed = Json(BearerGet(server_->port(), vnpost_, kBatches))["batches"][0];
  EXPECT_EQ(total, listed["amount_vnd"].get<std::int64_t>());
  EXPECT_NE(csv.body.find("TONG_CONG,3,"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("Xuất bởi api.vnpost-thanhhoa"), std::string::npos) << csv.body;
  EXPECT_FALSE(AuditEntries(workspace_->db_url, "disburse.export").empty());

  const HttpReply xlsx = BearerGet(server_->port(), vnpost_, kFile + "?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  const HttpReply pdf = BearerGet(server_->port(), vnpost_, kFile + "?format=pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 4), "%PDF");
  EXPECT_EQ(ErrorCode(BearerGet(server_->port(), vnpost_, kFile + "?format=pain001")),
            "partner.format_not_applicable");
  EXPECT_EQ(ErrorCode(BearerGet(server_->port(), vnpost_, kFile + "?format=../x")),
            "partner.format_invalid");
}

TEST_F(PartnerApiTest, AnotherProvidersBatchIsExactlyLikeAMissingOne) {
  const HttpReply other = BearerGet(server_->port(), viettel_, kFile);
  const HttpReply missing =
      BearerGet(server_->port(), vnpost_, kBatches + "/202409-15517-P-VNPOST-C-9/file");
  EXPECT_EQ(other.status, 404) << other.body;
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_EQ(ErrorCode(other), "partner.batch_not_found");
  EXPECT_EQ(ErrorCode(missing), "partner.batch_not_found");
  const HttpReply post = BearerPost(server_->port(), viettel_, kResults, "{}");
  EXPECT_EQ(post.status, 404) << post.body;
}

TEST_F(PartnerApiTest, OnlyAPartnerTokenMayCall) {
  EXPECT_EQ(Request(server_->port(), "GET", kBatches).status, 401);
  EXPECT_EQ(BearerGet(server_->port(), "ans_unknown", kBatches).status, 401);
  const HttpReply unbound = BearerGet(server_->port(), no_provider_, kBatches);
  EXPECT_EQ(unbound.status, 403) << unbound.body;
  EXPECT_EQ(ErrorCode(unbound), "partner.not_a_partner");
  const ApiSession officer = LoginAs(server_->port(), "huyen395");
  ASSERT_FALSE(officer.headers.empty());
  EXPECT_EQ(officer.Get(kBatches).status, 403);
  const HttpReply post = officer.SendJson("POST", kResults, "{}");
  EXPECT_EQ(post.status, 403) << post.body;
  EXPECT_EQ(ErrorCode(post), "auth.forbidden");
}

TEST_F(PartnerApiTest, ResultsAreAppliedOnceThroughTheSheetIngest) {
  const auto lines = Lines();
  ASSERT_EQ(lines.size(), 3u);
  const auto post = [](const nlohmann::json& body) {
    return BearerPost(server_->port(), vnpost_, kResults, body.dump());
  };
  // Refused whole, nothing written: an unknown line (named), a wrong amount,
  // a rejection without a reason, a transaction id that is not the batch.
  const HttpReply unknown = post(Message(
      "m-0", {{{"reference_id", lines[0].first}, {"status", "succ"}, {"amount_vnd", lines[0].second},
               {"paid_on", "2024-09-10"}},
              {{"reference_id", "202409-999-R-202409"}, {"status", "succ"}, {"amount_vnd", 1}}}));
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(ErrorCode(unknown), "ingest.unknown_lines");
  EXPECT_NE(unknown.body.find("202409-999-R-202409"), std::string::npos) << unknown.body;
  EXPECT_EQ(Json(unknown)["error"]["details"][0]["field"],
            "message.disbursement_status[1].reference_id");
  const HttpReply amount = post(Message(
      "m-0", {{{"reference_id", lines[0].first}, {"status", "succ"},
               {"amount_vnd", lines[0].second + 1}, {"paid_on", "2024-09-10"}}}));
  EXPECT_EQ(ErrorCode(amount), "ingest.amount_mismatch") << amount.body;
  const HttpReply reason = post(Message(
      "m-0", {{{"reference_id", lines[1].first}, {"status", "rjct"}, {"amount_vnd", lines[1].second}}}));
  EXPECT_EQ(ErrorCode(reason), "ingest.reason_missing") << reason.body;
  const HttpReply date = post(Message(
      "m-0", {{{"reference_id", lines[0].first}, {"status", "succ"}, {"amount_vnd", lines[0].second}}}));
  EXPECT_EQ(ErrorCode(date), "ingest.paid_on_missing") << date.body;
  auto wrong_batch = Message("m-0", {{{"reference_id", lines[0].first}, {"status", "succ"},
                                      {"amount_vnd", lines[0].second}, {"paid_on", "2024-09-10"}}});
  wrong_batch["message"]["transaction_id"] = "202409-15517-P-VNPOST-C-2";
  EXPECT_EQ(ErrorCode(post(wrong_batch)), "partner.transaction_mismatch");
  EXPECT_EQ(ErrorCode(post(nlohmann::json{{"header", 1}})), "partner.body_invalid");

  // One paid in cash, one not paid; the third stays open.
  const auto good = Message(
      "m-1", {{{"reference_id", lines[0].first}, {"status", "succ"}, {"amount_vnd", lines[0].second},
               {"paid_on", "2024-09-10"}},
              {{"reference_id", lines[1].first}, {"status", "rjct"}, {"amount_vnd", lines[1].second},
               {"reason_code", "KHONG_GAP"}}});
  const HttpReply first = post(good);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Json(first)["already_ingested"], false);
  EXPECT_EQ(Json(first)["paid"]["count"], 1);
  EXPECT_EQ(Json(first)["failed"]["count"], 1);
  EXPECT_EQ(Json(first)["message_id"], "partner:VNPOST:m-1");
  EXPECT_EQ(Json(first)["transaction_id"], kPartnerBatch);

  const HttpReply again = post(good);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Json(again)["already_ingested"], true);
  EXPECT_EQ(Json(again)["paid"]["count"], 0);

  auto changed = good;
  changed["message"]["disbursement_status"][1]["reason_code"] = "KHAC";
  const HttpReply conflict = post(changed);
  EXPECT_EQ(conflict.status, 409) << conflict.body;
  EXPECT_EQ(ErrorCode(conflict), "partner.message_conflict");

  // A later message repeating a recorded result counts it unchanged.
  const HttpReply later = post(Message(
      "m-2", {{{"reference_id", lines[0].first}, {"status", "succ"}, {"amount_vnd", lines[0].second},
               {"paid_on", "2024-09-10"}}}));
  ASSERT_EQ(later.status, 200) << later.body;
  EXPECT_EQ(Json(later)["unchanged"], 1);

  EXPECT_EQ(AuditEntries(workspace_->db_url, "disburse.ingest").size(), 2u);
  const ProcessResult audit = RunAnsinh({"audit", "--db", workspace_->db_url});
  EXPECT_EQ(audit.exit_code, 0) << audit.stdout_text << audit.stderr_text;
}

}  // namespace
}  // namespace ansinh::http::testing
