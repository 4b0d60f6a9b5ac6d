// Database URLs, opening, and what a fresh database reports.
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "integration/test_database.h"
#include "store/database.h"
#include "store/sql_session.h"

namespace ansinh::store {
namespace {

using testing_support::BackendTest;

TEST(DatabaseUrlTest, SqliteUrlNamesAFile) {
  auto url = ParseDatabaseUrl("sqlite:/var/lib/ansinh/ansinh.db");
  ASSERT_TRUE(url) << url.error().message;
  EXPECT_EQ(url->dialect, Dialect::kSqlite);
  EXPECT_EQ(url->target, "/var/lib/ansinh/ansinh.db");
  EXPECT_STREQ(DialectName(url->dialect), "sqlite");
}

TEST(DatabaseUrlTest, PostgresUrlIsPassedWhole) {
  auto url = ParseDatabaseUrl("postgresql://ansinh@127.0.0.1:5432/ansinh?sslmode=disable");
  ASSERT_TRUE(url) << url.error().message;
  EXPECT_EQ(url->dialect, Dialect::kPostgres);
  EXPECT_EQ(url->target, "postgresql://ansinh@127.0.0.1:5432/ansinh?sslmode=disable");
  EXPECT_STREQ(DialectName(url->dialect), "postgresql");
}

struct BadUrl {
  const char* url;
  const char* code;
};

class BadDatabaseUrlTest : public ::testing::TestWithParam<BadUrl> {};

TEST_P(BadDatabaseUrlTest, GivesASpecificError) {
  auto url = ParseDatabaseUrl(GetParam().url);
  ASSERT_FALSE(url);
  EXPECT_EQ(url.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(url.error().code, GetParam().code);
  EXPECT_FALSE(url.error().message.empty());
}

INSTANTIATE_TEST_SUITE_P(Urls, BadDatabaseUrlTest,
                         ::testing::Values(BadUrl{"", "db_url.empty"},
                                           BadUrl{"mysql://root@localhost/x", "db_url.scheme"},
                                           BadUrl{"ansinh.db", "db_url.scheme"},
                                           BadUrl{"sqlite://tmp/x.db", "db_url.sqlite_form"},
                                           BadUrl{"sqlite:", "db_url.sqlite_path"},
                                           BadUrl{"sqlite:/tmp/", "db_url.sqlite_path"},
                                           BadUrl{"postgresql://a b@host/db",
                                                  "db_url.postgres_whitespace"}));

TEST(OpenDatabaseTest, UnreachablePostgresIsUnavailable) {
  auto url = ParseDatabaseUrl("postgresql://postgres@127.0.0.1:1/postgres?connect_timeout=2");
  ASSERT_TRUE(url);
  auto database = OpenDatabase(*url);
  ASSERT_FALSE(database);
  EXPECT_EQ(database.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(database.error().code, "db.unavailable");
}

TEST(OpenDatabaseTest, SqliteInMissingDirectoryIsUnavailable) {
  auto url = ParseDatabaseUrl("sqlite:/nonexistent-ansinh-dir/sub/x.db");
  ASSERT_TRUE(url);
  auto database = OpenDatabase(*url);
  ASSERT_FALSE(database);
  EXPECT_EQ(database.error().kind, ErrorKind::kUnavailable);
}

class DatabaseTest : public BackendTest {};

TEST_P(DatabaseTest, FreshDatabaseHasSchemaVersionZero) {
  EXPECT_EQ(database().dialect(), dialect());
  auto version = database().SchemaVersion();
  ASSERT_TRUE(version) << version.error().message;
  EXPECT_EQ(*version, 0);
}

TEST_P(DatabaseTest, SessionsServeSeveralThreadsAtOnce) {
  constexpr int kThreads = 8;  // twice the pool size: some must wait their turn
  std::vector<std::thread> threads;
  std::vector<int> ok(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t, &ok] {
      for (int i = 0; i < 20; ++i) {
        {
          auto session = database().Acquire();
          if (!session) return;
          auto rows = (*session)->Query("SELECT ?1 + 1", {SqlInt(t)});
          if (!rows || rows->Int64(0, 0) != t + 1) return;
        }
        // A caller must not hold a lease while asking for another: with every
        // session lent out that would wait for itself.
        auto version = database().SchemaVersion();
        if (!version) return;
      }
      ok[static_cast<std::size_t>(t)] = 1;
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(ok[static_cast<std::size_t>(t)], 1) << t;
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(DatabaseTest);

}  // namespace
}  // namespace ansinh::store
