// What happens after a batch is sent, on both stores: camt.054 returns,
// provider result sheets (CSV and XLSX), the fallbacks of rejections (MD07
// suspends and opens a finding, AC04 blocks the method), re-issue as a new
// attempt in the next batch sequence, unclaimed cash back to the budget, and
// the overdue list — each idempotent, all or nothing, and `ansinh audit`
// clean after every step.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "app/disbursement_service.h"
#include "app/ingest_service.h"
#include "app/ledger_audit.h"
#include "app/overdue_lines.h"
#include "app/payroll_service.h"
#include "app/registry_service.h"
#include "app/reissue_service.h"
#include "app/unclaimed_cash.h"
#include "integration/disbursement_fixture.h"
#include "store/finding_store.h"
#include "store/ledger_store.h"
#include "store/payment_method_store.h"
#include "unit/camt054_test_message.h"
#include "unit/iso20022_schema.h"
#include "unit/pain002_test_message.h"
#include "unit/provider_result_test_sheet.h"

namespace ansinh::app {
namespace {

// BTXH by bank account (B1, D1), BTXH in cash (B2, B4), NCC by bank account
// (N1); all in commune 00001 of district 001. D1 is the one the bank reports dead.
using testing_support::DisbursementPerson;
constexpr DisbursementPerson kResultsPeople[] = {{"B1", false, "0123456789"},
                                                 {"D1", false, "0987654321"},
                                                 {"B2", false, nullptr},
                                                 {"B4", false, nullptr},
                                                 {"N1", true, "100012345678"}};
constexpr std::int64_t kResultsBtxhVnd = 750'000;
constexpr const char* kBankBatch = "202409-001-P-VNPOST-B-1";
constexpr const char* kCashBatch = "202409-001-P-VNPOST-C-1";
constexpr const char* kNccBatch = "202409-001-T-KBNN-B-1";

std::string ResultsFixture(const std::string& name,
                           const std::map<std::string, std::string>& vars) {
  std::ifstream in(std::string(ANSINH_TEST_DATA_DIR) + "/integration/data/disbursement/" + name,
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string text = bytes.str();
  for (const auto& [key, value] : vars) {
    for (auto at = text.find("{{" + key + "}}"); at != std::string::npos;
         at = text.find("{{" + key + "}}")) {
      text.replace(at, key.size() + 4, value);
    }
  }
  return text;
}

class DisbursementResultsTest : public testing_support::DisbursementFixture {
 protected:
  // Approves the cycle, sets both routes and exports: three batches.
  void Exported() {
    for (const DisbursementPerson& spec : kResultsPeople) AddPerson(spec);
    const PayrollRequest cycle{"2024-09", "001", std::nullopt, As("alice"), Day()};
    ASSERT_TRUE(PayrollService(session()).Run(cycle));
    ASSERT_TRUE(
        PayrollService(session()).Approve({"2024-09", "001", std::nullopt, As("bob"), Day()}));
    for (const char* group : {"BTXH", "NCC"}) {
      RouteRequest r;
      r.unit = "001";
      r.group = group;
      r.route_kind = std::string(group) == "BTXH" ? "PROVIDER" : "TREASURY_DIRECT";
      r.provider_code = std::string(group) == "BTXH" ? "VNPOST" : "KBNN";
      r.contract_number = "HĐ-01";
      r.source_account = "3713.0.1055555";
      r.fee_kind = "FIXED";
      r.fee_fixed_vnd = std::string(group) == "BTXH" ? 3'000 : 0;
      r.actor = As("huyen01");
      r.now = Day();
      auto set = DisbursementService(session()).SetRoute(r);
      ASSERT_TRUE(set) << set.error().message;
    }
    auto exported = Export();
    ASSERT_TRUE(exported) << exported.error().message;
    ASSERT_EQ(exported->batches.size(), 3u);
  }

  Result<ExportSummary> Export() {
    return DisbursementService(session()).Export(
        {"2024-09", "001", std::nullopt, "csv", out_.path(), As("huyen01"), Day(1)});
  }

  // The line id of a person's line (one line each in this cycle).
  std::string LineOf(const std::string& code) {
    auto rows = session().Query("SELECT line_id FROM payment_lines WHERE beneficiary_code = ?1",
                                {store::SqlText(code)});
    EXPECT_TRUE(rows && rows->size() == 1);
    return rows && rows->size() == 1 ? rows->Text(0, 0) : "";
  }
  std::string StatusOf(const std::string& code) {
    auto rows = session().Query("SELECT status FROM payment_lines WHERE beneficiary_code = ?1",
                                {store::SqlText(code)});
    return rows && rows->size() == 1 ? rows->Text(0, 0) : "";
  }

  void ExpectAuditClean() {
    auto report = AuditLedger(session());
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_TRUE(report->clean()) << ToJson(*report).dump();
  }

  Result<IngestSummary> Ingest(const std::string& bytes, int day = 2) {
    return IngestFile(session(), codes(), bytes, As("huyen01"), Day(day));
  }

  std::string Paid(const std::string& message_id, const std::string& batch,
                   const std::vector<test::StatusLine>& lines) {
    return test::Pain002(message_id, batch, lines);
  }

  testing_support::TempDir out_;
};

const std::string kBtxhText = std::to_string(kResultsBtxhVnd);

TEST_P(DisbursementResultsTest, Camt054ReturnsAPaidLineOnceAndTheAuditStaysClean) {
  Exported();
  const std::string b1 = LineOf("B1"), d1 = LineOf("D1");
  ASSERT_TRUE(Ingest(Paid("STS-1", kBankBatch, {{b1, "ACSC", "", kBtxhText}})));
  const std::string xml =
      ResultsFixture("hoan_tra_camt054.xml", {{"LINE", b1}, {"AMOUNT", kBtxhText}});
  const std::string schema =
      std::string(ANSINH_REFERENCE_DATA_DIR) + "/iso20022/camt.054.001.08.xsd";
  EXPECT_EQ(test::SchemaErrors(schema, xml), "");
  EXPECT_EQ(DetectIngestKind(xml), "camt.054");

  // Unknown lines, wrong amounts and lines not reported paid reject the whole file.
  auto unknown =
      Ingest(test::Camt054("R-0", {{b1, kBtxhText, ""}, {"202409-999-R-202409", "1", ""}}));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "ingest.unknown_lines");
  EXPECT_NE(unknown.error().message.find("202409-999-R-202409"), std::string::npos);
  auto amount = Ingest(test::Camt054("R-0", {{b1, "700000", ""}}));
  ASSERT_FALSE(amount);
  EXPECT_EQ(amount.error().code, "ingest.amount_mismatch");
  ASSERT_EQ(amount.error().details.size(), 1u);
  EXPECT_EQ(amount.error().details[0].field, b1);
  auto unpaid = Ingest(test::Camt054("R-0", {{d1, kBtxhText, ""}}));
  ASSERT_FALSE(unpaid);
  EXPECT_EQ(unpaid.error().code, "ingest.status_conflict");
  EXPECT_EQ(StatusOf("B1"), "paid");

  auto returned = Ingest(xml);
  ASSERT_TRUE(returned) << returned.error().message;
  EXPECT_EQ(returned->kind, "camt.054");
  EXPECT_EQ(returned->returned, 1);
  EXPECT_EQ(returned->returned_vnd, kResultsBtxhVnd);
  EXPECT_EQ(returned->unchanged, 1);  // the debit entry
  EXPECT_EQ(returned->batch_id, kBankBatch);
  EXPECT_EQ(StatusOf("B1"), "returned");
  EXPECT_EQ(Balance("returned"), kResultsBtxhVnd);
  EXPECT_EQ(Balance("paid"), 0);
  auto again = Ingest(xml, 3);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already_ingested);
  EXPECT_EQ(Balance("returned"), kResultsBtxhVnd);
  ASSERT_TRUE(again->fallbacks);
  EXPECT_EQ(again->fallbacks->methods_blocked, 0);     // done by the first ingest
  EXPECT_EQ(returned->fallbacks->methods_blocked, 1);  // AC04 in the return
  ExpectAuditClean();
}

TEST_P(DisbursementResultsTest, ProviderSheetRecordsCashPaidAndNotPaidOnceInCsvOrXlsx) {
  Exported();
  const std::string b2 = LineOf("B2"), b4 = LineOf("B4");
  const std::string csv = ResultsFixture(
      "ket_qua_tien_mat.csv", {{"BATCH", kCashBatch}, {"LINE_PAID", b2}, {"LINE_UNPAID", b4}});
  EXPECT_EQ(DetectIngestKind(csv), "sheet");

  test::SheetRows bad = {{"Mã dòng", "Kết quả", "Số tiền", "Ngày chi"},
                         {b2, "Đã chi", kBtxhText, ""},
                         {b4, "Đã chi", "1", "16/09/2024"},
                         {"202409-999-R-202409", "Đã chi", "1", "16/09/2024"}};
  auto unknown = Ingest(test::ResultXlsx(bad));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "ingest.unknown_lines");
  ASSERT_EQ(unknown.error().details.size(), 1u);
  EXPECT_EQ(unknown.error().details[0].row, 4);
  bad.pop_back();
  auto amount = Ingest(test::ResultXlsx(bad));
  ASSERT_FALSE(amount);
  EXPECT_EQ(amount.error().code, "ingest.amount_mismatch");
  EXPECT_EQ(amount.error().details[0].row, 3);
  EXPECT_EQ(amount.error().details[0].field, "so_tien");
  bad.pop_back();
  auto undated = Ingest(test::ResultXlsx(bad));
  ASSERT_FALSE(undated);
  EXPECT_EQ(undated.error().code, "ingest.paid_on_missing");
  EXPECT_EQ(StatusOf("B2"), "sent");

