#include "integration/test_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

#include "store/sql_session.h"

namespace ansinh::testing_support {
namespace {

std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(random() % 100000);
}

// postgresql://user@host:port/dbname?query → same URL naming `name`.
std::string WithDatabaseName(const std::string& url, const std::string& name) {
  const auto scheme_end = url.find("://");
  const auto path_start = url.find('/', scheme_end + 3);
  const auto query_start = url.find('?', scheme_end + 3);
  const std::string query = query_start == std::string::npos ? "" : url.substr(query_start);
  const auto host_end = std::min(path_start, query_start);
  return url.substr(0, host_end) + "/" + name + query;
}

std::unique_ptr<store::Database> MustOpen(const std::string& url) {
  auto parsed = store::ParseDatabaseUrl(url);
  if (!parsed) throw std::runtime_error("bad test URL " + url + ": " + parsed.error().message);
  auto database = store::OpenDatabase(*parsed);
  if (!database) throw std::runtime_error("cannot open " + url + ": " + database.error().message);
  return std::move(*database);
}

void MustExecute(store::Database& database, const std::string& sql) {
  auto session = database.Acquire();
  if (!session) throw std::runtime_error(session.error().message);
  auto done = (*session)->Execute(sql);
  if (!done) throw std::runtime_error(sql + ": " + done.error().message);
}

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

std::filesystem::path SourceMigrationsRoot() {
  return std::filesystem::path(ANSINH_TEST_DATA_DIR).parent_path() / "db" / "migrations";
}

TempDir::TempDir()
    : path_(std::filesystem::temp_directory_path() / ("ansinh_test_" + UniqueSuffix())) {
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void BackendTest::SetUp() {
  if (GetParam() == Backend::kSqlite) {
    sqlite_dir_ = std::make_unique<TempDir>();
    url_ = "sqlite:" + (sqlite_dir_->path() / "test.db").string();
    database_ = MustOpen(url_);
    return;
  }
  const char* server = std::getenv("ANSINH_TEST_PG_URL");
  if (server == nullptr || *server == '\0') {
    const char* require = std::getenv("ANSINH_REQUIRE_POSTGRES");
    if (require != nullptr && std::string(require) == "1") {
      FAIL() << "ANSINH_REQUIRE_POSTGRES=1 but ANSINH_TEST_PG_URL is not set";
    }
    GTEST_SKIP() << "PostgreSQL tests skipped: set ANSINH_TEST_PG_URL (e.g. from "
                    "scripts/pg-test-cluster.sh start DIR)";
  }
  CreatePostgresDatabase(server);
}

void BackendTest::CreatePostgresDatabase(const std::string& server_url) {
  server_url_ = server_url;
  pg_name_ = "ansinh_test_" + UniqueSuffix();
  auto server = MustOpen(server_url_);
  MustExecute(*server, "CREATE DATABASE " + pg_name_);
  url_ = WithDatabaseName(server_url_, pg_name_);
  database_ = MustOpen(url_);
}

void BackendTest::TearDown() {
  database_.reset();
  if (!pg_name_.empty()) {
    auto server = MustOpen(server_url_);
    MustExecute(*server, "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
  }
  sqlite_dir_.reset();
}

store::Dialect BackendTest::dialect() const {
  return GetParam() == Backend::kSqlite ? store::Dialect::kSqlite : store::Dialect::kPostgres;
}

std::unique_ptr<store::Database> BackendTest::OpenAgain() const { return MustOpen(url_); }

}  // namespace ansinh::testing_support
