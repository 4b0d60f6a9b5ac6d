// A thin SQL session over one connection, so every aggregate store is written
// once for both dialects.
//
// Placeholders are `?1`, `?2`, ... in every statement (SQLite binds `$N` in order
// of first appearance, so `?N` is the portable form; the PostgreSQL session
// rewrites them to `$N`). Values are NULL, a 64-bit integer or text; dates travel
// as ISO text and exact decimals as text.
//
// Thread safety: a session is used by one thread at a time. Sessions come from
// Database::Acquire(), which hands each out to one caller only.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"
#include "crypto/key_ring_source.h"
#include "store/database.h"

namespace ansinh::store {

using SqlValue = std::variant<std::monostate, std::int64_t, std::string>;
using SqlParams = std::vector<SqlValue>;

inline SqlValue SqlNull() { return std::monostate{}; }
inline SqlValue SqlText(std::string text) { return SqlValue(std::move(text)); }
inline SqlValue SqlInt(std::int64_t value) { return SqlValue(value); }
template <class T>
SqlValue SqlOptional(const std::optional<T>& value) {
  return value ? SqlValue(*value) : SqlNull();
}

// A fully read result set. Column access is checked: asking for an integer in
// a cell that holds something else is a programming error and throws.
class SqlRows {
 public:
  SqlRows() = default;
  SqlRows(std::size_t columns, std::vector<SqlValue> cells);

  std::size_t size() const { return columns_ == 0 ? 0 : cells_.size() / columns_; }
  bool empty() const { return size() == 0; }
  std::size_t columns() const { return columns_; }

  bool IsNull(std::size_t row, std::size_t column) const;
  std::int64_t Int64(std::size_t row, std::size_t column) const;
  std::string Text(std::size_t row, std::size_t column) const;
  std::optional<std::int64_t> OptionalInt64(std::size_t row, std::size_t column) const;
  std::optional<std::string> OptionalText(std::size_t row, std::size_t column) const;
  // The stored cell itself (text stays text, integers stay integers).
  const SqlValue& RawCell(std::size_t row, std::size_t column) const;

 private:
  const SqlValue& Cell(std::size_t row, std::size_t column) const;

  std::size_t columns_ = 0;
  std::vector<SqlValue> cells_;  // row-major
};

// One row of a result being read by SqlSession::QueryEach. Access is checked
// as in SqlRows (an integer asked of a cell that holds none throws). Text is
// a view into the driver's buffer: valid only during the visit of this row.
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual bool IsNull(std::size_t column) const = 0;
  virtual std::int64_t Int64(std::size_t column) const = 0;
  // REQUIRES: the cell is not NULL.
  virtual std::string_view Text(std::size_t column) const = 0;

  std::optional<std::int64_t> OptionalInt64(std::size_t column) const;
  std::optional<std::string_view> OptionalText(std::size_t column) const;

 protected:
  // `text` as a 64-bit integer, all of it; else throws std::logic_error.
  static std::int64_t IntegerOfText(std::string_view text);
};

// Row `row` of a result already read, seen as a SqlRow.
class SqlRowsRow : public SqlRow {
 public:
  SqlRowsRow(const SqlRows& rows, std::size_t row) : rows_(rows), row_(row) {}
  bool IsNull(std::size_t column) const override { return rows_.IsNull(row_, column); }
  std::int64_t Int64(std::size_t column) const override { return rows_.Int64(row_, column); }
  std::string_view Text(std::size_t column) const override;

 private:
  const SqlRows& rows_;
  std::size_t row_;
  mutable std::vector<std::string> converted_;  // integer cells asked as text, by column
};

// Called once per row, in result order; an error stops the reading.
using SqlRowVisitor = std::function<Status(const SqlRow&)>;

// Errors of every method: kConflict "db.unique_violation" for a duplicate key,
// kConflict "db.serialization_failure" (retry the transaction) for a lost race,
// kUnavailable "db.unavailable" when the server cannot be reached, and
// kInternal "db.statement_failed" for anything else (bad SQL is a bug).
class SqlSession {
 public:
  virtual ~SqlSession() = default;
  virtual Dialect dialect() const = 0;

  // One statement with bound parameters; returns the number of rows changed.
  virtual Result<std::int64_t> Execute(std::string_view sql, const SqlParams& params = {}) = 0;
  // One statement; every row is read. Errors also kLimitExceeded "db.too_many_rows"
  // when the result exceeds kMaxQueryRows.
  virtual Result<SqlRows> Query(std::string_view sql, const SqlParams& params = {}) = 0;
  // One statement whose rows are handed to `visit` as they are read, without
  // holding the result set: for the large scans of a payroll run, where
  // copying every cell into SqlRows cost as much as SQLite reading it. No row
  // limit applies (memory stays one row). `visit` must not use this session.
  // The default reads through Query (decorators need not override it).
  virtual Status QueryEach(std::string_view sql, const SqlParams& params,
                           const SqlRowVisitor& visit);
  // Several statements separated by semicolons, no parameters (migration files).
  virtual Status ExecuteScript(std::string_view sql) = 0;
  virtual Result<bool> TableExists(std::string_view table) = 0;
  // False when the connection is broken or a transaction was left open, so the
  // pool must not lend this session again.
  virtual bool IsReusable() const = 0;

  static constexpr std::size_t kMaxQueryRows = 1'000'000;

  // The keys that seal personal data in this database (store/registry_sensitive.h):
  // those of the Database that opened the session, else the process default
  // (ANSINH_KEY_FILE).
  crypto::KeyRingSource& field_keys() const {
    return field_keys_ ? *field_keys_ : crypto::DefaultKeyRingSource();
  }
  void set_field_keys(std::shared_ptr<crypto::KeyRingSource> keys) { field_keys_ = std::move(keys); }

 private:
  std::shared_ptr<crypto::KeyRingSource> field_keys_;
};

// RAII transaction: rolls back on destruction unless Commit() succeeded.
// REQUIRES: no other transaction open on the session.
class Transaction {
 public:
  static Result<Transaction> Begin(SqlSession& session);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Status Commit();

 private:
  explicit Transaction(SqlSession& session) : session_(&session) {}
  SqlSession* session_;  // null once finished or moved from
};

// Rewrites the row-local placeholders ?1..?k of `row_template` into ?(offset+1)..
// so that several rows can share one statement.
std::string ShiftPlaceholders(std::string_view row_template, std::size_t offset);

// Inserts rows with multi-row statements `head VALUES (row), (row) ... tail`,
// batched so that no statement binds more than kMaxBoundParams values. Each row
// template uses ?1..?params_per_row; rows.size() must be a multiple of it.
// Returns the number of rows inserted.
Result<std::int64_t> InsertBatched(SqlSession& session, std::string_view head,
                                   std::string_view row_template, std::size_t params_per_row,
                                   const SqlParams& values, std::string_view tail);

inline constexpr std::size_t kMaxBoundParams = 1000;

}  // namespace ansinh::store
