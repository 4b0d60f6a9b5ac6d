// Settlement on both stores (issue 5 item 6): the Treasury's advance
// (route 1) and payment order (route 2), each idempotent by order number;
// settlement refused while lines have no result, when it does not balance
// or the refund reported differs, then done once — returns back to the
// budget, batches closed — with its XLSX/PDF report; the cycle's stage from
// approved to settled; `ansinh audit` clean throughout and catching a
// tampered settlement.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/disbursement_service.h"
#include "app/ingest_service.h"
#include "app/ledger_audit.h"
#include "app/payroll_service.h"
#include "app/reissue_service.h"
#include "app/settlement_report.h"
#include "app/settlement_service.h"
#include "integration/disbursement_fixture.h"
#include "unit/pain002_test_message.h"
#include "unit/provider_result_test_sheet.h"

namespace ansinh::app {
namespace {

using testing_support::DisbursementPerson;
// BTXH by bank (B1, D1) and in cash (B2, B4) through VNPOST; NCC by bank
// (N1, N2) through the Treasury.
constexpr DisbursementPerson kSettlePeople[] = {
    {"B1", false, "0123456789"}, {"D1", false, "0987654321"},  {"B2", false, nullptr},
    {"B4", false, nullptr},      {"N1", true, "100012345678"}, {"N2", true, "100012345679"}};
constexpr std::int64_t kSettleBtxh = 750'000;
constexpr std::int64_t kSettleFee = 3'000;
constexpr std::int64_t kSettleAdvance = 3'500'000;
// The advance less what VNPOST paid (B1 by bank, B2 in cash), the two
// returned lines (D1 rejected, B4 not found) and the four fees.
constexpr std::int64_t kSettleSurplus = kSettleAdvance - 4 * kSettleBtxh - 4 * kSettleFee;
constexpr std::int64_t kVnpostReturned = 2 * kSettleBtxh + kSettleSurplus;

class SettlementTest : public testing_support::DisbursementFixture {
 protected:
  void Exported() {
    for (const DisbursementPerson& spec : kSettlePeople) AddPerson(spec);
    ASSERT_TRUE(
        PayrollService(session()).Run({"2024-09", "001", std::nullopt, As("alice"), Day()}));
    ASSERT_TRUE(
        PayrollService(session()).Approve({"2024-09", "001", std::nullopt, As("bob"), Day()}));
    for (const char* group : {"BTXH", "NCC"}) {
      const bool btxh = std::string(group) == "BTXH";
      RouteRequest r;
      r.unit = "001";
      r.group = group;
      r.route_kind = btxh ? "PROVIDER" : "TREASURY_DIRECT";
      r.provider_code = btxh ? "VNPOST" : "KBNN";
      r.provider_name = btxh ? "Bưu điện huyện" : "Kho bạc Nhà nước huyện";
      r.contract_number = btxh ? "12/2024/HĐ-BĐ" : "KB-001";
      r.source_account = "3713.0.1055555";
      r.fee_fixed_vnd = btxh ? kSettleFee : 0;
      r.actor = As("huyen01");
      r.now = Day();
      ASSERT_TRUE(DisbursementService(session()).SetRoute(r));
    }
    auto exported = DisbursementService(session()).Export(
        {"2024-09", "001", std::nullopt, "csv", out_.path(), As("huyen01"), Day(1)});
    ASSERT_TRUE(exported) << exported.error().message;
    ASSERT_EQ(exported->batches.size(), 3u);
  }

  std::string LineOf(const std::string& code) {
    auto rows = session().Query("SELECT line_id FROM payment_lines WHERE beneficiary_code = ?1",
                                {store::SqlText(code)});
    return rows && rows->size() == 1 ? rows->Text(0, 0) : "";
  }

