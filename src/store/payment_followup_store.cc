#include "store/payment_followup_store.h"

#include <utility>

#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

class SqlPaymentFollowupStore : public PaymentFollowupStore {
 public:
  explicit SqlPaymentFollowupStore(SqlSession& session) : session_(session) {}

  Result<bool> EndAttempt(std::int64_t batch_ref, std::int64_t line_ref) override {
    auto changed = session_.Execute(
        "UPDATE batch_items SET live = 0 WHERE batch_ref = ?1 AND line_ref = ?2 AND live = 1",
        {SqlInt(batch_ref), SqlInt(line_ref)});
    if (!changed) return Fail(std::move(changed.error()));
    return *changed == 1;
  }

  Result<bool> ReopenLine(std::int64_t line_ref, const std::string& from,
                          const std::string& channel) override {
    auto changed = session_.Execute(
        "UPDATE payment_lines SET status = 'pending', channel = ?3 WHERE id = ?1 AND status = ?2",
        {SqlInt(line_ref), SqlText(from), SqlText(channel)});
    if (!changed) return Fail(std::move(changed.error()));
    return *changed == 1;
  }

  Status InsertReissue(const ReissueRecord& r) override {
    auto written = session_.Execute(
        "INSERT INTO payment_reissues (line_ref, from_batch_ref, from_channel, channel, "
        "amount_vnd, reissued_by, reissued_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        {SqlInt(r.line_ref), SqlInt(r.from_batch_ref), SqlText(r.from_channel), SqlText(r.channel),
         SqlInt(r.amount_vnd), SqlText(r.reissued_by), SqlText(r.reissued_at)});
    if (!written) return Fail(std::move(written.error()));
    return {};
  }

  Result<std::vector<PaymentAttempt>> SentCashDueBy(const std::string& last_pay_by) override {
    auto rows = session_.Query(
        "SELECT i.batch_ref, i.line_ref, i.line_id, b.batch_id, b.cycle_id, b.route_kind, "
        "b.channel, i.transfer_vnd, l.amount_vnd, l.status, l.beneficiary_id, l.beneficiary_code, "
        "b.pay_by_date FROM batch_items i JOIN disbursement_batches b ON b.id = i.batch_ref "
        "JOIN payment_lines l ON l.id = i.line_ref WHERE i.live = 1 AND l.status = 'sent' "
        "AND b.channel IN ('CASH_PAYPOINT', 'CASH_HOME') AND b.pay_by_date <= ?1 "
        "ORDER BY i.batch_ref, i.position",
        {SqlText(last_pay_by)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<PaymentAttempt> out;
    out.reserve(rows->size());
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Int64(r, 0), rows->Int64(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                     rows->Int64(r, 4), rows->Text(r, 5), rows->Text(r, 6), rows->Int64(r, 7),
                     rows->Int64(r, 8), rows->Text(r, 9), rows->Int64(r, 10), rows->Text(r, 11),
                     rows->Text(r, 12), true});
    }
    return out;
  }

  Status InsertUnclaimed(const std::vector<UnclaimedRecord>& unclaimed) override {
    SqlParams values;
    for (const auto& u : unclaimed) {
      values.insert(values.end(), {SqlInt(u.batch_ref), SqlInt(u.line_ref), SqlInt(u.amount_vnd),
                                   SqlText(u.as_of), SqlText(u.expired_by), SqlText(u.expired_at)});
    }
    auto written = InsertBatched(session_,
                                 "INSERT INTO unclaimed_cash (batch_ref, line_ref, amount_vnd, "
                                 "as_of, expired_by, expired_at)",
                                 "(?1, ?2, ?3, ?4, ?5, ?6)", 6, values, "");
    if (!written) return Fail(std::move(written.error()));
    return {};
  }

  Result<bool> IsUnclaimed(std::int64_t batch_ref, std::int64_t line_ref) override {
    auto rows = session_.Query("SELECT 1 FROM unclaimed_cash WHERE batch_ref = ?1 AND line_ref = ?2",
                               {SqlInt(batch_ref), SqlInt(line_ref)});
    if (!rows) return Fail(std::move(rows.error()));
    return !rows->empty();
  }

  Result<std::int64_t> MarkSentReturned(const std::vector<std::int64_t>& line_refs) override {
    SqlParams keys;
    for (std::int64_t ref : line_refs) keys.push_back(SqlInt(ref));
    return ExecuteForKeys(session_,
                          "UPDATE payment_lines SET status = 'returned' WHERE status = 'sent' "
                          "AND id IN",
                          keys);
  }

  Result<std::vector<OverdueLineRow>> Overdue(const std::string& unit_code,
                                              const std::string& as_of,
                                              std::int64_t limit) override {
    auto rows = session_.Query(
        "SELECT l.line_id, b.batch_id, l.beneficiary_code, p.full_name, l.commune_code, "
        "b.channel, i.transfer_vnd, b.pay_by_date, l.status, "
        "COALESCE(t.reason_code, r.reason_code), "
        "CASE WHEN u.line_ref IS NULL THEN 0 ELSE 1 END "
        "FROM batch_items i JOIN disbursement_batches b ON b.id = i.batch_ref "
        "JOIN pay_cycles c ON c.id = b.cycle_id JOIN payment_lines l ON l.id = i.line_ref "
        "JOIN beneficiaries p ON p.id = l.beneficiary_id "
        "LEFT JOIN payment_results r ON r.batch_ref = i.batch_ref AND r.line_ref = i.line_ref "
        "LEFT JOIN payment_returns t ON t.batch_ref = i.batch_ref AND t.line_ref = i.line_ref "
        "LEFT JOIN unclaimed_cash u ON u.batch_ref = i.batch_ref AND u.line_ref = i.line_ref "
        "WHERE c.unit_code = ?1 AND b.pay_by_date < ?2 AND i.transfer_vnd > 0 AND ("
        "(i.live = 1 AND l.status IN ('sent', 'failed', 'returned')) OR "
        "(i.live = 0 AND l.status = 'pending' AND NOT EXISTS (SELECT 1 FROM batch_items j "
        "WHERE j.line_ref = i.line_ref AND j.live = 1) AND i.batch_ref = (SELECT MAX(k.batch_ref) "
        "FROM batch_items k WHERE k.line_ref = i.line_ref))) "
        "ORDER BY b.pay_by_date, b.batch_id, i.position LIMIT ?3",
        {SqlText(unit_code), SqlText(as_of), SqlInt(limit)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<OverdueLineRow> out;
    out.reserve(rows->size());
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Text(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                     rows->Text(r, 4), rows->Text(r, 5), rows->Int64(r, 6), rows->Text(r, 7),
                     rows->Text(r, 8), rows->OptionalText(r, 9), rows->Int64(r, 10) == 1});
    }
    return out;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<PaymentFollowupStore> MakePaymentFollowupStore(SqlSession& session) {
  return std::make_unique<SqlPaymentFollowupStore>(session);
}

}  // namespace ansinh::store
