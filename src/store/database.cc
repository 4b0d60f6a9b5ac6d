#include "store/database.h"

#include <utility>

#include "store/postgres/pg_session.h"
#include "store/session_pool.h"
#include "store/sql_session.h"
#include "store/sqlite/sqlite_session.h"

namespace ansinh::store {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";
constexpr std::size_t kMaxUrlBytes = 4096;

Error UrlError(std::string code, std::string message) {
  Error error = MakeError(ErrorKind::kInvalidInput, code, std::move(message));
  error.details.push_back(ErrorDetail{0, "--db", std::move(code), error.message});
  return error;
}

}  // namespace

const char* DialectName(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "sqlite" : "postgresql";
}

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url) {
  if (url.empty()) {
    return Fail(UrlError("db_url.empty", "Chưa chỉ định cơ sở dữ liệu (--db)."));
  }
  if (url.size() > kMaxUrlBytes) {
    return Fail(UrlError("db_url.too_long", "Địa chỉ cơ sở dữ liệu quá dài."));
  }
  if (url.starts_with(kSqlitePrefix)) {
    std::string_view path = url.substr(kSqlitePrefix.size());
    if (path.starts_with("//")) {
      return Fail(UrlError("db_url.sqlite_form",
                           "Địa chỉ SQLite có dạng sqlite:ĐƯỜNG_DẪN (không có \"//\"), ví dụ "
                           "sqlite:/var/lib/ansinh/ansinh.db."));
    }
    if (path.empty() || path.back() == '/') {
      return Fail(UrlError("db_url.sqlite_path", "Thiếu đường dẫn tệp SQLite sau \"sqlite:\"."));
    }
    return DatabaseUrl{Dialect::kSqlite, std::string(path)};
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    if (url.find_first_of(" \t\r\n") != std::string_view::npos) {
      return Fail(UrlError("db_url.postgres_whitespace",
                           "Địa chỉ PostgreSQL không được chứa khoảng trắng."));
    }
    return DatabaseUrl{Dialect::kPostgres, std::string(url)};
  }
  return Fail(UrlError("db_url.scheme",
                       "Địa chỉ cơ sở dữ liệu phải bắt đầu bằng \"sqlite:\" hoặc "
                       "\"postgresql://\"."));
}

Result<std::unique_ptr<Database>> OpenDatabase(const DatabaseUrl& url) {
  return OpenDatabase(url, DatabaseOptions{});
}

Result<std::unique_ptr<Database>> OpenDatabase(const DatabaseUrl& url,
                                               const DatabaseOptions& options) {
  std::shared_ptr<crypto::KeyRingSource> keys;
  if (!options.key_file.empty()) keys = std::make_shared<crypto::KeyRingSource>(options.key_file);
  const auto with_keys = [keys](Result<std::unique_ptr<SqlSession>> session) {
    if (session && keys) (*session)->set_field_keys(keys);
    return session;
  };
  if (url.dialect == Dialect::kSqlite) {
    const std::string path = url.target;
    return OpenPooledDatabase(
        Dialect::kSqlite, [path, with_keys] { return with_keys(OpenSqliteSession(path)); },
        options);
  }
  const std::string uri = url.target;
  return OpenPooledDatabase(
      Dialect::kPostgres, [uri, with_keys] { return with_keys(OpenPostgresSession(uri)); },
      options);
}

}  // namespace ansinh::store