  // The Treasury's batches: the NCC lines at the policy's current rate.
  std::int64_t NccTotal() {
    return Count("SELECT SUM(total_vnd) FROM disbursement_batches WHERE provider_code = 'KBNN'");
  }
  std::string AmountOf(const std::string& code) {
    return std::to_string(
        Count("SELECT amount_vnd FROM payment_lines WHERE beneficiary_code = '" + code + "'"));
  }

  Result<FundSummary> Fund(const std::string& provider, std::int64_t amount,
                           const std::string& order) {
    return RecordFunding(session(), {{"2024-09", "001", std::nullopt},
                                     provider,
                                     amount,
                                     order,
                                     "2024-09-05",
                                     As("ketoan"),
                                     Day(2)});
  }
  Result<SettleSummary> Settle(const std::string& provider, std::int64_t returned) {
    return SettlePayer(
        session(), {{"2024-09", "001", std::nullopt}, provider, returned, As("ketoan"), Day(20)});
  }
  std::string Stage() {
    auto status = ReadCycleStatus(session(), {"2024-09", "001", std::nullopt}, Day());
    EXPECT_TRUE(status) << status.error().message;
    return status ? std::string(core::CycleStageCode(status->stage)) : "";
  }
  void Ingest(const std::string& bytes) {
    auto ingested = IngestFile(session(), codes(), bytes, As("huyen01"), Day(10));
    ASSERT_TRUE(ingested) << ingested.error().message;
  }
  // VNPOST's results: B1 paid, D1 rejected (AC04), B2 paid in cash, B4 not found.
  void VnpostResults() {
    Ingest(test::Pain002(
        "PSR-B-1", "202409-001-P-VNPOST-B-1",
        {{LineOf("B1"), "ACSC", "", "750000"}, {LineOf("D1"), "RJCT", "AC04", "750000"}}));
    Ingest(test::ResultCsv({{"Mã dòng", "Kết quả", "Lý do", "Số tiền", "Ngày chi"},
                            {LineOf("B2"), "Đã chi", "", "750000", "16/09/2024"},
                            {LineOf("B4"), "Chưa chi", "Không gặp đối tượng", "750000", ""}}));
  }
  void ExpectAuditClean() {
    auto report = AuditLedger(session());
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_TRUE(report->clean()) << ToJson(*report).dump();
  }
  std::int64_t Count(const std::string& sql) {
    auto rows = session().Query(sql);
    return rows && rows->size() == 1 ? rows->Int64(0, 0) : -1;
  }

  testing_support::TempDir out_;
};

TEST_P(SettlementTest, FundingIsIdempotentByOrderAndRoute2PaysExactlyTheList) {
  Exported();
  EXPECT_EQ(Stage(), "approved");
  auto funded = Fund("VNPOST", kSettleAdvance, "TU-09/2024");
  ASSERT_TRUE(funded) << funded.error().message;
  EXPECT_FALSE(funded->already_recorded);
  EXPECT_EQ(funded->funding.route_kind, "PROVIDER");
  EXPECT_EQ(funded->batches_total_vnd, 4 * kSettleBtxh);
  auto again = Fund("VNPOST", kSettleAdvance, "TU-09/2024");
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already_recorded);
  auto other = Fund("VNPOST", kSettleAdvance + 1, "TU-09/2024");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, "settlement.order_conflict");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM settlement_fundings"), 1);
  EXPECT_EQ(Stage(), "approved");  // the Treasury's payer not funded yet

  auto wrong = Fund("KBNN", NccTotal() - 1, "UNC-01");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, "settlement.order_amount");
  EXPECT_NE(wrong.error().message.find("chênh lệch -1 đồng"), std::string::npos)
      << wrong.error().message;
  auto unknown = Fund("VCB", 1, "X");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "settlement.payer_unknown");
  ASSERT_TRUE(Fund("KBNN", NccTotal(), "UNC-01"));
  auto covered = Fund("KBNN", 1, "UNC-02");
  ASSERT_FALSE(covered);
  EXPECT_EQ(covered.error().code, "settlement.nothing_to_fund");
  EXPECT_EQ(Stage(), "funded");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'disburse.fund'"), 2);
  ExpectAuditClean();
}

