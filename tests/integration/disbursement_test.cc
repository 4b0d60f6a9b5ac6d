// Disbursement on both stores: routes per office and group, the ledger
// posting of an approval, batches of an approved cycle exported as pain.001
// (validated against the ISO schema with libxml2) and CSV, stable ids on
// re-export, the constraint that a line is live in one batch only, and the
// audit that re-derives every balance and catches tampering.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/disbursement_service.h"
#include "app/ingest_service.h"
#include "app/ledger_audit.h"
#include "app/payroll_service.h"
#include "app/registry_service.h"
#include "formats/xlsx_reader.h"
#include "integration/disbursement_fixture.h"
#include "store/batch_store.h"
#include "store/ledger_store.h"
#include "unit/iso20022_schema.h"
#include "unit/pain002_test_message.h"
#include "unit/pdf_text.h"

namespace ansinh::app {
namespace {

// B1 BTXH by bank account, B2 BTXH in cash, B3 BTXH with a bad account
// (held), N1 NCC by bank account; all in commune 00001 of district 001.
using testing_support::DisbursementPerson;
constexpr DisbursementPerson kPeople[] = {{"B1", false, "0123456789"},
                                          {"B2", false, nullptr},
                                          {"B3", false, "12"},
                                          {"N1", true, "100012345678"}};
constexpr std::int64_t kBtxhVnd = 750'000;   // 500,000 × 1.5 (BTXH-5.5a, age 74)
constexpr std::int64_t kNccVnd = 2'789'000;  // NCC-I.3.1-1 from 2024-07 (NĐ 77/2024)

class DisbursementTest : public testing_support::DisbursementFixture {
 protected:
  static PayrollRequest Cycle(const std::string& actor) {
    return {"2024-09", "001", std::nullopt, As(actor), Day()};
  }

  void ApprovedCycle() {
    for (const DisbursementPerson& spec : kPeople) AddPerson(spec);
    auto run = PayrollService(session()).Run(Cycle("alice"));
    ASSERT_TRUE(run) << run.error().message;
    auto approved = PayrollService(session()).Approve(Cycle("bob"));
    ASSERT_TRUE(approved) << approved.error().message;
  }

  RouteRequest Route(const std::string& group) {
    RouteRequest r;
    r.unit = "001";
    r.group = group;
    if (group == "BTXH") {
      r.route_kind = "PROVIDER";
      r.provider_code = "VNPOST";
      r.provider_name = "Bưu điện tỉnh";
      r.contract_number = "12/2024/HĐ-BĐ";
      r.source_account = "3713.0.1055555";
      r.fee_kind = "PERCENT";
      r.fee_bps = 55;
      r.fee_min_vnd = 2'000;
      r.fee_max_vnd = 20'000;
    } else {
      r.route_kind = "TREASURY_DIRECT";
      r.provider_code = "KBNN";
      r.contract_number = "KB-01";
      r.source_account = "9527.1.1055555";
      r.fee_fixed_vnd = 0;
    }
    r.actor = As("huyen01");
    r.now = Day();
    return r;
  }

  void Routes() {
    for (const char* group : {"BTXH", "NCC"}) {
      auto set = DisbursementService(session()).SetRoute(Route(group));
      ASSERT_TRUE(set) << set.error().message;
    }
  }

  Result<ExportSummary> Export(const std::string& format) {
    return DisbursementService(session()).Export(
        {"2024-09", "001", std::nullopt, format, out_.path(), As("huyen01"), Day(1)});
  }

  LedgerAuditReport Audit() {
    auto report = AuditLedger(session());
    EXPECT_TRUE(report) << (report ? "" : report.error().message);
    return report ? *report : LedgerAuditReport{};
  }