  auto ingested = Ingest(csv);
  ASSERT_TRUE(ingested) << ingested.error().message;
  EXPECT_EQ(ingested->kind, "sheet");
  EXPECT_EQ(ingested->message_id.substr(0, 7), "sha256:");
  EXPECT_EQ(ingested->message_id.size(), 7u + 64u);
  EXPECT_EQ(ingested->paid, 1);
  EXPECT_EQ(ingested->failed, 1);
  EXPECT_EQ(StatusOf("B2"), "paid_cash");
  EXPECT_EQ(StatusOf("B4"), "failed");
  auto paid_on = session().Query("SELECT paid_on FROM payment_results WHERE paid_on IS NOT NULL");
  ASSERT_TRUE(paid_on && paid_on->size() == 1);
  EXPECT_EQ(paid_on->Text(0, 0), "2024-09-16");
  EXPECT_EQ(Balance("cash_held"), 0);
  EXPECT_EQ(Balance("paid"), kResultsBtxhVnd);
  EXPECT_EQ(Balance("returned"), kResultsBtxhVnd);
  EXPECT_TRUE(Ingest(csv, 3)->already_ingested);
  // The same results as XLSX (another file) change nothing more.
  auto xlsx = Ingest(test::ResultXlsx({{"Mã dòng", "Kết quả", "Lý do", "Số tiền", "Ngày chi"},
                                       {b2, "Đã chi", "", kBtxhText, "16/09/2024"},
                                       {b4, "Chưa chi", "Không gặp", kBtxhText, ""}}));
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  EXPECT_EQ(xlsx->unchanged, 2);
  ExpectAuditClean();
}

