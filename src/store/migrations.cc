#include "store/migrations.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <utility>

namespace ansinh::store {
namespace {

constexpr std::size_t kMaxMigrationBytes = 1024u * 1024u;
constexpr int kMaxMigrations = 9999;

constexpr const char* kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)";

std::string Fnv1a64Hex(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

Error MigrationError(std::string code, std::string message) {
  return MakeError(ErrorKind::kInternal, std::move(code), std::move(message));
}

// "0001_reference_data.sql" → (1, "reference_data"); version 0 when malformed.
std::pair<int, std::string> ParseFileName(const std::string& file) {
  if (file.size() < 10 || file[4] != '_' || !file.ends_with(".sql")) return {0, ""};
  int version = 0;
  for (int i = 0; i < 4; ++i) {
    if (file[static_cast<std::size_t>(i)] < '0' || file[static_cast<std::size_t>(i)] > '9') {
      return {0, ""};
    }
    version = version * 10 + (file[static_cast<std::size_t>(i)] - '0');
  }
  return {version, file.substr(5, file.size() - 9)};
}

Result<Migration> ReadMigrationFile(const std::filesystem::path& path) {
  const auto [version, name] = ParseFileName(path.filename().string());
  if (version == 0 || name.empty()) {
    return Fail(MigrationError("migrations.bad_name",
                               "Tên tệp migration phải có dạng NNNN_ten.sql: " + path.string()));
  }
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) > kMaxMigrationBytes || ec) {
    return Fail(MigrationError("migrations.unreadable", "Không đọc được tệp " + path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  std::string sql((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string checksum = Fnv1a64Hex(sql);
  return Migration{version, name, std::move(sql), std::move(checksum)};
}

struct Applied {
  std::string name;
  std::string checksum;
};

Result<std::map<int, Applied>> ReadApplied(SqlSession& session) {
  std::map<int, Applied> applied;
  auto exists = session.TableExists("schema_migrations");
  if (!exists) return Fail(std::move(exists.error()));
  if (!*exists) return applied;
  auto rows = session.Query("SELECT version, name, checksum FROM schema_migrations");
  if (!rows) return Fail(std::move(rows.error()));
  for (std::size_t r = 0; r < rows->size(); ++r) {
    applied[static_cast<int>(rows->Int64(r, 0))] = Applied{rows->Text(r, 1), rows->Text(r, 2)};
  }
  return applied;
}

Error SchemaError(std::string code, std::string message) {
  return MakeError(ErrorKind::kConflict, std::move(code), std::move(message));
}

// Every applied version must be a known file with the same checksum.
Status CompareApplied(const std::map<int, Applied>& applied, const std::vector<Migration>& files) {
  for (const auto& [version, row] : applied) {
    const auto file = std::find_if(files.begin(), files.end(),
                                   [v = version](const Migration& m) { return m.version == v; });
    if (file == files.end()) {
      return Fail(SchemaError("schema.unknown_version",
                              "Cơ sở dữ liệu có phiên bản lược đồ " + std::to_string(version) +
                                  " mà chương trình này không biết. Hãy dùng bản ansinh mới hơn."));
    }
    if (file->checksum != row.checksum) {
      return Fail(SchemaError("schema.checksum_mismatch",
                              "Tệp migration " + std::to_string(version) + "_" + file->name +
                                  " đã bị sửa sau khi áp dụng (checksum khác). Không thể tiếp "
                                  "tục với lược đồ này."));
    }
  }
  return {};
}

Status ApplyOne(SqlSession& session, const Migration& migration) {
  auto transaction = Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  if (auto ok = session.ExecuteScript(migration.sql); !ok) {
    Error error = ok.error();
    error.message = "Migration " + std::to_string(migration.version) + "_" + migration.name +
                    " thất bại, không có thay đổi nào được ghi: " + error.message;
    return Fail(std::move(error));
  }
  auto recorded = session.Execute(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?1, ?2, ?3, "
      "CAST(CURRENT_TIMESTAMP AS TEXT))",
      {SqlInt(migration.version), SqlText(migration.name), SqlText(migration.checksum)});
  if (!recorded) return Fail(std::move(recorded.error()));
  return transaction->Commit();
}

}  // namespace

std::filesystem::path MigrationsRoot() {
  if (const char* env = std::getenv("ANSINH_MIGRATIONS_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return ANSINH_MIGRATIONS_DIR;
}

Result<std::vector<Migration>> ReadMigrations(const std::filesystem::path& root, Dialect dialect) {
  const auto dir = root / (dialect == Dialect::kSqlite ? "sqlite" : "postgres");
  std::error_code ec;
  std::vector<Migration> migrations;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".sql") continue;
    auto migration = ReadMigrationFile(entry.path());
    if (!migration) return Fail(std::move(migration.error()));
    migrations.push_back(std::move(*migration));
    if (migrations.size() > kMaxMigrations) break;
  }
  if (ec || migrations.empty()) {
    return Fail(MigrationError("migrations.missing_dir",
                               "Không tìm thấy thư mục migration " + dir.string() +
                                   " (đặt biến môi trường ANSINH_MIGRATIONS_DIR)."));
  }
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i + 1)) {
      return Fail(MigrationError("migrations.gap", "Các tệp migration trong " + dir.string() +
                                                       " phải đánh số liên tục từ 0001."));
    }
  }
  return migrations;
}

Result<int> ApplyMigrations(Database& database) {
  return ApplyMigrations(database, MigrationsRoot());
}

Result<int> ApplyMigrations(Database& database, const std::filesystem::path& root) {
  auto files = ReadMigrations(root, database.dialect());
  if (!files) return Fail(std::move(files.error()));
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  if (auto ok = (*session)->Execute(kCreateLedger); !ok) return Fail(std::move(ok.error()));
  auto applied = ReadApplied(**session);
  if (!applied) return Fail(std::move(applied.error()));
  if (auto ok = CompareApplied(*applied, *files); !ok) return Fail(std::move(ok.error()));
  int count = 0;
  for (const auto& migration : *files) {
    if (applied->count(migration.version) > 0) continue;
    if (auto ok = ApplyOne(**session, migration); !ok) return Fail(std::move(ok.error()));
    ++count;
  }
  return count;
}

Status CheckSchemaCurrent(Database& database) {
  return CheckSchemaCurrent(database, MigrationsRoot());
}

Status CheckSchemaCurrent(Database& database, const std::filesystem::path& root) {
  auto files = ReadMigrations(root, database.dialect());
  if (!files) return Fail(std::move(files.error()));
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto applied = ReadApplied(**session);
  if (!applied) return Fail(std::move(applied.error()));
  if (applied->empty()) {
    return Fail(SchemaError("schema.empty",
                            "Cơ sở dữ liệu chưa được khởi tạo. Hãy chạy `ansinh init --db …` "
                            "trước."));
  }
  if (auto ok = CompareApplied(*applied, *files); !ok) return Fail(std::move(ok.error()));
  if (applied->size() < files->size()) {
    return Fail(SchemaError("schema.pending",
                            "Lược đồ cơ sở dữ liệu đang ở phiên bản " +
                                std::to_string(applied->rbegin()->first) + ", cần phiên bản " +
                                std::to_string(files->back().version) +
                                ". Hãy chạy `ansinh init --db …` để cập nhật."));
  }
  return {};
}

Result<int> AppliedSchemaVersion(SqlSession& session) {
  auto applied = ReadApplied(session);
  if (!applied) return Fail(std::move(applied.error()));
  return applied->empty() ? 0 : applied->rbegin()->first;
}

}  // namespace ansinh::store
