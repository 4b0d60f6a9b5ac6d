// The fixture of the simulator tests (bank_sim_test.cc, sms_sim_test.cc): the
// demo province's current cycle through the real `ansinh` binary, approved,
// with a route for each group, ready to be sent to the bank simulator.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "app/registry_service.h"
#include "integration/cli_runner.h"
#include "integration/sim_process.h"

namespace ansinh::testing_support {

class SimCycleTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    if (!std::filesystem::exists(ANSINH_BANK_SIM)) GTEST_SKIP() << "ansinh-bank-sim not built";
  }

  void PrepareCycle() {
    ASSERT_EQ(RunAnsinh("init " + Db() + " --demo 38 --size 300").exit_code, 0);
    ASSERT_EQ(RunAnsinh("payroll run " + Cycle()).exit_code, 0);
    ASSERT_EQ(RunAnsinh("payroll approve " + Cycle() + " --as truong_phong").exit_code, 0);
    ASSERT_EQ(RunAnsinh("disburse " + Db() +
                        " route set --unit 38 --group BTXH --route PROVIDER --provider VNPOST "
                        "--contract 12/2025/HĐ --account 3713.0.1055555 --fee-fixed 3000")
                  .exit_code,
              0);
    ASSERT_EQ(RunAnsinh("disburse " + Db() +
                        " route set --unit 38 --group NCC --route TREASURY_DIRECT --provider KBNN "
                        "--contract KB-38 --account 9527.1.1")
                  .exit_code,
              0);
  }
  std::string Period() const { return app::MonthOf(std::chrono::system_clock::now()).ToString(); }
  std::string Cycle() const { return Db() + " --period " + Period() + " --unit 38"; }
  CommandResult Send(const SimProcess& bank) {
    return RunAnsinh("disburse " + Db() + " send --period " + Period() + " --unit 38 --bank-url " +
                     bank.url());
  }
  // The first cell of a one-row query; -1 when it fails.
  std::int64_t Count(const std::string& sql) {
    auto lease = database().Acquire();
    if (!lease) return -1;
    auto rows = (*lease)->Query(sql);
    return rows && !rows->empty() ? rows->Int64(0, 0) : -1;
  }
};

}  // namespace ansinh::testing_support