TEST_P(DisbursementResultsTest, RejectionsSuspendTheDeceasedAndBlockBadAccounts) {
  Exported();
  const std::string b1 = LineOf("B1"), d1 = LineOf("D1");
  const std::string report = Paid(
      "STS-RJ", kBankBatch, {{b1, "RJCT", "AC04", kBtxhText}, {d1, "RJCT", "MD07", kBtxhText}});
  auto ingested = Ingest(report);
  ASSERT_TRUE(ingested) << ingested.error().message;
  EXPECT_EQ(ingested->failed, 2);
  ASSERT_TRUE(ingested->fallbacks);
  EXPECT_EQ(ingested->fallbacks->suspended, 1);
  EXPECT_EQ(ingested->fallbacks->methods_blocked, 1);
  EXPECT_EQ(ingested->fallbacks->findings, 2);

  RegistryService registry(session(), codes());
  auto dead = registry.Show("D1");
  ASSERT_TRUE(dead);
  EXPECT_EQ(dead->beneficiary.person.status, core::BeneficiaryStatus::kSuspended);
  auto history = registry.History("D1");
  ASSERT_TRUE(history);
  EXPECT_EQ(history->back().change_kind, "suspended");
  EXPECT_NE(history->back().reason.find("MD07"), std::string::npos);
  auto findings = store::MakeFindingStore(session())->ListFor(dead->beneficiary.id);
  ASSERT_TRUE(findings);
  ASSERT_EQ(findings->size(), 1u);
  EXPECT_EQ(findings->front().code, "payment.deceased_reported");

  auto blocked = registry.Show("B1");
  ASSERT_TRUE(blocked && blocked->payment_method);
  EXPECT_FALSE(blocked->payment_method->valid);
  EXPECT_EQ(blocked->payment_method->problems, "payment_method.rejected_by_bank");
  auto audit = session().Query(
      "SELECT COUNT(*) FROM audit_log WHERE action IN ('beneficiary.suspended', "
      "'beneficiary.payment_method_blocked')");
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->Int64(0, 0), 2);

  // Ingesting again finds everything done.
  auto again = Ingest(report, 3);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already_ingested);
  EXPECT_EQ(again->fallbacks->suspended + again->fallbacks->methods_blocked, 0);
  EXPECT_EQ(Count("findings"), 2);
  ExpectAuditClean();
}

