// Numbered migrations: applied once, in order, atomically; edits and unknown
// versions are detected; `serve` refuses a database that is not current.
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "integration/test_database.h"
#include "store/migrations.h"

namespace ansinh::store {
namespace {

using testing_support::SourceMigrationsRoot;
using testing_support::TempDir;

class MigrationsTest : public testing_support::BackendTest {
 protected:
  // A copy of the shipped migrations that a test may add to or edit.
  std::filesystem::path CopyOfMigrations() {
    const auto root = scratch_.path() / "migrations";
    std::filesystem::create_directories(root);
    std::filesystem::copy(SourceMigrationsRoot(), root, std::filesystem::copy_options::recursive);
    return root;
  }

  // How many migrations the binary ships, so tests stay right as more land.
  int ShippedCount() {
    auto shipped = ReadMigrations(SourceMigrationsRoot(), dialect());
    EXPECT_TRUE(shipped);
    return shipped ? static_cast<int>(shipped->size()) : 0;
  }

  // "NNNN_suffix.sql" numbered `ahead` versions after the last shipped one.
  std::string FileAfterShipped(int ahead, const std::string& suffix) {
    char number[16];
    std::snprintf(number, sizeof number, "%04d", ShippedCount() + ahead);
    return std::string(number) + "_" + suffix + ".sql";
  }

  void WriteMigration(const std::filesystem::path& root, const std::string& file,
                      const std::string& sql) {
    for (const char* dialect_dir : {"sqlite", "postgres"}) {
      std::ofstream(root / dialect_dir / file) << sql;
    }
  }

  bool TableExists(const std::string& table) {
    auto session = database().Acquire();
    EXPECT_TRUE(session);
    auto exists = (*session)->TableExists(table);
    EXPECT_TRUE(exists);
    return exists && *exists;
  }

  TempDir scratch_;
};

TEST_P(MigrationsTest, AppliesOnceAndRecordsTheVersion) {
  auto applied = ApplyMigrations(database(), SourceMigrationsRoot());
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(*applied, ShippedCount());
  EXPECT_EQ(database().SchemaVersion().value(), ShippedCount());
  EXPECT_TRUE(TableExists("admin_units"));
  auto again = ApplyMigrations(database(), SourceMigrationsRoot());
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, 0);
  EXPECT_TRUE(CheckSchemaCurrent(database(), SourceMigrationsRoot()));
}

TEST_P(MigrationsTest, EmptyDatabaseIsNotCurrent) {
  auto status = CheckSchemaCurrent(database(), SourceMigrationsRoot());
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(status.error().code, "schema.empty");
  EXPECT_NE(status.error().message.find("ansinh init"), std::string::npos);
}

TEST_P(MigrationsTest, PendingMigrationIsReported) {
  ASSERT_TRUE(ApplyMigrations(database(), SourceMigrationsRoot()));
  const auto root = CopyOfMigrations();
  WriteMigration(root, FileAfterShipped(1, "extra"), "CREATE TABLE extra (id INTEGER PRIMARY KEY);\n");
  auto status = CheckSchemaCurrent(database(), root);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, "schema.pending");
  auto applied = ApplyMigrations(database(), root);
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(*applied, 1);
  EXPECT_TRUE(CheckSchemaCurrent(database(), root));
  // The shipped binary does not know the added version.
  auto unknown = CheckSchemaCurrent(database(), SourceMigrationsRoot());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "schema.unknown_version");
}

TEST_P(MigrationsTest, FailedMigrationLeavesNothingHalfApplied) {
  const auto root = CopyOfMigrations();
  ASSERT_TRUE(ApplyMigrations(database(), SourceMigrationsRoot()));
  WriteMigration(root, FileAfterShipped(1, "broken"),
                 "CREATE TABLE half (id INTEGER PRIMARY KEY);\n"
                 "INSERT INTO half (id) VALUES (1);\n"
                 "INSERT INTO no_such_table (id) VALUES (1);\n");
  auto applied = ApplyMigrations(database(), root);
  ASSERT_FALSE(applied);
  EXPECT_EQ(database().SchemaVersion().value(), ShippedCount());
  EXPECT_FALSE(TableExists("half"));
  EXPECT_TRUE(TableExists("admin_units"));
}

TEST_P(MigrationsTest, EditedMigrationIsDetected) {
  ASSERT_TRUE(ApplyMigrations(database(), SourceMigrationsRoot()));
  const auto root = CopyOfMigrations();
  std::ofstream(root / (dialect() == Dialect::kSqlite ? "sqlite" : "postgres") /
                    "0001_reference_data.sql",
                std::ios::app)
      << "\n-- edited after release\n";
  auto status = CheckSchemaCurrent(database(), root);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(status.error().code, "schema.checksum_mismatch");
  auto applied = ApplyMigrations(database(), root);
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().code, "schema.checksum_mismatch");
}

TEST_P(MigrationsTest, GapInNumberingIsRefused) {
  const auto root = CopyOfMigrations();
  WriteMigration(root, FileAfterShipped(2, "skipped_one"), "SELECT 1;\n");
  auto applied = ApplyMigrations(database(), root);
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().code, "migrations.gap");
  EXPECT_EQ(database().SchemaVersion().value(), 0);
}

TEST_P(MigrationsTest, EnvironmentOverridesTheDirectory) {
  const auto root = CopyOfMigrations();
  WriteMigration(root, FileAfterShipped(1, "from_env"), "CREATE TABLE from_env (id INTEGER PRIMARY KEY);\n");
  ::setenv("ANSINH_MIGRATIONS_DIR", root.c_str(), 1);
  auto applied = ApplyMigrations(database());
  ::unsetenv("ANSINH_MIGRATIONS_DIR");
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(*applied, ShippedCount() + 1);
  EXPECT_TRUE(TableExists("from_env"));
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(MigrationsTest);

}  // namespace
}  // namespace ansinh::store