TEST_P(SettlementTest, SettlesBothRoutesOnceToTheDongAndTheCycleReachesSettled) {
  Exported();
  ASSERT_TRUE(Fund("VNPOST", kSettleAdvance, "TU-09/2024"));
  ASSERT_TRUE(Fund("KBNN", NccTotal(), "UNC-01"));
  auto early = Settle("VNPOST", kVnpostReturned);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, "settlement.lines_unresolved");
  EXPECT_EQ(early.error().details.size(), 4u);
  EXPECT_NE(early.error().message.find(LineOf("D1")), std::string::npos);

  VnpostResults();
  EXPECT_EQ(Stage(), "disbursing");
  auto mismatch = Settle("VNPOST", kVnpostReturned - 1'000);
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.error().code, "settlement.returned_mismatch");
  EXPECT_NE(mismatch.error().message.find("chênh lệch -1.000 đồng"), std::string::npos)
      << mismatch.error().message;

  auto settled = Settle("VNPOST", kVnpostReturned);
  ASSERT_TRUE(settled) << settled.error().message;
  EXPECT_FALSE(settled->already_settled);
  EXPECT_EQ(settled->batches_closed, 2);
  const auto& f = settled->figures;
  EXPECT_EQ(f["paid_account_vnd"], kSettleBtxh);
  EXPECT_EQ(f["paid_cash_vnd"], kSettleBtxh);
  EXPECT_EQ(f["surplus_vnd"], kSettleSurplus);
  EXPECT_EQ(f["returned_vnd"], kVnpostReturned);
  EXPECT_EQ(f["fees_vnd"], 4 * kSettleFee);
  EXPECT_EQ(f["difference_vnd"], 0);
  EXPECT_EQ(f["to_budget_vnd"], 2 * kSettleBtxh);
  EXPECT_EQ(Balance("returned"), 0);  // back in the budget
  ExpectAuditClean();
  auto twice = Settle("VNPOST", kVnpostReturned);
  ASSERT_TRUE(twice);
  EXPECT_TRUE(twice->already_settled);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM settlements"), 1);
  auto reissue = ReissueLine(session(), {LineOf("D1"), "CASH_PAYPOINT", As("huyen01"), Day(21)});
  ASSERT_FALSE(reissue);
  EXPECT_EQ(reissue.error().code, "reissue.settled");
  auto late = Fund("VNPOST", 1, "TU-BS");
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, "settlement.already_settled");
  EXPECT_EQ(Stage(), "disbursing");  // the Treasury's lines have no result yet

  Ingest(test::Pain002(
      "PSR-T-1", "202409-001-T-KBNN-B-1",
      {{LineOf("N1"), "ACSC", "", AmountOf("N1")}, {LineOf("N2"), "ACSC", "", AmountOf("N2")}}));
  EXPECT_EQ(Stage(), "reconciled");
  auto route2 = Settle("KBNN", 0);
  ASSERT_TRUE(route2) << route2.error().message;
  EXPECT_EQ(route2->figures["paid_account_vnd"], NccTotal());
  EXPECT_EQ(Stage(), "settled");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM disbursement_batches WHERE status = 'closed'"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'disburse.settle'"), 2);
  ExpectAuditClean();

  for (const char* format : {"xlsx", "pdf"}) {
    auto report = WriteSettlementReport(
        session(),
        {{"2024-09", "001", std::nullopt}, "VNPOST", format, out_.path(), As("ketoan"), Day(21)});
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_GT(std::filesystem::file_size(*report), 1000u) << *report;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'disburse.settlement_export'"), 2);
  auto unsettled = WriteSettlementReport(
      session(),
      {{"2024-09", "001", std::nullopt}, "VCB", "pdf", out_.path(), As("ketoan"), Day(21)});
  ASSERT_FALSE(unsettled);
}

