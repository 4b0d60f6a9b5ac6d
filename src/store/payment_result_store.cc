#include "store/payment_result_store.h"

#include <utility>

#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

constexpr const char* kAttemptSelect =
    "SELECT i.batch_ref, i.line_ref, i.line_id, b.batch_id, b.cycle_id, b.route_kind, b.channel, "
    "i.transfer_vnd, l.amount_vnd, l.status, l.beneficiary_id, l.beneficiary_code, "
    "b.pay_by_date, i.live FROM batch_items i "
    "JOIN disbursement_batches b ON b.id = i.batch_ref "
    "JOIN payment_lines l ON l.id = i.line_ref ";

PaymentAttempt ReadAttempt(const SqlRow& row) {
  auto text = [&row](std::size_t column) { return std::string(row.Text(column)); };
  return PaymentAttempt{row.Int64(0),  row.Int64(1), text(2),       text(3),  row.Int64(4),
                        text(5),       text(6),      row.Int64(7),  row.Int64(8), text(9),
                        row.Int64(10), text(11),     text(12),      row.Int64(13) == 1};
}

class SqlPaymentResultStore : public PaymentResultStore {
 public:
  explicit SqlPaymentResultStore(SqlSession& session) : session_(session) {}

  Result<std::vector<PaymentAttempt>> LiveAttempts(
      const std::vector<std::string>& line_ids) override {
    SqlParams keys;
    keys.reserve(line_ids.size());
    for (const auto& id : line_ids) keys.push_back(SqlText(id));
    std::vector<PaymentAttempt> out;
    auto ok = QueryEachForKeys(session_,
                               std::string(kAttemptSelect) + "WHERE i.live = 1 AND i.line_id IN",
                               keys, "", [&out](const SqlRow& row) -> Status {
                                 out.push_back(ReadAttempt(row));
                                 return {};
                               });
    if (!ok) return Fail(ok.error());
    return out;
  }

  Result<std::optional<PaymentAttempt>> LatestAttempt(const std::string& line_id) override {
    auto rows = session_.Query(std::string(kAttemptSelect) +
                                   "WHERE i.line_id = ?1 ORDER BY i.live DESC, i.batch_ref DESC",
                               {SqlText(line_id)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<PaymentAttempt>();
    return std::optional<PaymentAttempt>(ReadAttempt(SqlRowsRow(*rows, 0)));
  }

  Result<std::vector<std::int64_t>> DeadLines(std::int64_t batch_ref) override {
    auto rows = session_.Query("SELECT line_ref FROM batch_items WHERE batch_ref = ?1 AND live = 0",
                               {SqlInt(batch_ref)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<std::int64_t> out;
    for (std::size_t r = 0; r < rows->size(); ++r) out.push_back(rows->Int64(r, 0));
    return out;
  }

  Result<bool> ReturnExists(std::int64_t batch_ref, std::int64_t line_ref) override {
    auto rows = session_.Query(
        "SELECT 1 FROM payment_returns WHERE batch_ref = ?1 AND line_ref = ?2",
        {SqlInt(batch_ref), SqlInt(line_ref)});
    if (!rows) return Fail(std::move(rows.error()));
    return !rows->empty();
  }

  Status InsertReturns(const std::vector<ReturnRecord>& returns) override {
    SqlParams values;
    for (const auto& r : returns) {
      values.insert(values.end(), {SqlInt(r.batch_ref), SqlInt(r.line_ref), SqlInt(r.report_ref),
                                   SqlInt(r.amount_vnd), SqlOptional(r.reason_code),
                                   SqlOptional(r.booked_on)});
    }
    auto written = InsertBatched(session_,
                                 "INSERT INTO payment_returns (batch_ref, line_ref, report_ref, "
                                 "amount_vnd, reason_code, booked_on)",
                                 "(?1, ?2, ?3, ?4, ?5, ?6)", 6, values, "");
    if (!written) return Fail(std::move(written.error()));
    return {};
  }

  Result<std::vector<PendingFallback>> PendingFallbacks(std::int64_t limit) override {
    auto rows = session_.Query(
        "SELECT x.batch_ref, x.line_ref, l.line_id, l.beneficiary_code, x.reason_code FROM ("
        "SELECT batch_ref, line_ref, reason_code FROM payment_results WHERE status = 'failed' "
        "UNION ALL SELECT batch_ref, line_ref, reason_code FROM payment_returns "
        "WHERE reason_code IS NOT NULL) x JOIN payment_lines l ON l.id = x.line_ref "
        "WHERE NOT EXISTS (SELECT 1 FROM payment_fallbacks f WHERE f.batch_ref = x.batch_ref "
        "AND f.line_ref = x.line_ref) ORDER BY x.batch_ref, x.line_ref LIMIT ?1",
        {SqlInt(limit)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<PendingFallback> out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Int64(r, 0), rows->Int64(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                     rows->Text(r, 4)});
    }
    return out;
  }

  Result<bool> InsertFallback(const FallbackRecord& f) override {
    auto written = session_.Execute(
        "INSERT INTO payment_fallbacks (batch_ref, line_ref, reason_code, action, done_by, "
        "done_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
        {SqlInt(f.batch_ref), SqlInt(f.line_ref), SqlText(f.reason_code), SqlText(f.action),
         SqlText(f.done_by), SqlText(f.done_at)});
    if (!written) return Fail(std::move(written.error()));
    return *written == 1;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<PaymentResultStore> MakePaymentResultStore(SqlSession& session) {
  return std::make_unique<SqlPaymentResultStore>(session);
}

}  // namespace ansinh::store
