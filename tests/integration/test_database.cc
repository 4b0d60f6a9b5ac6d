#include "integration/test_database.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "app/init_service.h"
#include "store/migrations.h"
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

// Changes whenever the test binary (and so the init code linked into it), the
// migrations or the reference data change.
std::string TemplateFingerprint() {
  namespace fs = std::filesystem;
  std::string key =
      std::to_string(fs::file_size("/proc/self/exe")) + ":" +
      std::to_string(
          fs::last_write_time(fs::read_symlink("/proc/self/exe")).time_since_epoch().count());
  for (const fs::path& root : {SourceMigrationsRoot(), fs::path(ANSINH_REFERENCE_DATA_DIR)}) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      key += entry.path().string() + ":" + std::to_string(entry.file_size()) + ":" +
             std::to_string(entry.last_write_time().time_since_epoch().count());
    }
  }
  return std::to_string(std::hash<std::string>{}(key));
}

void MustInitialise(store::Database& database) {
  ::setenv("ANSINH_MIGRATIONS_DIR", SourceMigrationsRoot().c_str(), 1);
  auto init = app::InitDatabase(database, ANSINH_REFERENCE_DATA_DIR);
  if (!init) throw std::runtime_error("template init: " + init.error().message);
}

// Holds an exclusive lock on a file while alive, so concurrent test processes
// build a template only once.
class FileLock {
 public:
  explicit FileLock(const std::filesystem::path& path)
      : fd_(::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0)
      throw std::runtime_error("cannot lock " + path.string());
  }
  ~FileLock() { ::close(fd_); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

std::filesystem::path SqliteTemplate() {
  namespace fs = std::filesystem;
  const fs::path path =
      fs::temp_directory_path() / ("ansinh_template_" + TemplateFingerprint() + ".db");
  FileLock lock(path.string() + ".lock");
  if (fs::exists(path)) return path;
  const fs::path building = path.string() + ".building";
  fs::remove(building);
  {
    auto database = MustOpen("sqlite:" + building.string());
    MustInitialise(*database);
    MustExecute(*database, "PRAGMA wal_checkpoint(TRUNCATE)");
  }
  fs::remove(building.string() + "-wal");
  fs::remove(building.string() + "-shm");
  fs::rename(building, path);
  return path;
}

// One template database per server and fingerprint; CREATE DATABASE … TEMPLATE
// copies it at file level.
std::string PostgresTemplate(const std::string& server_url, store::Database& server) {
  const std::string name = "ansinh_tmpl_" + TemplateFingerprint();
  auto lease = server.Acquire();
  if (!lease) throw std::runtime_error(lease.error().message);
  store::SqlSession& session = **lease;
  if (!session.Execute("SELECT pg_advisory_lock(7400211)"))
    throw std::runtime_error("advisory lock");
  auto exists = session.Query("SELECT 1 FROM pg_database WHERE datname = ?1", {name});
  if (exists && exists->size() == 0) {
    const std::string building = name + "_b";
    (void)session.Execute("DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
    if (!session.Execute("CREATE DATABASE " + building))
      throw std::runtime_error("create template");
    {
      auto database = MustOpen(WithDatabaseName(server_url, building));
      MustInitialise(*database);
    }
    if (!session.Execute("ALTER DATABASE " + building + " RENAME TO " + name)) {
      throw std::runtime_error("rename template");
    }
  }
  (void)session.Execute("SELECT pg_advisory_unlock(7400211)");
  return name;
}

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

std::filesystem::path SourceMigrationsRoot() {
  return std::filesystem::path(ANSINH_TEST_DATA_DIR).parent_path() / "db" / "migrations";
}

std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TempDir::TempDir()
    : path_(std::filesystem::temp_directory_path() / ("ansinh_test_" + UniqueSuffix())) {
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

namespace {

// Personal data is sealed with the process's default key file; tests keep
// theirs in a temporary file, removed at exit, not in var/ of the cwd.
void UseTemporaryKeyFile() {
  static const bool done = [] {
    static const std::filesystem::path key =
        std::filesystem::temp_directory_path() / ("ansinh_test_" + UniqueSuffix() + ".key");
    const char* given = std::getenv("ANSINH_KEY_FILE");
    if ((given == nullptr || *given == '\0') && ::setenv("ANSINH_KEY_FILE", key.c_str(), 1) == 0) {
      std::atexit([] {
        std::error_code ec;
        std::filesystem::remove(key, ec);
      });
    }
    return true;
  }();
  (void)done;
}

}  // namespace

void BackendTest::SetUp() {
  UseTemporaryKeyFile();
  if (GetParam() == Backend::kSqlite) {
    sqlite_dir_ = std::make_unique<TempDir>();
    const auto file = sqlite_dir_->path() / "test.db";
    if (StartsInitialised()) std::filesystem::copy_file(SqliteTemplate(), file);
    url_ = "sqlite:" + file.string();
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
  const std::string from =
      StartsInitialised() ? " TEMPLATE " + PostgresTemplate(server_url_, *server) : "";
  MustExecute(*server, "CREATE DATABASE " + pg_name_ + from);
  url_ = WithDatabaseName(server_url_, pg_name_);
  database_ = MustOpen(url_);
}

std::string BackendTest::CopyDatabase(const std::string& source_url) {
  database_.reset();
  const std::string source = source_url.empty() ? url_ : source_url;
  const std::string suffix = "_c" + std::to_string(++copies_made_);
  if (GetParam() == Backend::kSqlite) {
    const auto file = sqlite_dir_->path() / ("test" + suffix + ".db");
    std::filesystem::copy_file(source.substr(std::string("sqlite:").size()), file);
    return "sqlite:" + file.string();
  }
  std::string source_name = pg_name_;
  for (const auto& copy : pg_copies_) {
    if (WithDatabaseName(server_url_, copy) == source) source_name = copy;
  }
  const std::string name = pg_name_ + suffix;
  auto server = MustOpen(server_url_);
  MustExecute(*server,
              "CREATE DATABASE " + name + " TEMPLATE " + source_name + " STRATEGY FILE_COPY");
  pg_copies_.push_back(name);
  return WithDatabaseName(server_url_, name);
}

void BackendTest::DropCopy(const std::string& copy_url) {
  if (GetParam() == Backend::kSqlite) {
    const std::string file = copy_url.substr(std::string("sqlite:").size());
    for (const char* tail : {"", "-wal", "-shm"}) std::filesystem::remove(file + tail);
    return;
  }
  for (const auto& name : pg_copies_) {
    if (WithDatabaseName(server_url_, name) != copy_url) continue;
    auto server = MustOpen(server_url_);
    MustExecute(*server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    std::erase(pg_copies_, std::string(name));
    return;
  }
}

void BackendTest::TearDown() {
  database_.reset();
  if (!pg_name_.empty()) {
    auto server = MustOpen(server_url_);
    for (const auto& copy : pg_copies_) {
      MustExecute(*server, "DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
    }
    MustExecute(*server, "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
  }
  sqlite_dir_.reset();
}

store::Dialect BackendTest::dialect() const {
  return GetParam() == Backend::kSqlite ? store::Dialect::kSqlite : store::Dialect::kPostgres;
}

std::unique_ptr<store::Database> BackendTest::OpenAgain() const {
  return MustOpen(url_);
}

Status MigrateWithTwoDistricts(store::Database& database) {
  if (auto migrated = store::ApplyMigrations(database, SourceMigrationsRoot()); !migrated) {
    return Fail(std::move(migrated.error()));
  }
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  const char* units[][4] = {{"province", "01", "Hà Nội", ""},
                            {"district", "001", "Ba Đình", "01"},
                            {"commune", "00004", "Trúc Bạch", "001"},
                            {"district", "002", "Hoàn Kiếm", "01"},
                            {"commune", "00007", "Phúc Tân", "002"}};
  for (const auto& unit : units) {
    auto inserted = (*session)->Execute(
        "INSERT INTO admin_units (edition, level, code, name, division_type, parent_id) "
        "VALUES ('pre2025', ?1, ?2, ?3, 'x', "
        "(SELECT id FROM admin_units WHERE edition = 'pre2025' AND code = ?4))",
        {store::SqlText(unit[0]), store::SqlText(unit[1]), store::SqlText(unit[2]),
         store::SqlText(unit[3])});
    if (!inserted) return Fail(std::move(inserted.error()));
  }
  return {};
}

}  // namespace ansinh::testing_support