TEST_P(DisbursementResultsTest, ReissueMakesOneNewAttemptInTheNextBatchSequence) {
  Exported();
  const std::string b1 = LineOf("B1"), n1 = LineOf("N1");
  auto early = ReissueLine(session(), {n1, "CASH_PAYPOINT", As("huyen01"), Day(2)});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, "reissue.not_failed");
  ASSERT_TRUE(Ingest(Paid("STS-AC", kBankBatch, {{b1, "RJCT", "AC04", kBtxhText}})));
  auto by_bank = ReissueLine(session(), {b1, "BANK_ACCOUNT", As("huyen01"), Day(3)});
  ASSERT_FALSE(by_bank);
  EXPECT_EQ(by_bank.error().code, "reissue.method_invalid");
  EXPECT_EQ(ReissueLine(session(), {b1, "CHEQUE", As("huyen01"), Day(3)}).error().code,
            "reissue.channel_invalid");

  auto reissued = ReissueLine(session(), {b1, "CASH_PAYPOINT", As("huyen01"), Day(3)});
  ASSERT_TRUE(reissued) << reissued.error().message;
  EXPECT_EQ(reissued->from_batch_id, kBankBatch);
  EXPECT_EQ(reissued->from_status, "failed");
  EXPECT_EQ(StatusOf("B1"), "pending");
  EXPECT_EQ(Balance("returned"), 0);
  EXPECT_EQ(Balance("payable"), kResultsBtxhVnd);
  ExpectAuditClean();
  auto twice = ReissueLine(session(), {b1, "CASH_HOME", As("huyen01"), Day(3)});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "reissue.already_reissued");

  // The old batch's report, sent again under another id, no longer touches the line.
  auto late = Ingest(Paid("STS-AC-2", kBankBatch, {{b1, "RJCT", "AC04", kBtxhText}}), 4);
  ASSERT_TRUE(late) << late.error().message;
  EXPECT_EQ(late->unchanged, 1);

  auto exported = Export();
  ASSERT_TRUE(exported) << exported.error().message;
  ASSERT_EQ(exported->batches.size(), 4u);
  EXPECT_EQ(exported->batches.back().batch.batch_id, "202409-001-P-VNPOST-C-2");
  EXPECT_EQ(exported->batches.back().batch.total_vnd, kResultsBtxhVnd);
  EXPECT_EQ(StatusOf("B1"), "sent");
  auto live = session().Query("SELECT COUNT(*) FROM batch_items WHERE live = 1 AND line_id = ?1",
                              {store::SqlText(b1)});
  ASSERT_TRUE(live);
  EXPECT_EQ(live->Int64(0, 0), 1);
  ExpectAuditClean();
  auto paid =
      Ingest(test::ResultCsv({{"Mã lô", "Mã dòng", "Kết quả", "Số tiền", "Ngày chi"},
                              {"202409-001-P-VNPOST-C-2", b1, "Đã chi", kBtxhText, "20/09/2024"}}),
             5);
  ASSERT_TRUE(paid) << paid.error().message;
  EXPECT_EQ(StatusOf("B1"), "paid_cash");
  ExpectAuditClean();
}

