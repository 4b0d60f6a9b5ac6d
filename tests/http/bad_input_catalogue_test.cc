// The bad-input catalogue: every POST, PUT and PATCH route of the real route
// table gets malformed JSON, wrong types, huge values, deep nesting, invalid
// UTF-8, an oversized body and a wrong content type. Each must answer 4xx
// (never 5xx) and write nothing: the row count of every table (sessions
// aside) is the same before and after.
//
// An empty body, or a valid JSON object with wrong or odd field types, may
// answer 2xx only on a route that also answers 2xx to "{}" (it takes no
// input: logout, TOTP enrolment). Path traversal in file names of static routes is covered by
// serve_test.cc (PathTraversalNeverLeavesTheWebDir).
#include <string>
#include <vector>

#include "http/route_table_fixture.h"

namespace ansinh::http::route_fixture {
namespace {

using BadInputCatalogueTest = RouteTableTest;

struct BadInput {
  const char* name;
  std::string body;
  std::string content_type = "application/json";
  bool well_formed = false;  // a route without required fields may accept it
};

std::string Nested(const std::string& open, const std::string& inner, const std::string& close,
                   int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  text += inner;
  for (int i = 0; i < depth; ++i) text += close;
  return text;
}

std::vector<BadInput> Catalogue() {
  const std::string keys[] = {"username", "password", "code", "ma_doi_tuong", "ho_ten",
                              "status",   "reason",   "date", "so_tien",      "file_name",
                              "content",  "period",   "unit", "nhom",         "ma_xa"};
  nlohmann::json wrong_types = nlohmann::json::object();
  nlohmann::json nulls = nlohmann::json::object();
  int i = 0;
  for (const auto& key : keys) {
    const nlohmann::json odd[] = {5, nlohmann::json::array({1, 2}), nlohmann::json::object(), true,
                                  -1.5};
    wrong_types[key] = odd[i++ % 5];
    nulls[key] = nullptr;
  }
  return {
      {"malformed", "{\"a\":"},
      {"truncated_string", "{\"code\":\"12"},
      {"trailing_garbage", "{} x"},
      {"array", "[1,2,3]"},
      {"number", "42"},
      {"empty", "", "application/json", true},
      {"wrong_types", wrong_types.dump(), "application/json", true},
      {"nulls", nulls.dump(), "application/json", true},
      {"huge_number", "{\"so_tien\":1e400,\"code\":123456789012345678901234567890}",
       "application/json", true},
      {"huge_string", "{\"ho_ten\":\"" + std::string(200'000, 'A') + "\"}"},
      {"deep_array", Nested("[", "1", "]", 10'000)},
      {"deep_object", Nested("{\"a\":", "1", "}", 1'000)},
      {"invalid_utf8", "{\"ho_ten\":\"\xff\xfe\xfd\",\"code\":\"\xc0\xaf\"}"},
      {"escaped_nul", "{\"ho_ten\":\"a\\u0000b\",\"code\":\"\\u0000\"}", "application/json", true},
      {"oversized", "{\"x\":\"" + std::string(8 * 1024 * 1024, 'B') + "\"}"},
      {"wrong_content_type", "{}", "text/plain"},
  };
}

// Rows of every table but sessions (the fixture inserts one per request).
std::map<std::string, std::int64_t> RowCounts(store::Database& database) {
  std::map<std::string, std::int64_t> counts;
  auto session = database.Acquire();
  if (!session) return counts;
  auto tables = (*session)->Query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "AND name <> 'sessions'");
  if (!tables) return counts;
  for (std::size_t r = 0; r < tables->size(); ++r) {
    const std::string table = tables->Text(r, 0);
    auto rows = (*session)->Query("SELECT COUNT(*) FROM \"" + table + "\"");
    counts[table] = rows ? rows->Int64(0, 0) : -1;
  }
  return counts;
}

// A role that may call the route (the catalogue tests input, not permissions).
std::optional<core::Role> CallerOf(const AccessRule& rule) {
  if (rule.kind == AccessRule::Kind::kPublic) return std::nullopt;
  for (const core::Role role : core::kAllRoles) {
    if (rule.kind != AccessRule::Kind::kPermission ||
        core::RoleHasPermission(role, rule.permission)) {
      return role;
    }
  }
  return std::nullopt;
}

bool ChangesState(Method method) {
  return method == Method::kPost || method == Method::kPut || method == Method::kPatch;
}

TEST_F(BadInputCatalogueTest, EveryWriteRouteAnswers4xxAndWritesNothing) {
  const auto catalogue = Catalogue();
  int checked = 0;
  for (const auto& route : router_->Routes()) {
    std::string unknown;
    const auto path = Fill(route.pattern, &ParamValues::in_scope, &unknown);
    if (!route.rule || !path || !ChangesState(route.method)) continue;  // matrix reports those
    const auto caller = CallerOf(*route.rule);
    const bool accepts_empty_object = Send(route, *path, caller).status < 300;
    for (const auto& input : catalogue) {
      const auto before = RowCounts(*database_);
      const Response response = Send(route, *path, caller, true, input.body, input.content_type);
      const std::string where =
          NameOf(route) + " with " + input.name + ": " + response.body.substr(0, 300);
      EXPECT_LT(response.status, 500) << where;
      if (input.well_formed && accepts_empty_object && response.status < 300) continue;
      EXPECT_GE(response.status, 400) << where;
      EXPECT_EQ(RowCounts(*database_), before) << where;
      ++checked;
    }
  }
  EXPECT_GE(checked, 3 * static_cast<int>(catalogue.size()));
}

TEST_F(BadInputCatalogueTest, ErrorBodiesAreGenericJson) {
  const Router::RouteInfo login{Method::kPost, "/api/v1/auth/login", AccessRule::Public()};
  for (const auto& input : Catalogue()) {
    const Response response = Send(login, {"api", "v1", "auth", "login"}, std::nullopt, true,
                                   input.body, input.content_type);
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << input.name;
    ASSERT_TRUE(body.contains("error")) << input.name;
    const std::string text = response.body;
    EXPECT_EQ(text.find("nlohmann"), std::string::npos) << input.name;
    EXPECT_EQ(text.find("parse_error"), std::string::npos) << input.name;
    EXPECT_LT(text.size(), 2'000u) << input.name;  // no echo of the huge input
  }
}

}  // namespace
}  // namespace ansinh::http::route_fixture