TEST_P(SettlementTest, AShortAdvanceAndAReissueWaitingForItsBatchAreRefused) {
  Exported();
  ASSERT_TRUE(Fund("VNPOST", 4 * kSettleBtxh, "TU-09/2024"));  // the fees are not covered
  VnpostResults();
  auto short_advance = Settle("VNPOST", 2 * kSettleBtxh);
  ASSERT_FALSE(short_advance);
  EXPECT_EQ(short_advance.error().code, "settlement.unbalanced");
  EXPECT_NE(short_advance.error().message.find("chênh lệch -12.000 đồng"), std::string::npos)
      << short_advance.error().message;
  ASSERT_TRUE(Fund("VNPOST", 4 * kSettleFee, "TU-09/2024-BS"));  // a supplementary advance

  // D1's failed bank payment re-issued in cash through the same provider:
  // waiting for its batch, then paid — the money stays with VNPOST.
  ASSERT_TRUE(ReissueLine(session(), {LineOf("D1"), "CASH_PAYPOINT", As("huyen01"), Day(11)}));
  auto waiting = Settle("VNPOST", kSettleBtxh);
  ASSERT_FALSE(waiting);
  EXPECT_EQ(waiting.error().code, "settlement.reissue_pending");
  EXPECT_EQ(waiting.error().details.at(0).field, LineOf("D1"));
  ASSERT_TRUE(DisbursementService(session()).Export(
      {"2024-09", "001", std::nullopt, "csv", out_.path(), As("huyen01"), Day(12)}));
  ASSERT_TRUE(Fund("VNPOST", kSettleFee, "TU-09/2024-BS2"));  // the new attempt's fee
  Ingest(test::ResultCsv({{"Mã dòng", "Kết quả", "Số tiền", "Ngày chi"},
                          {LineOf("D1"), "Đã chi", "750000", "17/09/2024"}}));
  auto settled = Settle("VNPOST", kSettleBtxh);  // only B4 comes back
  ASSERT_TRUE(settled) << settled.error().message;
  EXPECT_EQ(settled->figures["paid_cash_vnd"], 2 * kSettleBtxh);
  EXPECT_EQ(settled->figures["surplus_vnd"], 0);
  ExpectAuditClean();
}

TEST_P(SettlementTest, TheAuditCatchesATamperedSettlement) {
  Exported();
  ASSERT_TRUE(Fund("VNPOST", kSettleAdvance, "TU-09/2024"));
  VnpostResults();
  ASSERT_TRUE(Settle("VNPOST", kVnpostReturned));
  ExpectAuditClean();

  ASSERT_TRUE(session().Execute("UPDATE settlements SET returned_vnd = returned_vnd + 1000"));
  auto figures = AuditLedger(session());
  ASSERT_TRUE(figures);
  EXPECT_FALSE(figures->clean());
  ASSERT_FALSE(figures->batch_problems.empty());
  EXPECT_NE(figures->batch_problems[0].batch_id.find("settle:"), std::string::npos);
  ASSERT_TRUE(session().Execute("UPDATE settlements SET returned_vnd = returned_vnd - 1000"));
  ExpectAuditClean();

  // A return taken out of the settlement: its money is in the budget by the
  // ledger but returned by the facts, and the settlement's sum is off.
  ASSERT_TRUE(session().Execute(
      "DELETE FROM settlement_returns WHERE line_ref = (SELECT id FROM payment_lines "
      "WHERE beneficiary_code = 'D1')"));
  auto removed = AuditLedger(session());
  ASSERT_TRUE(removed);
  EXPECT_FALSE(removed->differences.empty()) << ToJson(*removed).dump();
  EXPECT_FALSE(removed->batch_problems.empty());
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(SettlementTest);

}  // namespace
}  // namespace ansinh::app
