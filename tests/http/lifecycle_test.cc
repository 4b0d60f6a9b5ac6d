// Black-box: start-up checks, exit codes and graceful shutdown of `ansinh serve`.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>

#include "http/test_server.h"

namespace ansinh::http::testing {
namespace {

using std::chrono::seconds;

std::unique_ptr<ServerProcess> StartOn(const Workspace& workspace) {
  std::string error;
  auto server = ServerProcess::Start(
      {"--db", workspace.db_url, "--web-dir", workspace.web_dir.string()}, error);
  EXPECT_NE(server, nullptr) << error;
  return server;
}

TEST(ServeLifecycleTest, RefusesAnUninitialisedDatabase) {
  Workspace workspace(false);
  const std::string fresh_url = "sqlite:" + (workspace.root / "fresh.db").string();
  const ProcessResult result = RunAnsinh({"serve", "--db", fresh_url, "--port", "0"}, seconds(20));
  EXPECT_NE(result.exit_code, 0);
  EXPECT_GT(result.exit_code, 0) << "it must exit by itself";
  EXPECT_EQ(result.stdout_text.find("listening"), std::string::npos);
  EXPECT_NE(result.stderr_text.find("Lỗi: "), std::string::npos) << result.stderr_text;
  EXPECT_NE(result.stderr_text.find("ansinh init"), std::string::npos) << result.stderr_text;
}

TEST(ServeLifecycleTest, RejectsAMalformedDatabaseUrl) {
  const ProcessResult result = RunAnsinh({"serve", "--db", "mysql://x", "--port", "0"}, seconds(20));
  EXPECT_EQ(result.exit_code, 65);  // kInvalidInput
  EXPECT_NE(result.stderr_text.find("Lỗi: "), std::string::npos) << result.stderr_text;
}

TEST(ServeLifecycleTest, ReportsAPortInUse) {
  Workspace workspace;
  ASSERT_TRUE(workspace.initialised) << workspace.init_stderr;
  auto first = StartOn(workspace);
  ASSERT_NE(first, nullptr);
  const ProcessResult second =
      RunAnsinh({"serve", "--db", workspace.db_url, "--port", std::to_string(first->port())},
                seconds(20));
  EXPECT_EQ(second.exit_code, 69);  // kUnavailable
  EXPECT_NE(second.stderr_text.find("Không mở được cổng"), std::string::npos)
      << second.stderr_text;
}

TEST(ServeLifecycleTest, SigtermStopsWithExitZero) {
  Workspace workspace;
  ASSERT_TRUE(workspace.initialised) << workspace.init_stderr;
  auto server = StartOn(workspace);
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(Request(server->port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(server->Stop(SIGTERM, seconds(10)), 0);
  EXPECT_LT(Connect(server->port()), 0) << "nothing listens any more";
}

TEST(ServeLifecycleTest, SigintStopsWithExitZero) {
  Workspace workspace;
  ASSERT_TRUE(workspace.initialised) << workspace.init_stderr;
  auto server = StartOn(workspace);
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->Stop(SIGINT, seconds(10)), 0);
}

TEST(ServeLifecycleTest, StalledClientsDelayShutdownOnlyForTheGracePeriod) {
  Workspace workspace;
  ASSERT_TRUE(workspace.initialised) << workspace.init_stderr;
  auto server = StartOn(workspace);
  ASSERT_NE(server, nullptr);
  const int fd = Connect(server->port());
  ASSERT_GE(fd, 0);
  const std::string half = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  ASSERT_EQ(write(fd, half.data(), half.size()), static_cast<ssize_t>(half.size()));
  EXPECT_EQ(server->Stop(SIGTERM, seconds(8)), 0);
  close(fd);
}

}  // namespace
}  // namespace ansinh::http::testing