  testing_support::TempDir out_;
};

TEST_P(DisbursementTest, RoutesAreSetPerOfficeAndGroupAndValidated) {
  DisbursementService service(session());
  ASSERT_TRUE(service.SetRoute(Route("BTXH")));
  RouteRequest changed = Route("BTXH");
  changed.pay_by_day = 10;
  ASSERT_TRUE(service.SetRoute(changed));
  auto routes = service.ListRoutes("001");
  ASSERT_TRUE(routes);
  ASSERT_EQ(routes->size(), 1u);
  EXPECT_EQ(routes->front().pay_by_day, 10);
  EXPECT_EQ(routes->front().fee_bps, 55);
  EXPECT_EQ(routes->front().unit_edition, "pre2025");

  RouteRequest bad = Route("NCC");
  bad.fee_kind = "PERCENT";
  bad.fee_bps = 100;
  bad.fee_min_vnd = 5'000;
  bad.fee_max_vnd = 1'000;
  EXPECT_EQ(service.SetRoute(bad).error().code, "fee.bounds_invalid");
  bad = Route("NCC");
  bad.pay_by_day = 31;
  EXPECT_EQ(service.SetRoute(bad).error().code, "disburse.pay_by_day_invalid");
  bad = Route("HN");
  EXPECT_EQ(service.SetRoute(bad).error().code, "disburse.group_invalid");
  bad = Route("NCC");
  bad.provider_code = "vn post";
  EXPECT_EQ(service.SetRoute(bad).error().code, "disburse.provider_invalid");
  bad = Route("NCC");
  bad.unit = "999";
  EXPECT_FALSE(service.SetRoute(bad));
}

TEST_P(DisbursementTest, ApprovalPostsTheBudgetCommitmentAndTheAuditIsClean) {
  ApprovedCycle();
  const std::int64_t total_vnd = 3 * kBtxhVnd + kNccVnd;
  EXPECT_EQ(Balance("budget"), -total_vnd);
  EXPECT_EQ(Balance("payable"), total_vnd);
  const LedgerAuditReport report = Audit();
  EXPECT_TRUE(report.clean()) << ToJson(report).dump();
  EXPECT_EQ(report.cycles, 1);
}

TEST_P(DisbursementTest, ExportNeedsAnApprovedCycleAndARouteForEveryGroup) {
  for (const DisbursementPerson& spec : kPeople) AddPerson(spec);
  ASSERT_TRUE(PayrollService(session()).Run(Cycle("alice")));
  EXPECT_EQ(Export("pain001").error().code, "disburse.cycle_not_approved");
  ASSERT_TRUE(PayrollService(session()).Approve(Cycle("bob")));
  ASSERT_TRUE(DisbursementService(session()).SetRoute(Route("BTXH")));
  auto missing = Export("pain001");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "disburse.route_missing");
  EXPECT_NE(missing.error().message.find("NCC"), std::string::npos);
  EXPECT_EQ(Count("disbursement_batches"), 0);  // nothing half-opened
  EXPECT_EQ(Export("docx").error().code, "disburse.format_invalid");
}

TEST_P(DisbursementTest, BatchesPerRouteProviderAndChannelValidateAgainstTheIsoSchema) {
  ApprovedCycle();
  Routes();
  auto summary = Export("pain001");
  ASSERT_TRUE(summary) << summary.error().message;
  ASSERT_EQ(summary->batches.size(), 3u);  // BTXH bank, BTXH cash, NCC bank; B3 is held
  std::map<std::string, ExportedBatch> by_id;
  for (const auto& b : summary->batches) by_id[b.batch.batch_id] = b;
  ASSERT_TRUE(by_id.count("202409-001-P-VNPOST-B-1"));
  ASSERT_TRUE(by_id.count("202409-001-P-VNPOST-C-1"));
  ASSERT_TRUE(by_id.count("202409-001-T-KBNN-B-1"));
  const ExportedBatch& btxh = by_id["202409-001-P-VNPOST-B-1"];
  EXPECT_TRUE(btxh.opened_now);
  EXPECT_EQ(btxh.batch.total_vnd, kBtxhVnd);
  EXPECT_EQ(btxh.batch.fee_vnd, 4'125);  // 0.55 % of 750,000
  EXPECT_EQ(btxh.batch.pay_by_date, "2024-09-15");
  EXPECT_FALSE(by_id["202409-001-P-VNPOST-C-1"].file);  // cash: no pain.001

  for (const char* id : {"202409-001-P-VNPOST-B-1", "202409-001-T-KBNN-B-1"}) {
    ASSERT_TRUE(by_id[id].file) << id;
    const std::string xml = testing_support::ReadWholeFile(*by_id[id].file);
    EXPECT_EQ(test::SchemaErrors(test::Pain001Schema(), xml), "") << id;
    EXPECT_NE(xml.find("<NbOfTxs>1</NbOfTxs>"), std::string::npos);
    EXPECT_NE(xml.find("<MmbId>970436</MmbId>"), std::string::npos);
  }
  const std::string ncc = testing_support::ReadWholeFile(*by_id["202409-001-T-KBNN-B-1"].file);
  EXPECT_NE(ncc.find("<CtrlSum>2789000</CtrlSum>"), std::string::npos);
  EXPECT_NE(ncc.find("<Id>100012345678</Id>"), std::string::npos);
  EXPECT_NE(ncc.find("<EndToEndId>202409-"), std::string::npos);

  EXPECT_EQ(Balance("payable"), kBtxhVnd);  // B3, held
  EXPECT_EQ(Balance("provider_float"), kBtxhVnd);
  EXPECT_EQ(Balance("cash_held"), kBtxhVnd);
  EXPECT_EQ(Balance("treasury_advance"), kNccVnd);
  EXPECT_EQ(Balance("service_fees"), 2 * 4'125);
  EXPECT_EQ(Balance("budget"), -(3 * kBtxhVnd + kNccVnd) - 2 * 4'125);
  const LedgerAuditReport report = Audit();
  EXPECT_TRUE(report.clean()) << ToJson(report).dump();
  EXPECT_EQ(report.batches, 3);
}

// The file of a re-export differs only in its watermark (who and when): the
// same transactions, ids and amounts.
std::string WithoutWatermark(std::string xml) {
  const auto begin = xml.find("<SplmtryData>");
  const auto end = xml.find("</SplmtryData>");
  if (begin == std::string::npos || end == std::string::npos) return xml;
  return xml.erase(begin, end + std::string("</SplmtryData>").size() - begin);
}

TEST_P(DisbursementTest, ReExportGivesTheSameIdsAndTransactionsAndOpensNothing) {
  ApprovedCycle();
  Routes();
  auto first = Export("pain001");
  ASSERT_TRUE(first) << first.error().message;
  std::map<std::string, std::string> bytes;
  for (const auto& b : first->batches) {
    if (b.file) bytes[b.batch.batch_id] = testing_support::ReadWholeFile(*b.file);
  }
  auto again = DisbursementService(session()).Export(
      {"2024-09", "001", std::nullopt, "pain001", out_.path(), As("tinh01"), Day(2)});
  ASSERT_TRUE(again) << again.error().message;
  ASSERT_EQ(again->batches.size(), first->batches.size());
  for (const auto& b : again->batches) {
    EXPECT_FALSE(b.opened_now) << b.batch.batch_id;
    if (!b.file) continue;
    const std::string xml = testing_support::ReadWholeFile(*b.file);
    EXPECT_NE(xml.find("<By>tinh01</By>"), std::string::npos) << xml;
    EXPECT_NE(bytes[b.batch.batch_id].find("<By>huyen01</By>"), std::string::npos);
    EXPECT_EQ(WithoutWatermark(xml), WithoutWatermark(bytes[b.batch.batch_id]));
  }
  auto csv = Export("csv");
  ASSERT_TRUE(csv);
  std::int64_t files = 0;
  for (const auto& b : csv->batches) {
    ASSERT_TRUE(b.file) << b.batch.batch_id;
    ++files;
    const std::string text = testing_support::ReadWholeFile(*b.file);
    EXPECT_NE(text.find("TONG_CONG,1,"), std::string::npos);
    EXPECT_NE(text.find("XUAT_BOI,Xuất bởi huyen01 lúc "), std::string::npos) << text;
  }
  EXPECT_EQ(files, 3);
  EXPECT_EQ(Count("ledger_transfers"), 4);  // the approval and three batches, once each
  auto exports = session().Query(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'disburse.export' AND after_json LIKE "
      "'%\"rows\":%'");
  ASSERT_TRUE(exports) << exports.error().message;
  EXPECT_EQ(exports->Int64(0, 0), 3);  // every export on the record, with its rows
  EXPECT_TRUE(Audit().clean());
}

TEST_P(DisbursementTest, CashPrintsAsSignatureListsAndEveryBatchAsASpreadsheet) {
  ApprovedCycle();
  Routes();
  auto pdf = Export("pdf");
  ASSERT_TRUE(pdf) << pdf.error().message;
  std::vector<std::string> files;
  for (const auto& b : pdf->batches) {
    if (b.file) files.push_back(*b.file);
  }
  ASSERT_EQ(files.size(), 1u);  // the cash batch only
  EXPECT_NE(files[0].find("202409-001-P-VNPOST-C-1.pdf"), std::string::npos);
  const std::string text = test::PdfText(testing_support::ReadWholeFile(files[0]));
  for (const char* expected :
       {"DANH SÁCH CHI TRẢ TRỢ CẤP TẠI ĐIỂM CHI TRẢ (KÝ NHẬN)", "Điểm chi trả:", "(00001)",
        "Ký nhận", "B2", "Nguyễn Văn An", "Bản thân", "Tháng 09/2024", "750.000", "Cộng: 1 người",
        "Thủ trưởng đơn vị", "Xuất bởi huyen01", "Trang 1/1"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }

  auto xlsx = Export("xlsx");
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  ASSERT_EQ(xlsx->batches.size(), 3u);
  for (const auto& b : xlsx->batches) {
    ASSERT_TRUE(b.file) << b.batch.batch_id;
    const bool cash = b.batch.channel == "CASH_PAYPOINT";
    auto rows = formats::ReadXlsxFile(*b.file, cash ? "00001" : "");
    ASSERT_TRUE(rows) << rows.error().message;
    std::string cells;
    for (const auto& row : *rows) {
      for (const auto& cell : row.cells) cells += cell + "|";
    }
    EXPECT_NE(cells.find("Xuất bởi huyen01"), std::string::npos) << cells;
    EXPECT_NE(cells.find(cash ? "B2|Nguyễn Văn An|Bản thân|" : "|970436|"), std::string::npos)
        << cells;
  }
  EXPECT_TRUE(Audit().clean());
}

TEST_P(DisbursementTest, ALineIsNeverLiveInTwoBatches) {
  ApprovedCycle();
  Routes();
  ASSERT_TRUE(Export("csv"));
  auto batches = store::MakeBatchStore(session());
  auto rows = session().Query(
      "SELECT batch_ref, line_ref, line_id FROM batch_items ORDER BY batch_ref LIMIT 1");
  ASSERT_TRUE(rows && !rows->empty());
  auto other = session().Query("SELECT MAX(id) FROM disbursement_batches");
  ASSERT_TRUE(other);
  const std::int64_t into = other->Int64(0, 0);  // three batches: not the first one
  ASSERT_NE(into, rows->Int64(0, 0));
  auto twice = batches->InsertItems({{into, rows->Int64(0, 1), rows->Text(0, 2), 99, 1}});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "db.unique_violation");
}

TEST_P(DisbursementTest, TheAuditFindsWhatTheLedgerDoesNotExplain) {
  ApprovedCycle();
  Routes();
  ASSERT_TRUE(Export("pain001"));
  ASSERT_TRUE(Audit().clean());
  // A line silently marked paid behind the ledger's back.
  ASSERT_TRUE(session().Execute(
      "UPDATE payment_lines SET status = 'paid' WHERE channel = 'CASH_PAYPOINT'"));
  LedgerAuditReport report = Audit();
  EXPECT_FALSE(report.clean());
  ASSERT_EQ(report.differences.size(), 2u);  // cash_held and paid
  EXPECT_EQ(report.differences[0].account, "cash_held");
  EXPECT_EQ(report.differences[0].ledger_vnd, kBtxhVnd);
  EXPECT_EQ(report.differences[0].derived_vnd, 0);
  EXPECT_EQ(report.differences[0].unit, "001");
  // A leg edited so that its transfer no longer balances.
  ASSERT_TRUE(session().Execute(
      "UPDATE ledger_entries SET amount_vnd = amount_vnd + 1 WHERE account = 'service_fees'"));
  report = Audit();
  EXPECT_FALSE(report.unbalanced.empty());
  // A batch's stored total changed.
  ASSERT_TRUE(session().Execute(
      "UPDATE disbursement_batches SET total_vnd = total_vnd + 1 WHERE channel = 'CASH_PAYPOINT'"));
  EXPECT_FALSE(Audit().batch_problems.empty());
}

TEST_P(DisbursementTest, ALineReleasedAfterTheFirstExportGoesIntoTheNextSequence) {
  ApprovedCycle();
  Routes();
  ASSERT_TRUE(Export("csv"));
  auto held = session().Query("SELECT line_id FROM payment_lines WHERE status = 'held'");
  ASSERT_TRUE(held && held->size() == 1);
  ASSERT_TRUE(PayrollService(session()).ReleaseToCash(held->Text(0, 0), As("huyen01"), Day(1)));
  auto summary = Export("csv");
  ASSERT_TRUE(summary) << summary.error().message;
  ASSERT_EQ(summary->batches.size(), 4u);
  const ExportedBatch& added = summary->batches.back();
  EXPECT_EQ(added.batch.batch_id, "202409-001-P-VNPOST-C-2");
  EXPECT_TRUE(added.opened_now);
  EXPECT_EQ(added.batch.total_vnd, kBtxhVnd);
  EXPECT_EQ(Balance("payable"), 0);
  EXPECT_TRUE(Audit().clean());
}

// The line id and amount of the only transfer of a batch.
std::pair<std::string, std::string> OnlyLine(store::SqlSession& session, const std::string& batch) {
  auto rows = session.Query(
      "SELECT i.line_id, i.transfer_vnd FROM batch_items i JOIN disbursement_batches b "
      "ON b.id = i.batch_ref WHERE b.batch_id = ?1 AND i.transfer_vnd > 0",
      {store::SqlText(batch)});
  if (!rows || rows->size() != 1) return {};
  return {rows->Text(0, 0), std::to_string(rows->Int64(0, 1))};
}

TEST_P(DisbursementTest, StatusReportsMarkLinesPaidOrFailedOnceAndTheLedgerFollows) {
  ApprovedCycle();
  Routes();
  ASSERT_TRUE(Export("pain001"));
  const auto [btxh, btxh_vnd] = OnlyLine(session(), "202409-001-P-VNPOST-B-1");
  const auto [ncc, ncc_vnd] = OnlyLine(session(), "202409-001-T-KBNN-B-1");
  ASSERT_FALSE(btxh.empty());
  const std::string paid =
      test::Pain002("VNPOST-STS-1", "202409-001-P-VNPOST-B-1", {{btxh, "ACSC", "", btxh_vnd}});
  auto first = IngestPain002(session(), paid, As("huyen01"), Day(2));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->paid, 1);
  EXPECT_EQ(first->paid_vnd, kBtxhVnd);
  auto again = IngestPain002(session(), paid, As("huyen01"), Day(2));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already_ingested);
  EXPECT_EQ(Balance("paid"), kBtxhVnd);
  EXPECT_EQ(Balance("provider_float"), 0);

  auto rejected = IngestPain002(
      session(),
      test::Pain002("KB-STS-1", "202409-001-T-KBNN-B-1", {{ncc, "RJCT", "AC04", ncc_vnd}}),
      As("huyen01"), Day(2));
  ASSERT_TRUE(rejected) << rejected.error().message;
  EXPECT_EQ(rejected->failed, 1);
  EXPECT_EQ(Balance("returned"), kNccVnd);
  EXPECT_EQ(Balance("treasury_advance"), 0);
  // Another file repeating a recorded result changes nothing; a contrary one is refused.
  auto repeated = IngestPain002(
      session(),
      test::Pain002("KB-STS-2", "202409-001-T-KBNN-B-1", {{ncc, "RJCT", "AC04", ncc_vnd}}),
      As("huyen01"), Day(3));
  ASSERT_TRUE(repeated);
  EXPECT_EQ(repeated->unchanged, 1);
  auto contrary = IngestPain002(
      session(), test::Pain002("KB-STS-3", "202409-001-T-KBNN-B-1", {{ncc, "ACSC", "", ncc_vnd}}),
      As("huyen01"), Day(3));
  ASSERT_FALSE(contrary);
  EXPECT_EQ(contrary.error().code, "ingest.status_conflict");
  const LedgerAuditReport report = Audit();
  EXPECT_TRUE(report.clean()) << ToJson(report).dump();
}

TEST_P(DisbursementTest, AReportWithUnknownLinesOrWrongAmountsIsRejectedWhole) {
  ApprovedCycle();
  Routes();
  ASSERT_TRUE(Export("pain001"));
  const auto [btxh, btxh_vnd] = OnlyLine(session(), "202409-001-P-VNPOST-B-1");
  auto unknown = IngestPain002(
      session(),
      test::Pain002("S-1", "202409-001-P-VNPOST-B-1",
                    {{btxh, "ACSC", "", btxh_vnd}, {"202409-999-R-202409", "ACSC", "", "1"}}),
      As("huyen01"), Day(2));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "ingest.unknown_lines");
  EXPECT_NE(unknown.error().message.find("202409-999-R-202409"), std::string::npos);
  ASSERT_EQ(unknown.error().details.size(), 1u);
  EXPECT_EQ(unknown.error().details[0].field, "202409-999-R-202409");
  auto wrong = IngestPain002(
      session(), test::Pain002("S-2", "202409-001-P-VNPOST-B-1", {{btxh, "ACSC", "", "750001"}}),
      As("huyen01"), Day(2));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, "ingest.amount_mismatch");
  EXPECT_EQ(Count("ingested_reports"), 0);
  EXPECT_EQ(Balance("paid"), 0);
  auto no_batch = IngestPain002(session(), test::Pain002("S-3", "NOPE", {}), As("x"), Day(2));
  ASSERT_FALSE(no_batch);
  EXPECT_EQ(no_batch.error().code, "ingest.batch_unknown");
  EXPECT_TRUE(Audit().clean());
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(DisbursementTest);

}  // namespace
}  // namespace ansinh::app
