// Runs the real `ansinh` binary of this build with a command line and
// collects its standard output and exit code (standard error is dropped).
#pragma once

#include <sys/wait.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>

#include "integration/test_database.h"

namespace ansinh::testing_support {

struct CommandResult {
  int exit_code = -1;
  bool killed = false;  // ended by SIGKILL (directly, or as the shell's 128 + 9)
  std::string out;
};

// `environment`: assignments put before the command, e.g. "ANSINH_CRASH_AT=7".
inline CommandResult RunAnsinh(const std::string& arguments, const std::string& environment = "") {
  const std::string command =
      environment + " " + std::string(ANSINH_BINARY) + " " + arguments + " 2>/dev/null";
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[65536];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, read);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.killed = (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) || result.exit_code == 137;
  return result;
}

// A test on both stores that drives the binary; skipped when it is not built.
class CliTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    if (!std::filesystem::exists(ANSINH_BINARY)) GTEST_SKIP() << "ansinh not built";
  }
  // The --db option naming this test's database, quoted for the shell.
  std::string Db() const { return "--db '" + url() + "'"; }
};

}  // namespace ansinh::testing_support
