// A test suite that shares one real `ansinh serve` process: started on a fresh
// initialised workspace before the suite's first test, stopped after its last.
//
// A suite derives as `class XTest : public SharedServerTest<XTest>` and may
// hide two static hooks: PrepareWorkspace (e.g. create users before the server
// starts) and ExtraServeArguments (e.g. "--threads", "1").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "http/test_server.h"

namespace ansinh::http::testing {

template <class Suite>
class SharedServerTest : public ::testing::Test {
 protected:
  static bool PrepareWorkspace(Workspace&, std::string&) { return true; }
  static std::vector<std::string> ExtraServeArguments() { return {}; }

  static void SetUpTestSuite() {
    workspace_ = std::make_unique<Workspace>();
    ASSERT_TRUE(workspace_->initialised) << workspace_->init_stderr;
    std::string error;
    ASSERT_TRUE(Suite::PrepareWorkspace(*workspace_, error)) << error;
    std::vector<std::string> arguments{"--db", workspace_->db_url, "--web-dir",
                                       workspace_->web_dir.string()};
    for (auto& extra : Suite::ExtraServeArguments()) arguments.push_back(std::move(extra));
    server_ = ServerProcess::Start(arguments, error);
    ASSERT_NE(server_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    server_.reset();  // stops the server before its database goes away
    workspace_.reset();
  }
  void SetUp() override { ASSERT_NE(server_, nullptr); }

  inline static std::unique_ptr<Workspace> workspace_;
  inline static std::unique_ptr<ServerProcess> server_;
};

}  // namespace ansinh::http::testing
