#include "store/sensitive_reseal.h"

#include <string>

#include "store/registry_sensitive.h"
#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

// "(c1 <> '' AND c1 NOT LIKE ?n OR c2 ...)": some value not under the current
// key. NULL compares as unknown, so a NULL column never counts.
std::string StaleCondition(const SealedTable& table, std::size_t pattern_param) {
  const std::string pattern = "?" + std::to_string(pattern_param);
  std::string condition;
  for (const SealedColumn& column : table.columns) {
    if (!condition.empty()) condition += " OR ";
    const std::string name(column.name);
    condition += "(" + name + " <> '' AND " + name + " NOT LIKE " + pattern + ")";
  }
  return "(" + condition + ")";
}

std::string CurrentPattern(const crypto::KeyRing& ring) { return "v1:" + ring.current_id() + ":%"; }

std::string SelectStale(const SealedTable& table, int batch_rows) {
  std::string columns(table.key);
  for (const SealedColumn& column : table.columns) columns += ", " + std::string(column.name);
  const std::string key(table.key);
  return "SELECT " + columns + " FROM " + std::string(table.name) + " WHERE " + key +
         " > ?1 AND " + StaleCondition(table, 2) + " ORDER BY " + key + " LIMIT " +
         std::to_string(batch_rows);
}

std::string UpdateRow(const SealedTable& table) {
  std::string assignments;
  std::size_t param = 0;
  for (const SealedColumn& column : table.columns) {
    if (!assignments.empty()) assignments += ", ";
    assignments += std::string(column.name) + " = ?" + std::to_string(++param);
    if (!column.index_column.empty()) {
      assignments += ", " + std::string(column.index_column) + " = ?" + std::to_string(++param);
    }
  }
  return "UPDATE " + std::string(table.name) + " SET " + assignments + " WHERE " +
         std::string(table.key) + " = ?" + std::to_string(param + 1);
}

// The new values of one row: each column resealed, followed by its index.
SqlParams ResealedValues(SensitiveFields& fields, const SealedTable& table, const SqlRows& rows,
                         std::size_t r) {
  SqlParams values;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const SealedColumn& column = table.columns[c];
    if (rows.IsNull(r, c + 1)) {
      values.push_back(SqlNull());
      if (!column.index_column.empty()) values.push_back(SqlNull());
      continue;
    }
    const std::string plain = fields.Column(column.context, rows, r, c + 1);
    values.push_back(fields.Param(column.context, plain));
    if (!column.index_column.empty()) values.push_back(fields.IndexParam(plain));
  }
  return values;
}

// One batch in one transaction; returns how many rows it rewrote (0: done).
Result<std::int64_t> ResealBatch(SqlSession& session, SensitiveFields& fields,
                                 const SealedTable& table, const std::string& select,
                                 const std::string& update, std::int64_t& after) {
  auto transaction = Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto rows = session.Query(select, {SqlInt(after), SqlText(CurrentPattern(fields.ring()))});
  if (!rows) return Fail(std::move(rows.error()));
  for (std::size_t r = 0; r < rows->size(); ++r) {
    SqlParams values = ResealedValues(fields, table, *rows, r);
    values.push_back(SqlInt(rows->Int64(r, 0)));
    if (auto updated = session.Execute(update, values); !updated) {
      return Fail(std::move(updated.error()));
    }
    after = rows->Int64(r, 0);
  }
  if (auto committed = transaction->Commit(); !committed) return Fail(std::move(committed.error()));
  return static_cast<std::int64_t>(rows->size());
}

}  // namespace

const std::vector<SealedTable>& SealedTables() {
  static const std::vector<SealedTable> tables = {
      {"beneficiaries", "id",
       {{"citizen_id", kBeneficiaryCitizenId, "citizen_id_index"},
        {"phone", kBeneficiaryPhone, ""}}},
      {"representatives", "beneficiary_id",
       {{"citizen_id", kRepresentativeCitizenId, "citizen_id_index"},
        {"phone", kRepresentativePhone, ""}}},
      {"payment_methods", "beneficiary_id",
       {{"account_number", kAccountNumber, "account_number_index"}}},
      {"beneficiary_history", "id",
       {{"before_json", kHistoryBefore, ""}, {"after_json", kHistoryAfter, ""}}}};
  return tables;
}

namespace {

// Rows of every sealed table with a non-empty value not LIKE `pattern`.
Result<std::int64_t> CountNotMatching(SqlSession& session, const std::string& pattern) {
  std::int64_t stale = 0;
  for (const SealedTable& table : SealedTables()) {
    auto rows = session.Query("SELECT COUNT(*) FROM " + std::string(table.name) + " WHERE " +
                                  StaleCondition(table, 1),
                              {SqlText(pattern)});
    if (!rows) return Fail(std::move(rows.error()));
    stale += rows->Int64(0, 0);
  }
  return stale;
}

}  // namespace

Result<std::int64_t> CountStaleRows(SqlSession& session, const crypto::KeyRing& ring) {
  return CountNotMatching(session, CurrentPattern(ring));
}

Result<std::int64_t> CountClearRows(SqlSession& session) {
  return CountNotMatching(session, "v1:%");
}

Result<ResealProgress> ResealTable(SqlSession& session, const crypto::KeyRing& ring,
                                   const SealedTable& table, int batch_rows, int max_batches) {
  SensitiveFields fields(session);
  if (fields.ring().current_id() != ring.current_id()) {
    return Fail(ErrorKind::kConflict, "key.ring_changed",
                "Bộ khoá máy chủ vừa thay đổi trong lúc mã hoá lại; hãy chạy lại lệnh.");
  }
  const std::string select = SelectStale(table, batch_rows);
  const std::string update = UpdateRow(table);
  ResealProgress progress;
  std::int64_t after = 0;
  while (max_batches <= 0 || progress.batches < max_batches) {
    auto written = ResealBatch(session, fields, table, select, update, after);
    if (!written) return Fail(std::move(written.error()));
    if (*written == 0) {
      progress.complete = true;
      break;
    }
    ++progress.batches;
    progress.rows_resealed += *written;
  }
  return progress;
}

}  // namespace ansinh::store
