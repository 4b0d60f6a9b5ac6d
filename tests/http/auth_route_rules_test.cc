// The seed of the authorization matrix: every route the server registers
// declares an access rule, and the guard refuses a route that does not.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "http/authorization_guard.h"
#include "http/routes.h"
#include "store/database.h"

namespace ansinh::http {
namespace {

namespace fs = std::filesystem;

class AuthRouteRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ansinh-rules-XXXXXX").string();
    directory_ = mkdtemp(pattern.data());
    auto database = store::OpenDatabase(
        store::DatabaseUrl{store::Dialect::kSqlite, (directory_ / "rules.db").string()});
    ASSERT_TRUE(database);
    database_ = std::move(*database);
  }
  void TearDown() override {
    database_.reset();
    fs::remove_all(directory_);
  }

  fs::path directory_;
  std::unique_ptr<store::Database> database_;
};

TEST_F(AuthRouteRulesTest, EveryRegisteredRouteHasARule) {
  const Router router = BuildRouter(*database_);
  const auto routes = router.Routes();
  ASSERT_FALSE(routes.empty());
  for (const auto& route : routes) {
    EXPECT_TRUE(route.rule.has_value())
        << MethodName(route.method) << " " << route.pattern << " has no access rule";
  }
}

TEST_F(AuthRouteRulesTest, OnlyLoginAndHealthArePublic) {
  const std::set<std::string> allowed_public = {"POST /api/v1/auth/login", "GET /healthz"};
  for (const auto& route : BuildRouter(*database_).Routes()) {
    if (!route.rule || route.rule->kind != AccessRule::Kind::kPublic) continue;
    const std::string name = std::string(MethodName(route.method)) + " " + route.pattern;
    EXPECT_TRUE(allowed_public.count(name)) << name << " is public";
  }
}

TEST_F(AuthRouteRulesTest, GuardedRouterRefusesARouteWithoutRule) {
  Router router = BuildRouter(*database_);
  router.Add(Method::kGet, "/api/v1/forgotten", [](const Request&) { return Response{}; });
  Request request;
  request.method = Method::kGet;
  request.path = "/api/v1/forgotten";
  request.path_segments = {"api", "v1", "forgotten"};
  const auto response = router.Dispatch(request);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 403);
}

}  // namespace
}  // namespace ansinh::http
