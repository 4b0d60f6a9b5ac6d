// The SQL session contract both dialects must honour.
#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

#include "integration/test_database.h"
#include "store/postgres/pg_session.h"
#include "store/sql_session.h"

namespace ansinh::store {
namespace {

class SqlSessionTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto session = database().Acquire();
    ASSERT_TRUE(session);
    ASSERT_TRUE((*session)->ExecuteScript(
        "CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT, amount_vnd BIGINT)"));
  }
};

TEST_P(SqlSessionTest, RoundTripsInt64TextAndNull) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  ASSERT_TRUE((*session)->Execute("INSERT INTO t (id, name, amount_vnd) VALUES (?1, ?2, ?3)",
                                  {SqlInt(1), SqlText("Nguyễn Thị Ánh"), SqlInt(big)}));
  ASSERT_TRUE((*session)->Execute("INSERT INTO t (id, name, amount_vnd) VALUES (?1, ?2, ?3)",
                                  {SqlInt(2), SqlNull(), SqlNull()}));
  auto rows = (*session)->Query("SELECT id, name, amount_vnd FROM t ORDER BY id");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->Text(0, 1), "Nguyễn Thị Ánh");
  EXPECT_EQ(rows->Int64(0, 2), big);
  EXPECT_TRUE(rows->IsNull(1, 1));
  EXPECT_EQ(rows->OptionalInt64(1, 2), std::nullopt);
}

TEST_P(SqlSessionTest, PlaceholdersBindByNumberNotByOrder) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  ASSERT_TRUE((*session)->Execute("INSERT INTO t (name, id) VALUES (?2, ?1)",
                                  {SqlInt(7), SqlText("bảy")}));
  auto rows = (*session)->Query("SELECT name FROM t WHERE id = ?1 AND name = ?2 AND ?1 = id",
                                {SqlInt(7), SqlText("bảy")});
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
}

TEST_P(SqlSessionTest, DuplicateKeyIsAConflict) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  ASSERT_TRUE((*session)->Execute("INSERT INTO t (id) VALUES (?1)", {SqlInt(1)}));
  auto again = (*session)->Execute("INSERT INTO t (id) VALUES (?1)", {SqlInt(1)});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(again.error().code, "db.unique_violation");
}

TEST_P(SqlSessionTest, TransactionRollsBackUnlessCommitted) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  {
    auto transaction = Transaction::Begin(**session);
    ASSERT_TRUE(transaction);
    ASSERT_TRUE((*session)->Execute("INSERT INTO t (id) VALUES (1)"));
  }
  {
    auto transaction = Transaction::Begin(**session);
    ASSERT_TRUE(transaction);
    ASSERT_TRUE((*session)->Execute("INSERT INTO t (id) VALUES (2)"));
    ASSERT_TRUE(transaction->Commit());
  }
  auto rows = (*session)->Query("SELECT id FROM t");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->Int64(0, 0), 2);
}

TEST_P(SqlSessionTest, BatchedInsertSpansSeveralStatements) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  SqlParams values;
  constexpr int kRows = 12'345;  // > kMaxBoundParams / 2 rows per statement
  for (int i = 0; i < kRows; ++i) values.insert(values.end(), {SqlInt(i), SqlText("x")});
  auto inserted = InsertBatched(**session, "INSERT INTO t (id, name)", "(?1, ?2)", 2, values,
                                "ON CONFLICT DO NOTHING");
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_EQ(*inserted, kRows);
  auto again = InsertBatched(**session, "INSERT INTO t (id, name)", "(?1, ?2)", 2, values,
                             "ON CONFLICT DO NOTHING");
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
}

TEST_P(SqlSessionTest, BadSqlIsAnInternalError) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto result = (*session)->Query("SELEKT 1");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kInternal);
  EXPECT_EQ(result.error().code, "db.statement_failed");
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(SqlSessionTest);

TEST(PlaceholderTest, ShiftsRowTemplates) {
  EXPECT_EQ(ShiftPlaceholders("(?1, ?2, (SELECT ?1))", 4), "(?5, ?6, (SELECT ?5))");
}

TEST(PlaceholderTest, RewritesToDollarOutsideLiterals) {
  EXPECT_EQ(ToDollarPlaceholders("SELECT ?1, '?2', \"a?3\", ?12 -- ?4\n, ?5"),
            "SELECT $1, '?2', \"a?3\", $12 -- ?4\n, $5");
}

}  // namespace
}  // namespace ansinh::store
