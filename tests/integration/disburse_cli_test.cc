// The demo province's current cycle through the real `ansinh` binary, on
// both stores: routes for both groups, `disburse export` as pain.001 (every
// file valid against the ISO schema) and CSV, re-export with the same ids,
// and `ansinh audit` clean, then failing with exit 75 after tampering.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "app/registry_service.h"
#include "integration/cli_runner.h"
#include "integration/test_database.h"
#include "unit/iso20022_schema.h"

namespace ansinh::app {
namespace {

using testing_support::CommandResult;
using testing_support::RunAnsinh;

class DisburseCliTest : public testing_support::CliTest {};

TEST_P(DisburseCliTest, DemoProvinceExportValidatesAndTheAuditIsClean) {
  ASSERT_EQ(RunAnsinh("init " + Db() + " --demo 38 --size 2000").exit_code, 0);
  const std::string period = MonthOf(std::chrono::system_clock::now()).ToString();
  const std::string cycle = Db() + " --period " + period + " --unit 38";
  ASSERT_EQ(RunAnsinh("payroll run " + cycle).exit_code, 0);
  ASSERT_EQ(RunAnsinh("payroll approve " + cycle + " --as truong_phong").exit_code, 0);
  const CommandResult route = RunAnsinh(
      "disburse " + Db() +
      " route set --unit 38 --group BTXH --route PROVIDER --provider VNPOST "
      "--contract 12/2025/HĐ --account 3713.0.1055555 --fee-bps 55 --fee-min 2000 --fee-max 20000");
  ASSERT_EQ(route.exit_code, 0) << route.out;
  EXPECT_EQ(nlohmann::json::parse(route.out)["pay_by_day"], 15);
  ASSERT_EQ(RunAnsinh("disburse " + Db() +
                      " route set --unit 38 --group NCC --route "
                      "TREASURY_DIRECT --provider KBNN --contract KB-38 --account 9527.1.1")
                .exit_code,
            0);
  const CommandResult list = RunAnsinh("disburse " + Db() + " route list --unit 38");
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(list.out)["routes"].size(), 2u);

  testing_support::TempDir out;
  const std::string exporting =
      "disburse " + Db() + " export --period " + period + " --unit 38 --out " + out.path().string();
  const CommandResult exported = RunAnsinh(exporting + " --format pain001");
  ASSERT_EQ(exported.exit_code, 0) << exported.out;
  const auto summary = nlohmann::json::parse(exported.out);
  ASSERT_GE(summary["batches"].size(), 3u);
  std::int64_t files = 0;
  for (const auto& batch : summary["batches"]) {
    if (batch["file"].is_null()) continue;
    ++files;
    const std::string xml = testing_support::ReadWholeFile(batch["file"].get<std::string>());
    EXPECT_EQ(test::SchemaErrors(test::Pain001Schema(), xml), "") << batch["batch_id"];
    EXPECT_NE(
        xml.find("<NbOfTxs>" + std::to_string(batch["count"].get<std::int64_t>()) + "</NbOfTxs>"),
        std::string::npos);
  }
  EXPECT_GE(files, 2);
  EXPECT_EQ(RunAnsinh("audit " + Db()).exit_code, 0);

  const CommandResult again = RunAnsinh(exporting + " --format csv");
  ASSERT_EQ(again.exit_code, 0);
  const auto second = nlohmann::json::parse(again.out);
  ASSERT_EQ(second["batches"].size(), summary["batches"].size());
  for (std::size_t i = 0; i < second["batches"].size(); ++i) {
    EXPECT_EQ(second["batches"][i]["batch_id"], summary["batches"][i]["batch_id"]);
    EXPECT_FALSE(second["batches"][i]["opened_now"].get<bool>());
  }

  auto lease = database().Acquire();
  ASSERT_TRUE(lease);
  ASSERT_TRUE((*lease)->Execute(
      "UPDATE payment_lines SET status = 'paid' WHERE id = (SELECT MIN(line_ref) FROM batch_items "
      "WHERE transfer_vnd > 0)"));
  const CommandResult audit = RunAnsinh("audit " + Db());
  EXPECT_EQ(audit.exit_code, 75);
  EXPECT_FALSE(nlohmann::json::parse(audit.out)["clean"].get<bool>());
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(DisburseCliTest);

}  // namespace
}  // namespace ansinh::app
