// The demo province's cycle for the current month through the real `ansinh`
// binary, on both stores: run, refused approval by the preparer, approval by
// another user, show (the output contract of issue 4 item 8), the changes
// list as XLSX, one-off payments (through the office, refused once the
// cycle is locked), and the locked cycle refusing a re-run.
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/registry_service.h"
#include "integration/cli_runner.h"
#include "integration/test_database.h"

namespace ansinh::app {
namespace {

using testing_support::CommandResult;
using testing_support::RunAnsinh;

class PayrollCliTest : public testing_support::CliTest {};

TEST_P(PayrollCliTest, DemoProvinceCurrentMonthRunApproveShow) {
  ASSERT_EQ(RunAnsinh("init " + Db() + " --demo 38 --size 2000").exit_code, 0);
  const std::string period = MonthOf(std::chrono::system_clock::now()).ToString();
  const std::string cycle = Db() + " --period " + period + " --unit 38";

  const CommandResult run = RunAnsinh("payroll run " + cycle);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto totals = nlohmann::json::parse(run.out);
  EXPECT_GE(totals["count"].get<std::int64_t>(), 2000);
  EXPECT_GT(totals["amount_vnd"].get<std::int64_t>(), 0);
  EXPECT_TRUE(totals["by_kind"].contains("REGULAR"));

  const auto draft = nlohmann::json::parse(RunAnsinh("payroll show " + cycle + " --format json").out);
  const std::string code = draft["lines"][0]["beneficiary_code"];
  const std::string one_off = "payroll one-off " + cycle + " --code " + code + " --amount 7200000";
  const CommandResult added = RunAnsinh(one_off + " --decision 15/QĐ-UBND");
  EXPECT_EQ(added.exit_code, 0) << added.out;
  EXPECT_NE(RunAnsinh("payroll one-off " + Db() + " --period " + period + " --code " + code +
                      " --decision 16/QĐ-UBND --amount 7200000")
                .exit_code,
            0);  // no --unit: the office decides whether the period is still open

  EXPECT_EQ(RunAnsinh("payroll approve " + cycle).exit_code, 77);  // the preparer, "operator"
  const CommandResult approved = RunAnsinh("payroll approve " + cycle + " --as truong_phong");
  ASSERT_EQ(approved.exit_code, 0) << approved.out;

  const CommandResult shown = RunAnsinh("payroll show " + cycle + " --format json");
  ASSERT_EQ(shown.exit_code, 0);
  const auto json = nlohmann::json::parse(shown.out);
  EXPECT_EQ(json["period"], period);
  EXPECT_EQ(json["unit"], "38");
  EXPECT_EQ(json["status"], "approved");
  ASSERT_EQ(json["lines"].size(), totals["count"].get<std::size_t>());
  EXPECT_EQ(json["totals"]["amount_vnd"], totals["amount_vnd"]);
  const auto& line = json["lines"][0];
  for (const char* key : {"line_id", "beneficiary_code", "policy_code", "kind", "for_period",
                          "amount_vnd", "channel", "recipient", "status"}) {
    EXPECT_TRUE(line.contains(key)) << key;
  }

  testing_support::TempDir out;
  const auto xlsx = (out.path() / "changes.xlsx").string();
  EXPECT_EQ(RunAnsinh("payroll changes " + cycle + " --format xlsx --out " + xlsx).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(xlsx));
  EXPECT_EQ(RunAnsinh("payroll run " + cycle).exit_code, 75);  // approved: locked
  EXPECT_EQ(RunAnsinh(one_off + " --decision 17/QĐ-UBND").exit_code, 75);  // never paid: locked
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(PayrollCliTest);

}  // namespace
}  // namespace ansinh::app
