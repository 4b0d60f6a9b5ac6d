// Issue 5 "done when", end to end through the real binary and the bank
// simulator, on both stores: the demo province's cycle approved; BTXH paid
// through a provider (route 1), NCC by the Treasury (route 2); export; the
// account batches sent to the bank, which rejects some; a failed line
// re-issued in cash and the held lines released to cash; the cash results
// from the provider's two sheets, ingested by one command; both payers funded and settled to the đồng; the
// cycle `settled` and `ansinh audit` clean.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "integration/cli_runner.h"
#include "integration/sim_cycle_fixture.h"
#include "integration/sim_process.h"

namespace ansinh::app {
namespace {

using testing_support::CommandResult;
using testing_support::RunAnsinh;
using testing_support::SimProcess;

class DisbursementScenarioTest : public testing_support::SimCycleTest {
 protected:
  std::vector<std::vector<std::string>> Rows(const std::string& sql) {
    std::vector<std::vector<std::string>> out;
    auto lease = database().Acquire();
    if (!lease) return out;
    auto rows = (*lease)->Query(sql);
    if (!rows) return out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      std::vector<std::string> row;
      for (std::size_t c = 0; c < rows->columns(); ++c) row.push_back(rows->Text(r, c));
      out.push_back(std::move(row));
    }
    return out;
  }
  nlohmann::json Status() {
    const CommandResult status =
        RunAnsinh("disburse " + Db() + " status --period " + Period() + " --unit 38");
    EXPECT_EQ(status.exit_code, 0) << status.out;
    return status.exit_code == 0 ? nlohmann::json::parse(status.out) : nlohmann::json::object();
  }
  CommandResult Export(const std::filesystem::path& out) {
    return RunAnsinh("disburse " + Db() + " export --period " + Period() +
                     " --unit 38 --format pain001 --out " + out.string());
  }
};

TEST_P(DisbursementScenarioTest, ApproveExportPayRepaySettleAndTheAuditIsClean) {
  SimProcess bank(ANSINH_BANK_SIM,
                  {"--seed", "11", "--reject", "AC04=1500", "--reject", "AC01=500"});
  ASSERT_TRUE(bank.ok());
  PrepareCycle();
  if (HasFatalFailure()) return;
  EXPECT_EQ(Status()["stage"], "approved");
  testing_support::TempDir out;
  ASSERT_EQ(Export(out.path()).exit_code, 0);
  const CommandResult sent = Send(bank);
  ASSERT_EQ(sent.exit_code, 0) << sent.out;
  ASSERT_GT(nlohmann::json::parse(sent.out)["failed"].get<std::int64_t>(), 0);

  // One failed line of the provider re-issued in cash; the held lines
  // released to cash; the new cash batches exported.
  const auto failed = Rows(
      "SELECT l.line_id FROM payment_lines l JOIN batch_items i ON i.line_ref = l.id AND i.live = "
      "1 "
      "JOIN disbursement_batches b ON b.id = i.batch_ref WHERE l.status = 'failed' AND "
      "b.provider_code = 'VNPOST' AND i.transfer_vnd = l.amount_vnd ORDER BY 1");
  if (!failed.empty()) {
    const CommandResult reissued = RunAnsinh("disburse " + Db() + " reissue --line " +
                                             failed[0][0] + " --channel CASH_PAYPOINT");
    ASSERT_EQ(reissued.exit_code, 0) << reissued.out;
  }
  for (const auto& held : Rows("SELECT line_id FROM payment_lines WHERE status = 'held'")) {
    const CommandResult released =
        RunAnsinh("payroll release " + Db() + " --line " + held[0] + " --as huyen01");
    ASSERT_EQ(released.exit_code, 0) << released.out;
  }
  ASSERT_EQ(Export(out.path()).exit_code, 0);
  EXPECT_EQ(Status()["lines_waiting"], 0);

  // The provider's cash sheet: every cash line paid but the first, not found.
  const auto cash = Rows(
      "SELECT i.line_id, CAST(i.transfer_vnd AS TEXT) FROM batch_items i JOIN payment_lines l ON "
      "l.id = i.line_ref JOIN disbursement_batches b ON b.id = i.batch_ref WHERE i.live = 1 AND "
      "l.status = 'sent' AND b.channel IN ('CASH_PAYPOINT', 'CASH_HOME') ORDER BY 1");
  ASSERT_GT(cash.size(), 1u);
  // Sent back as two sheets, ingested by one command; a missing third file
  // stops that command before anything is written, and a second run changes
  // nothing.
  const std::string day = "10/" + Period().substr(5, 2) + "/" + Period().substr(0, 4);
  const auto first_sheet = out.path() / "ket_qua_1.csv";
  const auto second_sheet = out.path() / "ket_qua_2.csv";
  {
    std::ofstream first(first_sheet, std::ios::binary), second(second_sheet, std::ios::binary);
    for (std::ofstream* csv : {&first, &second}) {
      *csv << "\xEF\xBB\xBFMã dòng,Kết quả,Lý do,Số tiền,Ngày chi\r\n";
    }
    for (std::size_t i = 0; i < cash.size(); ++i) {
      std::ofstream& csv = i % 2 == 0 ? first : second;
      csv << cash[i][0] << (i == 0 ? ",Chưa chi,Không gặp đối tượng," : ",Đã chi,,") << cash[i][1]
          << "," << (i == 0 ? "" : day) << "\r\n";
    }
  }
  const std::string sheets = " ingest " + first_sheet.string() + " " + second_sheet.string();
  const std::string missing = (out.path() / "khong_co.csv").string();
  EXPECT_NE(RunAnsinh("disburse " + Db() + sheets + " " + missing).exit_code, 0);
  EXPECT_EQ(Rows("SELECT COUNT(*) FROM ingested_reports WHERE kind = 'sheet'")[0][0], "0");
  const CommandResult ingested = RunAnsinh("disburse " + Db() + sheets);
  ASSERT_EQ(ingested.exit_code, 0) << ingested.out;
  const auto files = nlohmann::json::parse(ingested.out)["files"];
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0]["paid"]["count"].get<std::size_t>() +
                files[1]["paid"]["count"].get<std::size_t>(),
            cash.size() - 1);
  const CommandResult again = RunAnsinh("disburse " + Db() + sheets);
  ASSERT_EQ(again.exit_code, 0) << again.out;
  const auto again_summary = nlohmann::json::parse(again.out);
  for (const auto& file : again_summary["files"]) {
    EXPECT_TRUE(file["already_ingested"].get<bool>()) << file.dump();
  }
  EXPECT_EQ(Status()["stage"], "approved");  // paid, but not funded yet

  // Funding: the provider's advance with a surplus, the Treasury's order for
  // exactly its batches; then each payer settles what the ledger says.
  const auto before_funding = Status();
  for (const auto& payer : before_funding["payers"]) {
    const std::string provider = payer["provider"];
    const std::int64_t total = payer["batches_total_vnd"], fees = payer["fees_vnd"];
    const std::int64_t amount = payer["route"] == "PROVIDER" ? total + fees + 5'000'000 : total;
    const CommandResult funded =
        RunAnsinh("disburse " + Db() + " fund --period " + Period() + " --unit 38 --provider " +
                  provider + " --amount " + std::to_string(amount) + " --order UNC-" + provider +
                  " --date 2026-01-05 --as ketoan");
    ASSERT_EQ(funded.exit_code, 0) << funded.out;
  }
  EXPECT_EQ(Status()["stage"], "reconciled");
  const auto funded_status = Status();
  for (const auto& payer : funded_status["payers"]) {
    const std::string provider = payer["provider"];
    const std::int64_t returned = payer["figures"]["returned_vnd"];
    const CommandResult settled =
        RunAnsinh("disburse " + Db() + " settle --period " + Period() + " --unit 38 --provider " +
                  provider + " --returned-vnd " + std::to_string(returned) +
                  " --as ketoan --format pdf " + "--report " + out.path().string());
    ASSERT_EQ(settled.exit_code, 0) << settled.out;
    const auto summary = nlohmann::json::parse(settled.out);
    EXPECT_EQ(summary["figures"]["difference_vnd"], 0);
    EXPECT_TRUE(std::filesystem::exists(summary["report"].get<std::string>()));
  }
  const auto final_status = Status();
  EXPECT_EQ(final_status["stage"], "settled") << final_status.dump();
  EXPECT_EQ(Rows("SELECT COUNT(*) FROM disbursement_batches WHERE status = 'open'")[0][0], "0");
  const CommandResult audit = RunAnsinh("audit " + Db());
  EXPECT_EQ(audit.exit_code, 0) << audit.out;
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(DisbursementScenarioTest);

}  // namespace
}  // namespace ansinh::app
