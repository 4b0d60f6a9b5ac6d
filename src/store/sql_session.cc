#include "store/sql_session.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <stdexcept>
#include <utility>

#include "store/sql_batches.h"

namespace ansinh::store {
namespace {

// PostgreSQL returns every value as text, so integers are parsed, strictly:
// the whole text is one number or it is none.
std::optional<std::int64_t> IntegerIn(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

SqlRows::SqlRows(std::size_t columns, std::vector<SqlValue> cells)
    : columns_(columns), cells_(std::move(cells)) {}

const SqlValue& SqlRows::Cell(std::size_t row, std::size_t column) const {
  if (column >= columns_ || row >= size()) throw std::out_of_range("SqlRows: no such cell");
  return cells_[row * columns_ + column];
}

bool SqlRows::IsNull(std::size_t row, std::size_t column) const {
  return std::holds_alternative<std::monostate>(Cell(row, column));
}

std::int64_t SqlRows::Int64(std::size_t row, std::size_t column) const {
  const SqlValue& cell = Cell(row, column);
  if (const auto* value = std::get_if<std::int64_t>(&cell)) return *value;
  if (const auto* text = std::get_if<std::string>(&cell)) {
    if (const auto value = IntegerIn(*text)) return *value;
  }
  throw std::logic_error("SqlRows: cell is not an integer");
}

std::string SqlRows::Text(std::size_t row, std::size_t column) const {
  const SqlValue& cell = Cell(row, column);
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* value = std::get_if<std::int64_t>(&cell)) return std::to_string(*value);
  throw std::logic_error("SqlRows: cell is NULL");
}

std::optional<std::int64_t> SqlRows::OptionalInt64(std::size_t row, std::size_t column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Int64(row, column);
}

std::optional<std::string> SqlRows::OptionalText(std::size_t row, std::size_t column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Text(row, column);
}

const SqlValue& SqlRows::RawCell(std::size_t row, std::size_t column) const {
  return Cell(row, column);
}

std::int64_t SqlRow::IntegerOfText(std::string_view text) {
  const auto value = IntegerIn(text);
  if (!value) throw std::logic_error("SqlRow: cell is not an integer");
  return *value;
}

std::optional<std::int64_t> SqlRow::OptionalInt64(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Int64(column);
}

std::optional<std::string_view> SqlRow::OptionalText(std::size_t column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

std::string_view SqlRowsRow::Text(std::size_t column) const {
  const SqlValue& cell = rows_.RawCell(row_, column);
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  // An integer cell asked as text: SqlRows::Text gives a temporary, so keep
  // the contract (a view valid during the visit) with a copy per column.
  if (converted_.size() <= column) converted_.resize(column + 1);
  converted_[column] = rows_.Text(row_, column);
  return converted_[column];
}

Status SqlSession::QueryEach(std::string_view sql, const SqlParams& params,
                             const SqlRowVisitor& visit) {
  auto rows = Query(sql, params);
  if (!rows) return Fail(std::move(rows.error()));
  for (std::size_t r = 0; r < rows->size(); ++r) {
    if (auto ok = visit(SqlRowsRow(*rows, r)); !ok) return ok;
  }
  return {};
}

Result<Transaction> Transaction::Begin(SqlSession& session) {
  // SQLite: take the write lock up front; a deferred transaction that later
  // upgrades can fail with SQLITE_BUSY without waiting for the busy timeout.
  auto begun = session.Execute(session.dialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!begun) return Fail(std::move(begun.error()));
  return Transaction(session);
}

Transaction::Transaction(Transaction&& other) noexcept : session_(other.session_) {
  other.session_ = nullptr;
}

Transaction::~Transaction() {
  // A failed rollback leaves nothing to do: the connection is reset when the
  // session is returned to the pool in an aborted state.
  if (session_ != nullptr) (void)session_->Execute("ROLLBACK");
}

Status Transaction::Commit() {
  SqlSession* session = std::exchange(session_, nullptr);
  if (session == nullptr) {
    return Fail(ErrorKind::kInternal, "db.no_transaction", "Giao dịch đã kết thúc.");
  }
  auto committed = session->Execute("COMMIT");
  if (!committed) {
    (void)session->Execute("ROLLBACK");
    return Fail(std::move(committed.error()));
  }
  return {};
}

std::string ShiftPlaceholders(std::string_view row_template, std::size_t offset) {
  std::string out;
  out.reserve(row_template.size() + 16);
  std::size_t i = 0;
  while (i < row_template.size()) {
    const char c = row_template[i++];
    out.push_back(c);
    if (c != '?') continue;
    std::size_t number = 0;
    const std::size_t start = i;
    while (i < row_template.size() && row_template[i] >= '0' && row_template[i] <= '9') {
      number = number * 10 + static_cast<std::size_t>(row_template[i++] - '0');
    }
    if (i > start) out += std::to_string(number + offset);
  }
  return out;
}

Status ForEachBatch(std::string_view head, std::string_view row_template,
                    std::size_t params_per_row, const SqlParams& values, std::string_view tail,
                    const std::function<Status(const std::string&, const SqlParams&)>& run) {
  if (params_per_row == 0 || values.size() % params_per_row != 0) {
    return Fail(ErrorKind::kInternal, "db.bad_batch", "Lô dữ liệu chèn không khớp số cột.");
  }
  const std::size_t rows_per_batch = std::max<std::size_t>(1, kMaxBoundParams / params_per_row);
  const std::size_t rows = values.size() / params_per_row;
  // Every full batch runs the same text: build it once (and the session can
  // reuse its compiled statement).
  auto batch_sql = [&](std::size_t count) {
    std::string sql(head);
    sql += " VALUES ";
    for (std::size_t r = 0; r < count; ++r) {
      if (r > 0) sql += ", ";
      sql += ShiftPlaceholders(row_template, r * params_per_row);
    }
    sql += ' ';
    sql += tail;
    return sql;
  };
  const std::string full_sql = rows >= rows_per_batch ? batch_sql(rows_per_batch) : std::string();
  SqlParams batch;
  for (std::size_t first = 0; first < rows; first += rows_per_batch) {
    const std::size_t count = std::min(rows_per_batch, rows - first);
    const auto begin = values.begin() + static_cast<std::ptrdiff_t>(first * params_per_row);
    batch.assign(begin, begin + static_cast<std::ptrdiff_t>(count * params_per_row));
    auto done = run(count == rows_per_batch ? full_sql : batch_sql(count), batch);
    if (!done) return done;
  }
  return {};
}

Result<std::int64_t> InsertBatched(SqlSession& session, std::string_view head,
                                   std::string_view row_template, std::size_t params_per_row,
                                   const SqlParams& values, std::string_view tail) {
  std::int64_t inserted = 0;
  auto done = ForEachBatch(head, row_template, params_per_row, values, tail,
                           [&](const std::string& sql, const SqlParams& batch) -> Status {
                             auto changed = session.Execute(sql, batch);
                             if (!changed) return Fail(std::move(changed.error()));
                             inserted += *changed;
                             return {};
                           });
  if (!done) return Fail(std::move(done.error()));
  return inserted;
}

}  // namespace ansinh::store
