// The SQL session contract both dialects must honour.
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

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

TEST_P(SqlSessionTest, QueryEachStreamsRowsInOrderWithChecks) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  ASSERT_TRUE((*session)->Execute(
      "INSERT INTO t (id, name, amount_vnd) VALUES (?1, ?2, ?3), (?4, ?5, ?6)",
      {SqlInt(2), SqlNull(), SqlNull(), SqlInt(1), SqlText("Nguyễn Thị Ánh"), SqlInt(big)}));
  std::vector<std::string> seen;
  auto read = (*session)->QueryEach(
      "SELECT id, name, amount_vnd, CAST(id AS TEXT) AS id_text FROM t WHERE id >= ?1 ORDER BY t.id",
      {SqlInt(1)}, [&](const SqlRow& row) -> Status {
        seen.push_back(std::to_string(row.Int64(0)) + ":" +
                       std::string(row.OptionalText(1).value_or("NULL")) + ":" +
                       std::to_string(row.OptionalInt64(2).value_or(-1)));
        EXPECT_EQ(row.Int64(3), row.Int64(0));  // text that is exactly a number
        EXPECT_THROW((void)row.Text(9), std::out_of_range);
        if (row.IsNull(1)) {
          EXPECT_THROW((void)row.Text(1), std::logic_error);
        }
        return {};
      });
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(seen, (std::vector<std::string>{"1:Nguyễn Thị Ánh:" + std::to_string(big),
                                            "2:NULL:-1"}));
}

TEST_P(SqlSessionTest, QueryEachStopsAtTheVisitorsErrorAndLeavesTheSessionUsable) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  ASSERT_TRUE((*session)->Execute("INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
  int visits = 0;
  auto read = (*session)->QueryEach("SELECT id FROM t ORDER BY id", {},
                                    [&](const SqlRow& row) -> Status {
                                      ++visits;
                                      if (row.Int64(0) == 2) {
                                        return Fail(ErrorKind::kInvalidInput, "test.stop", "dừng");
                                      }
                                      return {};
                                    });
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, "test.stop");
  EXPECT_EQ(visits, 2);
  auto again = (*session)->Query("SELECT count(*) FROM t");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->Int64(0, 0), 3);
  auto bad = (*session)->QueryEach("SELECT nope FROM t", {}, [](const SqlRow&) -> Status {
    return {};
  });
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "db.statement_failed");
}

TEST(SqlRowsRowTest, SeesAReadResultAsARow) {
  const SqlRows rows(3, {SqlInt(7), SqlText("bảy"), SqlNull()});
  const SqlRowsRow row(rows, 0);
  EXPECT_EQ(row.Int64(0), 7);
  EXPECT_EQ(row.Text(0), "7");
  EXPECT_EQ(row.Text(1), "bảy");
  EXPECT_TRUE(row.IsNull(2));
  EXPECT_EQ(row.OptionalText(2), std::nullopt);
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
