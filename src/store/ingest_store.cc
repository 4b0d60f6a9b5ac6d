#include "store/ingest_store.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

class SqlIngestStore : public IngestStore {
 public:
  explicit SqlIngestStore(SqlSession& session) : session_(session) {}

  Result<bool> ReportExists(const std::string& message_id) override {
    auto rows = session_.Query("SELECT 1 FROM ingested_reports WHERE message_id = ?1",
                               {SqlText(message_id)});
    if (!rows) return Fail(std::move(rows.error()));
    return !rows->empty();
  }

  Result<std::int64_t> InsertReport(const ReportRecord& r) override {
    auto rows = session_.Query(
        "INSERT INTO ingested_reports (message_id, batch_id, transactions, ingested_by, "
        "ingested_at, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        {SqlText(r.message_id), SqlText(r.batch_id), SqlInt(r.transactions), SqlText(r.ingested_by),
         SqlText(r.ingested_at), SqlText(r.kind)});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Status InsertResults(const std::vector<ResultRecord>& results) override {
    SqlParams values;
    for (const auto& r : results) {
      values.insert(values.end(), {SqlInt(r.batch_ref), SqlInt(r.line_ref), SqlInt(r.report_ref),
                                   SqlText(r.status), SqlOptional(r.reason_code),
                                   SqlOptional(r.paid_on)});
    }
    auto written = InsertBatched(
        session_,
        "INSERT INTO payment_results (batch_ref, line_ref, report_ref, status, reason_code, "
        "paid_on)",
        "(?1, ?2, ?3, ?4, ?5, ?6)", 6, values, "");
    if (!written) return Fail(std::move(written.error()));
    return {};
  }

  Result<bool> SetLineStatus(std::int64_t line_ref, const std::string& from,
                             const std::string& to) override {
    auto changed =
        session_.Execute("UPDATE payment_lines SET status = ?3 WHERE id = ?1 AND status = ?2",
                         {SqlInt(line_ref), SqlText(from), SqlText(to)});
    if (!changed) return Fail(std::move(changed.error()));
    return *changed == 1;
  }

  Result<std::int64_t> SetLinesStatus(const std::vector<std::int64_t>& line_refs,
                                      const std::string& from, const std::string& to) override {
    // The states are written into the statement (the key chunks take the
    // placeholders), so only the known ones are accepted.
    static constexpr std::array<std::string_view, 7> kStates = {
        "pending", "sent", "paid", "failed", "returned", "paid_cash", "cancelled"};
    const auto known = [](const std::string& s) {
      return std::find(kStates.begin(), kStates.end(), s) != kStates.end();
    };
    if (!known(from) || !known(to)) {
      return Fail(ErrorKind::kInternal, "ingest.status_unknown",
                  "Trạng thái dòng chi trả không hợp lệ: " + from + " → " + to + ".");
    }
    SqlParams keys;
    keys.reserve(line_refs.size());
    for (const auto ref : line_refs) keys.push_back(SqlInt(ref));
    return ExecuteForKeys(
        session_, "UPDATE payment_lines SET status = '" + to + "' WHERE status = '" + from +
                      "' AND id IN",
        keys);
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<IngestStore> MakeIngestStore(SqlSession& session) {
  return std::make_unique<SqlIngestStore>(session);
}

}  // namespace ansinh::store