TEST_P(DisbursementResultsTest, UnclaimedCashGoesBackToTheBudgetOnce) {
  Exported();
  const std::int64_t budget_vnd = Balance("budget");
  auto early = ExpireUnclaimedCash(session(), {"2024-10-14", 30, As("huyen01"), Day(30)});
  ASSERT_TRUE(early) << early.error().message;
  EXPECT_EQ(early->last_pay_by, "2024-09-14");
  EXPECT_EQ(early->lines, 0);
  auto expired = ExpireUnclaimedCash(session(), {"2024-10-15", 30, As("huyen01"), Day(30)});
  ASSERT_TRUE(expired) << expired.error().message;
  EXPECT_EQ(expired->lines, 2);
  EXPECT_EQ(expired->amount_vnd, 2 * kResultsBtxhVnd);
  ASSERT_EQ(expired->batches.size(), 1u);
  EXPECT_EQ(expired->batches[0].batch_id, kCashBatch);
  EXPECT_EQ(StatusOf("B2"), "returned");
  EXPECT_EQ(Balance("cash_held"), 0);
  EXPECT_EQ(Balance("returned"), 0);
  EXPECT_EQ(Balance("budget"), budget_vnd + 2 * kResultsBtxhVnd);
  ExpectAuditClean();
  auto again = ExpireUnclaimedCash(session(), {"2024-10-15", 30, As("huyen01"), Day(31)});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->lines, 0);
  EXPECT_EQ(
      ReissueLine(session(), {LineOf("B2"), "CASH_HOME", As("huyen01"), Day(31)}).error().code,
      "reissue.returned_to_budget");
  EXPECT_EQ(ExpireUnclaimedCash(session(), {"2024-10-15", 0, As("x"), Day()}).error().code,
            "unclaimed.days_invalid");
  EXPECT_EQ(ExpireUnclaimedCash(session(), {"15/10/2024", 30, As("x"), Day()}).error().code,
            "unclaimed.date_invalid");
  ExpectAuditClean();
}

TEST_P(DisbursementResultsTest, OverdueLinesAreListedPerOfficeAfterThePayByDate) {
  Exported();
  auto before = ListOverdueLines(session(), {"001", "2024-09-15"});
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ(before->count, 0);  // the pay-by day itself is not late
  const std::string b1 = LineOf("B1");
  ASSERT_TRUE(
      Ingest(Paid("STS-OK", kBankBatch,
                  {{b1, "ACSC", "", kBtxhText}, {LineOf("D1"), "RJCT", "AC01", kBtxhText}})));
  auto late = ListOverdueLines(session(), {"001", "2024-09-20"});
  ASSERT_TRUE(late) << late.error().message;
  EXPECT_EQ(late->count, 4);  // D1 rejected, B2 and B4 in cash, N1 without a result
  std::map<std::string, std::string> states;
  for (const auto& line : late->lines) {
    states[line.beneficiary_code] = line.state;
    EXPECT_EQ(line.days_overdue, 5);
    EXPECT_EQ(line.pay_by_date, "2024-09-15");
  }
  EXPECT_EQ(states["D1"], "failed");
  EXPECT_EQ(states["B2"], "no_result");
  EXPECT_EQ(states["N1"], "no_result");
  EXPECT_EQ(states.count("B1"), 0u);
  const auto json = ToJson(*late);
  EXPECT_EQ(json["lines"].size(), 4u);
  EXPECT_TRUE(ListOverdueLines(session(), {"002", "2024-09-20"})->lines.empty());
  EXPECT_EQ(ListOverdueLines(session(), {"001", "20/09/2024"}).error().code,
            "overdue.date_invalid");
  auto one = ListOverdueLines(session(), {"001", "2024-09-20", 1});
  ASSERT_TRUE(one);
  EXPECT_TRUE(one->truncated);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(DisbursementResultsTest);

}  // namespace
}  // namespace ansinh::app
