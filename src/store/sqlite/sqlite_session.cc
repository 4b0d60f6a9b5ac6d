#include "store/sqlite/sqlite_session.h"

#include <sqlite3.h>

#include <limits>
#include <stdexcept>
#include <list>
#include <string>
#include <utility>

#include "store/crash_point.h"

namespace ansinh::store {
namespace {

constexpr int kBusyTimeoutMs = 5'000;
constexpr int kCacheKib = 64 * 1024;
// Bytes of the database file read through a memory map. Mapped pages count
// in the process's resident set (they are the page cache, shared and
// reclaimable), so the map is bounded: a register of a district fits; of a
// whole province, its first half gigabyte does and the rest is read as before.
constexpr std::int64_t kMmapBytes = 512LL * 1024 * 1024;

struct StatementCloser {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using OwnedStatement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

// Prepared statements kept for reuse, keyed by their SQL: the batched inserts
// of an import run the same few statements tens of thousands of times, and
// compiling one cost as much as running it. Least recently used first out.
class StatementCache {
 public:
  static constexpr std::size_t kCapacity = 32;

  // The cached statement for `sql`, removed from the cache; null when absent.
  OwnedStatement Take(std::string_view sql) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->sql == sql) {
        OwnedStatement statement = std::move(it->statement);
        entries_.erase(it);
        return statement;
      }
    }
    return nullptr;
  }
  // Returns a statement after use: reset, bindings cleared, most recent first.
  void Put(std::string sql, OwnedStatement statement) {
    sqlite3_reset(statement.get());
    sqlite3_clear_bindings(statement.get());
    entries_.push_front(Entry{std::move(sql), std::move(statement)});
    if (entries_.size() > kCapacity) entries_.pop_back();
  }
  void Clear() { entries_.clear(); }

 private:
  struct Entry {
    std::string sql;
    OwnedStatement statement;
  };
  std::list<Entry> entries_;
};

// A statement lent by the session for one call; it goes back to the cache
// (or is finalized, for scripts) when the call ends.
class Statement {
 public:
  Statement(OwnedStatement statement, std::string sql, StatementCache* cache)
      : statement_(std::move(statement)), sql_(std::move(sql)), cache_(cache) {}
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) = delete;
  ~Statement() {
    if (statement_ && cache_ != nullptr) cache_->Put(std::move(sql_), std::move(statement_));
  }
  sqlite3_stmt* get() const { return statement_.get(); }

 private:
  OwnedStatement statement_;
  std::string sql_;
  StatementCache* cache_;
};

// The row under an SQLite statement's cursor. Integers are checked as
// SqlRows checks them: an integer cell, or text that is exactly a number.
class SqliteRow : public SqlRow {
 public:
  explicit SqliteRow(sqlite3_stmt* statement) : statement_(statement) {}

  bool IsNull(std::size_t column) const override {
    return sqlite3_column_type(statement_, Index(column)) == SQLITE_NULL;
  }
  std::int64_t Int64(std::size_t column) const override {
    const int index = Index(column);
    if (sqlite3_column_type(statement_, index) == SQLITE_INTEGER) {
      return sqlite3_column_int64(statement_, index);
    }
    return IntegerOfText(Text(column));
  }
  std::string_view Text(std::size_t column) const override {
    const int index = Index(column);
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, index));
    if (text == nullptr) throw std::logic_error("SqlRow: cell is NULL");
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, index))};
  }

 private:
  int Index(std::size_t column) const {
    if (column >= static_cast<std::size_t>(sqlite3_column_count(statement_))) {
      throw std::out_of_range("SqlRow: no such column");
    }
    return static_cast<int>(column);
  }

  sqlite3_stmt* statement_;
};

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

// Turns an SQLite result code into our error model, in this one place.
Error SqliteError(sqlite3* db, int code, std::string_view sql) {
  const int primary = code & 0xFF;
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return MakeError(ErrorKind::kConflict, "db.unique_violation",
                     "Dữ liệu bị trùng với bản ghi đã có: " + detail);
  }
  if (primary == SQLITE_CONSTRAINT) {
    return MakeError(ErrorKind::kConflict, "db.constraint_violation",
                     "Dữ liệu vi phạm ràng buộc của cơ sở dữ liệu: " + detail);
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return MakeError(ErrorKind::kConflict, "db.serialization_failure",
                     "Cơ sở dữ liệu đang bận, vui lòng thử lại: " + detail);
  }
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR || primary == SQLITE_FULL ||
      primary == SQLITE_NOTADB || primary == SQLITE_READONLY) {
    return MakeError(ErrorKind::kUnavailable, "db.unavailable",
                     "Không truy cập được tệp cơ sở dữ liệu SQLite: " + detail);
  }
  return MakeError(
      ErrorKind::kInternal, "db.statement_failed",
      "Câu lệnh SQL thất bại: " + detail + " [" + std::string(sql.substr(0, 200)) + "]");
}

class SqliteSession : public SqlSession {
 public:
  explicit SqliteSession(sqlite3* db) : db_(db) {}
  ~SqliteSession() override { cache_.Clear(); }  // statements before the connection

  Dialect dialect() const override { return Dialect::kSqlite; }
  bool IsReusable() const override { return sqlite3_get_autocommit(db_.get()) != 0; }

  Result<std::int64_t> Execute(std::string_view sql, const SqlParams& params) override {
    CrashPoint();
    auto statement = Prepare(sql, params);
    if (!statement) return Fail(std::move(statement.error()));
    int code = SQLITE_ROW;
    while (code == SQLITE_ROW) code = sqlite3_step(statement->get());
    if (code != SQLITE_DONE) return Fail(SqliteError(db_.get(), code, sql));
    return static_cast<std::int64_t>(sqlite3_changes(db_.get()));
  }

