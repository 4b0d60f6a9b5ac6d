// A fresh, empty database per test, on SQLite (a temporary file) or PostgreSQL
// (a new database on the server named by ANSINH_TEST_PG_URL, dropped after).
//
// Without ANSINH_TEST_PG_URL the PostgreSQL instances are skipped with a note,
// unless ANSINH_REQUIRE_POSTGRES=1, in which case they fail.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/database.h"

namespace ansinh::testing_support {

enum class Backend { kSqlite, kPostgres };

std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

// The migrations shipped with the source tree.
std::filesystem::path SourceMigrationsRoot();

// A migrated database with two pre-2025 districts of Hà Nội: province 01 >
// district 001 > commune 00004, and district 002 > commune 00007. Enough
// units for scope checks without the shipped reference data.
// Errors: those of the migrations and inserts.
Status MigrateWithTwoDistricts(store::Database& database);

// The bytes of a file; empty when it cannot be read.
std::string ReadWholeFile(const std::filesystem::path& path);

// A scratch directory removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  // When true, the database starts as a copy of one that `ansinh init` has
  // already filled (schema, reference data, first administrator). The
  // template is built once per test binary build and shared by every test
  // process, so a test does not pay for loading 10,000 communes.
  virtual bool StartsInitialised() const { return false; }

  void SetUp() override;
  void TearDown() override;

  store::Database& database() { return *database_; }
  const std::string& url() const { return url_; }
  store::Dialect dialect() const;
  // Opens a second, independent handle on the same database.
  std::unique_ptr<store::Database> OpenAgain() const;

  // A copy of this test's database as it is now (or of an earlier copy,
  // `source_url`), by URL, for a run that may be killed. Closes this test's
  // own handle first (PostgreSQL copies only a database nobody is connected
  // to): database() is unusable afterwards. A copy lives until DropCopy or
  // the end of the test.
  std::string CopyDatabase(const std::string& source_url = {});
  void DropCopy(const std::string& copy_url);

 private:
  void CreatePostgresDatabase(const std::string& server_url);

  std::unique_ptr<TempDir> sqlite_dir_;
  std::string server_url_;  // PostgreSQL only
  std::string pg_name_;
  std::vector<std::string> pg_copies_;
  int copies_made_ = 0;
  std::string url_;
  std::unique_ptr<store::Database> database_;
};

}  // namespace ansinh::testing_support

#define ANSINH_INSTANTIATE_ON_BOTH_DATABASES(suite)                                          \
  INSTANTIATE_TEST_SUITE_P(Db, suite,                                                        \
                           ::testing::Values(::ansinh::testing_support::Backend::kSqlite,    \
                                             ::ansinh::testing_support::Backend::kPostgres), \
                           ::ansinh::testing_support::BackendName)
