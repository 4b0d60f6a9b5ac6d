// Entry point of the storage layer: open a database by URL, learn what it is.
//
// A URL is `sqlite:PATH` (embedded, one file) or `postgresql://...` (a libpq
// connection URI). Aggregate stores (admin units, banks, policy rates, ...) are
// reached through the Database; each has one interface in store/ and two
// implementations, store/sqlite and store/postgres.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace ansinh::store {

class SqlSession;
class SessionPool;

enum class Dialect { kSqlite, kPostgres };

// "sqlite" or "postgresql": the name used in URLs, /healthz and logs.
const char* DialectName(Dialect dialect);

struct DatabaseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string target;  // SQLite file path, or the full PostgreSQL URI
};

// Errors: kInvalidInput with code "db_url.*" naming what is wrong.
Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url);

// A session lent by a Database to one caller; returned to the pool when the
// lease is destroyed. REQUIRES: the lease does not outlive its Database.
class SessionLease {
 public:
  SessionLease(std::shared_ptr<SessionPool> pool, std::unique_ptr<SqlSession> session);
  SessionLease(SessionLease&& other) noexcept;
  SessionLease& operator=(SessionLease&&) = delete;
  SessionLease(const SessionLease&) = delete;
  ~SessionLease();

  SqlSession& operator*() const { return *session_; }
  SqlSession* operator->() const { return session_.get(); }

 private:
  std::shared_ptr<SessionPool> pool_;
  std::unique_ptr<SqlSession> session_;
};

struct DatabaseOptions {
  int max_sessions = 4;         // connections open at most, per Database
  int acquire_timeout_ms = 10'000;  // wait for a free session before kUnavailable
  // The server key file that seals personal data; empty: ANSINH_KEY_FILE or
  // var/ansinh.key (crypto/server_key.h), shared by the whole process.
  std::filesystem::path key_file;
};

// Thread safety: every method may be called from several server threads at once.
// Concurrency comes from a small pool of connections (DatabaseOptions): each
// caller gets a connection of its own for as long as it holds the lease, so no
// connection is ever shared between threads.
class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  // Highest migration applied; 0 for a database never initialised.
  virtual Result<int> SchemaVersion() = 0;

  // A connection for the caller alone. Errors: kUnavailable "db.unavailable"
  // (cannot connect) or "db.pool_exhausted" (no session freed in time).
  virtual Result<SessionLease> Acquire() = 0;
};

// Opens the first connection at once, so a wrong path or an unreachable server
// is reported here (kUnavailable "db.unavailable", or kInvalidInput for SQLite
// paths that cannot be a database).
Result<std::unique_ptr<Database>> OpenDatabase(const DatabaseUrl& url);
Result<std::unique_ptr<Database>> OpenDatabase(const DatabaseUrl& url,
                                               const DatabaseOptions& options);

}  // namespace ansinh::store