  Result<SqlRows> Query(std::string_view sql, const SqlParams& params) override {
    auto statement = Prepare(sql, params);
    if (!statement) return Fail(std::move(statement.error()));
    sqlite3_stmt* raw = statement->get();
    const auto columns = static_cast<std::size_t>(sqlite3_column_count(raw));
    std::vector<SqlValue> cells;
    std::size_t rows = 0;
    int code = 0;
    while ((code = sqlite3_step(raw)) == SQLITE_ROW) {
      if (++rows > kMaxQueryRows) {
        return Fail(ErrorKind::kLimitExceeded, "db.too_many_rows",
                    "Kết quả truy vấn vượt quá giới hạn số dòng.");
      }
      for (int c = 0; c < static_cast<int>(columns); ++c) cells.push_back(ReadCell(raw, c));
    }
    if (code != SQLITE_DONE) return Fail(SqliteError(db_.get(), code, sql));
    return SqlRows(columns, std::move(cells));
  }

  Status QueryEach(std::string_view sql, const SqlParams& params,
                   const SqlRowVisitor& visit) override {
    auto statement = Prepare(sql, params);
    if (!statement) return Fail(std::move(statement.error()));
    const SqliteRow row(statement->get());
    int code = 0;
    while ((code = sqlite3_step(statement->get())) == SQLITE_ROW) {
      if (auto ok = visit(row); !ok) return ok;
    }
    if (code != SQLITE_DONE) return Fail(SqliteError(db_.get(), code, sql));
    return {};
  }

  Status ExecuteScript(std::string_view sql) override {
    const std::string text(sql);
    char* message = nullptr;
    const int code = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
    if (message != nullptr) sqlite3_free(message);
    if (code != SQLITE_OK) return Fail(SqliteError(db_.get(), code, sql));
    return {};
  }

  Result<bool> TableExists(std::string_view table) override {
    auto rows = Query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                      {SqlText(std::string(table))});
    if (!rows) return Fail(std::move(rows.error()));
    return !rows->empty();
  }

 private:
  static SqlValue ReadCell(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
      case SQLITE_NULL:
        return SqlNull();
      case SQLITE_INTEGER:
        return SqlInt(sqlite3_column_int64(statement, column));
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        const auto bytes = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
        return SqlText(std::string(text, bytes));
      }
    }
  }

  Status Bind(sqlite3_stmt* statement, const SqlParams& params, std::string_view sql) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      int code = SQLITE_OK;
      if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
        code = sqlite3_bind_int64(statement, index, *number);
      } else if (const auto* text = std::get_if<std::string>(&params[i])) {
        code = sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_STATIC,
                                   SQLITE_UTF8);  // params outlive the call
      } else {
        code = sqlite3_bind_null(statement, index);
      }
      if (code != SQLITE_OK) return Fail(SqliteError(db_.get(), code, sql));
    }
    return {};
  }

  Result<Statement> Prepare(std::string_view sql, const SqlParams& params) {
    OwnedStatement owned = cache_.Take(sql);
    if (!owned) {
      sqlite3_stmt* compiled = nullptr;
      const int code = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &compiled, nullptr);
      owned.reset(compiled);
      if (code != SQLITE_OK) return Fail(SqliteError(db_.get(), code, sql));
    }
    sqlite3_stmt* raw = owned.get();
    Statement statement(std::move(owned), std::string(sql), raw != nullptr ? &cache_ : nullptr);
    if (raw == nullptr) {  // only whitespace or a comment: nothing to run
      return Fail(ErrorKind::kInternal, "db.statement_failed",
                  "Câu lệnh SQL rỗng: " + std::string(sql.substr(0, 200)));
    }
    if (params.size() != static_cast<std::size_t>(sqlite3_bind_parameter_count(raw))) {
      return Fail(ErrorKind::kInternal, "db.parameter_count",
                  "Số tham số không khớp câu lệnh SQL: " + std::string(sql.substr(0, 200)));
    }
    if (auto bound = Bind(raw, params, sql); !bound) return Fail(std::move(bound.error()));
    return statement;
  }

  std::unique_ptr<sqlite3, DbCloser> db_;
  StatementCache cache_;  // declared after db_: destroyed first
};

}  // namespace

Result<std::unique_ptr<SqlSession>> OpenSqliteSession(const std::string& path) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<SqlSession> session;
  if (raw != nullptr && code == SQLITE_OK) session = std::make_unique<SqliteSession>(raw);
  if (code != SQLITE_OK) {
    Error error = MakeError(ErrorKind::kUnavailable, "db.unavailable",
                            "Không mở được tệp cơ sở dữ liệu SQLite \"" + path + "\": " +
                                (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(code)));
    sqlite3_close_v2(raw);
    return Fail(std::move(error));
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  // cache_size: a large write transaction (an import of a million rows)
  // spills pages of the indexes it updates at random (name key, citizen ID)
  // to the WAL and reads them back page by page when the cache holds only the
  // default 2 MiB; 64 MiB per connection, allocated only as pages are used,
  // keeps those indexes in memory.
  // mmap_size: reads of the database file map its pages instead of copying
  // each through pread; a payroll run or an export reads the whole register
  // (hundreds of megabytes) and spent a third of its read time in that copy.
  // Writes still go through the WAL, so a crash loses nothing it did not.
  auto setup = session->ExecuteScript(
      "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
      "PRAGMA cache_size = -" +
      std::to_string(kCacheKib) + "; PRAGMA mmap_size = " + std::to_string(kMmapBytes) + ";");
  if (!setup) return Fail(std::move(setup.error()));
  return session;
}

}  // namespace ansinh::store
