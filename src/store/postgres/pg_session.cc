#include "store/postgres/pg_session.h"

#include <libpq-fe.h>

#include <stdexcept>
#include <utility>

#include "store/crash_point.h"

namespace ansinh::store {
namespace {

constexpr const char* kSessionSetup =
    "SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; "
    "SET statement_timeout = '120s'; SET client_min_messages = 'warning';";
constexpr int kConnectTimeoutS = 10;

struct ResultCloser {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultCloser>;

struct ConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};

// Turns a failed libpq result into our error model, in this one place.
Error PgError(PGconn* conn, const PGresult* result, std::string_view sql) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state != nullptr ? state : "";
  std::string detail = PQerrorMessage(conn);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  if (sqlstate == "23505") {
    return MakeError(ErrorKind::kConflict, "db.unique_violation",
                     "Dữ liệu bị trùng với bản ghi đã có: " + detail);
  }
  if (sqlstate.starts_with("23")) {
    return MakeError(ErrorKind::kConflict, "db.constraint_violation",
                     "Dữ liệu vi phạm ràng buộc của cơ sở dữ liệu: " + detail);
  }
  if (sqlstate == "40001" || sqlstate == "40P01") {
    return MakeError(ErrorKind::kConflict, "db.serialization_failure",
                     "Giao dịch xung đột với một giao dịch khác, vui lòng thử lại: " + detail);
  }
  if (PQstatus(conn) != CONNECTION_OK || sqlstate.starts_with("08") || sqlstate == "57P01") {
    return MakeError(ErrorKind::kUnavailable, "db.unavailable",
                     "Mất kết nối tới máy chủ PostgreSQL: " + detail);
  }
  return MakeError(
      ErrorKind::kInternal, "db.statement_failed",
      "Câu lệnh SQL thất bại: " + detail + " [" + std::string(sql.substr(0, 200)) + "]");
}

// Row `row` of a result libpq has read; every value arrives as text.
class PgRow : public SqlRow {
 public:
  PgRow(const PGresult* result, int row) : result_(result), row_(row) {}

  bool IsNull(std::size_t column) const override {
    return PQgetisnull(result_, row_, Index(column)) != 0;
  }
  std::int64_t Int64(std::size_t column) const override {
    return IntegerOfText(Text(column));
  }
  std::string_view Text(std::size_t column) const override {
    const int index = Index(column);
    if (PQgetisnull(result_, row_, index) != 0) throw std::logic_error("SqlRow: cell is NULL");
    return {PQgetvalue(result_, row_, index),
            static_cast<std::size_t>(PQgetlength(result_, row_, index))};
  }

 private:
  int Index(std::size_t column) const {
    if (column >= static_cast<std::size_t>(PQnfields(result_))) {
      throw std::out_of_range("SqlRow: no such column");
    }
    return static_cast<int>(column);
  }

  const PGresult* result_;
  int row_;
};

class PgSession : public SqlSession {
 public:
  explicit PgSession(PGconn* conn) : conn_(conn) {}

  Dialect dialect() const override { return Dialect::kPostgres; }
  bool IsReusable() const override {
    return PQstatus(conn_.get()) == CONNECTION_OK &&
           PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
  }

  Result<std::int64_t> Execute(std::string_view sql, const SqlParams& params) override {
    CrashPoint();
    auto result = Run(sql, params);
    if (!result) return Fail(std::move(result.error()));
    const char* tuples = PQcmdTuples(result->get());
    return tuples[0] == '\0' ? 0 : std::stoll(tuples);
  }

  Result<SqlRows> Query(std::string_view sql, const SqlParams& params) override {
    auto result = Run(sql, params);
    if (!result) return Fail(std::move(result.error()));
    PGresult* raw = result->get();
    const int rows = PQntuples(raw);
    const int columns = PQnfields(raw);
    if (static_cast<std::size_t>(rows) > kMaxQueryRows) {
      return Fail(ErrorKind::kLimitExceeded, "db.too_many_rows",
                  "Kết quả truy vấn vượt quá giới hạn số dòng.");
    }
    std::vector<SqlValue> cells;
    cells.reserve(static_cast<std::size_t>(rows) * static_cast<std::size_t>(columns));
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(raw, r, c)) {
          cells.push_back(SqlNull());
        } else {
          cells.push_back(SqlText(std::string(PQgetvalue(raw, r, c),
                                              static_cast<std::size_t>(PQgetlength(raw, r, c)))));
        }
      }
    }
    return SqlRows(static_cast<std::size_t>(columns), std::move(cells));
  }

  // libpq reads the whole result before returning it; what this saves is the
  // copy of every cell into SqlRows.
  Status QueryEach(std::string_view sql, const SqlParams& params,
                   const SqlRowVisitor& visit) override {
    auto result = Run(sql, params);
    if (!result) return Fail(std::move(result.error()));
    const int rows = PQntuples(result->get());
    for (int r = 0; r < rows; ++r) {
      if (auto ok = visit(PgRow(result->get(), r)); !ok) return ok;
    }
    return {};
  }

  Status ExecuteScript(std::string_view sql) override {
    const std::string text(sql);
    PgResult result(PQexec(conn_.get(), text.c_str()));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return Fail(PgError(conn_.get(), result.get(), sql));
    }
    return {};
  }

  Result<bool> TableExists(std::string_view table) override {
    auto rows = Query("SELECT to_regclass(?1) IS NOT NULL", {SqlText(std::string(table))});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Text(0, 0) == "t";
  }

 private:
  Result<PgResult> Run(std::string_view sql, const SqlParams& params) {
    const std::string statement = ToDollarPlaceholders(sql);
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
        texts[i] = std::to_string(*number);
        values[i] = texts[i].c_str();
      } else if (const auto* text = std::get_if<std::string>(&params[i])) {
        values[i] = text->c_str();
      }
    }
    PgResult result(PQexecParams(conn_.get(), statement.c_str(), static_cast<int>(params.size()),
                                 nullptr, values.data(), nullptr, nullptr, 0));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return Fail(PgError(conn_.get(), result.get(), sql));
    }
    return result;
  }

  std::unique_ptr<PGconn, ConnCloser> conn_;
};

}  // namespace

std::string ToDollarPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;  // '\'' or '"' while inside a literal or identifier
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const std::size_t end = sql.find('\n', i);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
      continue;
    } else if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out.push_back('$');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

Result<std::unique_ptr<SqlSession>> OpenPostgresSession(const std::string& uri) {
  const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
  const std::string timeout = std::to_string(kConnectTimeoutS);
  const char* values[] = {uri.c_str(), timeout.c_str(), "ansinh", nullptr};
  PGconn* raw = PQconnectdbParams(keys, values, 1);
  auto session = std::make_unique<PgSession>(raw);
  if (raw == nullptr || PQstatus(raw) != CONNECTION_OK) {
    std::string detail = raw != nullptr ? PQerrorMessage(raw) : "out of memory";
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    return Fail(ErrorKind::kUnavailable, "db.unavailable",
                "Không kết nối được tới máy chủ PostgreSQL: " + detail);
  }
  auto setup = session->ExecuteScript(kSessionSetup);
  if (!setup) return Fail(std::move(setup.error()));
  return std::unique_ptr<SqlSession>(std::move(session));
}

}  // namespace ansinh::store
