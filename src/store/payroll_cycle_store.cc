#include "store/payroll_cycle_store.h"

#include <algorithm>
#include <string>
#include <utility>

namespace ansinh::store {
namespace {

constexpr const char* kCycleColumns =
    "id, unit_code, unit_edition, period, status, prepared_by, prepared_at, approved_by, "
    "approved_at, run_fingerprint, line_count, amount_vnd, receivable_count";

PayCycleRecord ReadCycle(const SqlRows& rows, std::size_t r) {
  return PayCycleRecord{rows.Int64(r, 0),         rows.Text(r, 1),          rows.Text(r, 2),
                        rows.Text(r, 3),          rows.Text(r, 4),          rows.Text(r, 5),
                        rows.Text(r, 6),          rows.OptionalText(r, 7),  rows.OptionalText(r, 8),
                        rows.Text(r, 9),          rows.Int64(r, 10),        rows.Int64(r, 11),
                        rows.Int64(r, 12)};
}

Result<std::optional<PayCycleRecord>> FirstCycle(Result<SqlRows> rows) {
  if (!rows) return Fail(std::move(rows.error()));
  if (rows->empty()) return std::optional<PayCycleRecord>();
  return std::optional<PayCycleRecord>(ReadCycle(*rows, 0));
}

// Line columns in insert order; "id" is not among them (the database's).
constexpr const char* kLineColumns =
    "line_id, cycle_id, period, beneficiary_id, beneficiary_code, entitlement_id, one_off_id, "
    "policy_code, kind, for_period, amount_vnd, channel, recipient, status, hold_reason, "
    "commune_code";
constexpr std::size_t kLineParams = 16;

PaymentLineRecord ReadLine(const SqlRows& rows, std::size_t r) {
  return PaymentLineRecord{rows.Text(r, 0),          rows.Int64(r, 1),
                           rows.Text(r, 2),          rows.Int64(r, 3),
                           rows.Text(r, 4),          rows.OptionalInt64(r, 5),
                           rows.OptionalInt64(r, 6), rows.Text(r, 7),
                           rows.Text(r, 8),          rows.Text(r, 9),
                           rows.Int64(r, 10),        rows.Text(r, 11),
                           rows.Text(r, 12),         rows.Text(r, 13),
                           rows.OptionalText(r, 14), rows.Text(r, 15)};
}

void AppendLine(const PaymentLineRecord& l, SqlParams& values) {
  values.insert(values.end(),
                {SqlText(l.line_id), SqlInt(l.cycle_id), SqlText(l.period),
                 SqlInt(l.beneficiary_id), SqlText(l.beneficiary_code),
                 SqlOptional(l.entitlement_id), SqlOptional(l.one_off_id), SqlText(l.policy_code),
                 SqlText(l.kind), SqlText(l.for_period), SqlInt(l.amount_vnd), SqlText(l.channel),
                 SqlText(l.recipient), SqlText(l.status), SqlOptional(l.hold_reason),
                 SqlText(l.commune_code)});
}

// "INSERT INTO payment_lines (…) VALUES (?1, …, ?16), (?17, …) …" for `rows` rows.
std::string LineInsertSql(std::size_t rows) {
  std::string sql = std::string("INSERT INTO payment_lines (") + kLineColumns + ") VALUES ";
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    for (std::size_t c = 1; c <= kLineParams; ++c) {
      if (c > 1) sql += ", ";
      sql += '?';
      sql += std::to_string(r * kLineParams + c);
    }
    sql += ')';
  }
  return sql;
}

// As many rows per statement as the bound-parameter limit allows.
constexpr std::size_t kLinesPerStatement = kMaxBoundParams / kLineParams;

Status Done(Result<std::int64_t> changed) {
  if (!changed) return Fail(std::move(changed.error()));
  return {};
}

class SqlPayrollCycleStore : public PayrollCycleStore {
 public:
  explicit SqlPayrollCycleStore(SqlSession& session) : session_(session) {}

  Result<std::optional<PayCycleRecord>> Find(const std::string& unit_code,
                                             const std::string& unit_edition,
                                             const std::string& period) override {
    return FirstCycle(session_.Query(
        std::string("SELECT ") + kCycleColumns +
            " FROM pay_cycles WHERE unit_code = ?1 AND unit_edition = ?2 AND period = ?3",
        {SqlText(unit_code), SqlText(unit_edition), SqlText(period)}));
  }

  Result<std::optional<PayCycleRecord>> LatestBefore(const std::string& unit_code,
                                                     const std::string& unit_edition,
                                                     const std::string& period,
                                                     const std::string& status) override {
    return FirstCycle(session_.Query(
        std::string("SELECT ") + kCycleColumns +
            " FROM pay_cycles WHERE unit_code = ?1 AND unit_edition = ?2 AND period < ?3 "
            "AND status = ?4 ORDER BY period DESC LIMIT 1",
        {SqlText(unit_code), SqlText(unit_edition), SqlText(period), SqlText(status)}));
  }

  Result<std::optional<PayCycleRecord>> ApprovedAfter(const std::string& unit_code,
                                                      const std::string& unit_edition,
                                                      const std::string& period) override {
    return FirstCycle(session_.Query(
        std::string("SELECT ") + kCycleColumns +
            " FROM pay_cycles WHERE unit_code = ?1 AND unit_edition = ?2 AND period > ?3 "
            "AND status = 'approved' ORDER BY period LIMIT 1",
        {SqlText(unit_code), SqlText(unit_edition), SqlText(period)}));
  }

  Result<std::int64_t> InsertDraft(const PayCycleRecord& c) override {
    auto rows = session_.Query(
        "INSERT INTO pay_cycles (unit_code, unit_edition, period, status, prepared_by, "
        "prepared_at, run_fingerprint, line_count, amount_vnd, receivable_count) "
        "VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
        {SqlText(c.unit_code), SqlText(c.unit_edition), SqlText(c.period), SqlText(c.prepared_by),
         SqlText(c.prepared_at), SqlText(c.run_fingerprint), SqlInt(c.line_count),
         SqlInt(c.amount_vnd), SqlInt(c.receivable_count)});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Status UpdateDraft(const PayCycleRecord& c) override {
    return Done(session_.Execute(
        "UPDATE pay_cycles SET prepared_by = ?2, prepared_at = ?3, run_fingerprint = ?4, "
        "line_count = ?5, amount_vnd = ?6, receivable_count = ?7 "
        "WHERE id = ?1 AND status = 'draft'",
        {SqlInt(c.id), SqlText(c.prepared_by), SqlText(c.prepared_at), SqlText(c.run_fingerprint),
         SqlInt(c.line_count), SqlInt(c.amount_vnd), SqlInt(c.receivable_count)}));
  }

  Result<bool> MarkApproved(std::int64_t cycle_id, const std::string& approved_by,
                            const std::string& approved_at) override {
    auto changed = session_.Execute(
        "UPDATE pay_cycles SET status = 'approved', approved_by = ?2, approved_at = ?3 "
        "WHERE id = ?1 AND status = 'draft'",
        {SqlInt(cycle_id), SqlText(approved_by), SqlText(approved_at)});
    if (!changed) return Fail(std::move(changed.error()));
    return *changed == 1;
  }

  Status DeleteContent(std::int64_t cycle_id) override {
    if (auto ok = Done(session_.Execute("DELETE FROM payment_lines WHERE cycle_id = ?1",
                                        {SqlInt(cycle_id)}));
        !ok) {
      return ok;
    }
    return Done(session_.Execute("DELETE FROM recovery_receivables WHERE cycle_id = ?1",
                                 {SqlInt(cycle_id)}));
  }

  // The lines go straight from the records into each statement's parameters
  // (one copy of each text), through one cached full-size statement.
  Result<std::int64_t> InsertLines(const std::vector<PaymentLineRecord>& lines) override {
    if (full_batch_sql_.empty()) full_batch_sql_ = LineInsertSql(kLinesPerStatement);
    std::int64_t inserted = 0;
    SqlParams values;
    values.reserve(kLinesPerStatement * kLineParams);
    for (std::size_t first = 0; first < lines.size(); first += kLinesPerStatement) {
      const std::size_t count = std::min(kLinesPerStatement, lines.size() - first);
      values.clear();
      for (std::size_t i = first; i < first + count; ++i) AppendLine(lines[i], values);
      auto changed = session_.Execute(
          count == kLinesPerStatement ? full_batch_sql_ : LineInsertSql(count), values);
      if (!changed) return Fail(std::move(changed.error()));
      inserted += *changed;
    }
    return inserted;
  }

  Result<std::int64_t> InsertReceivables(const std::vector<ReceivableRecord>& list) override {
    SqlParams values;
    for (const auto& r : list) {
      values.insert(values.end(), {SqlInt(r.cycle_id), SqlText(r.period), SqlInt(r.beneficiary_id),
                                   SqlText(r.beneficiary_code), SqlInt(r.entitlement_id),
                                   SqlText(r.for_period), SqlInt(r.amount_vnd), SqlText(r.status)});
    }
    return InsertBatched(session_,
                         "INSERT INTO recovery_receivables (cycle_id, period, beneficiary_id, "
                         "beneficiary_code, entitlement_id, for_period, amount_vnd, status)",
                         "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", 8, values, "");
  }

  Status ForEachLine(std::int64_t cycle_id,
                     const std::function<Status(const PaymentLineRecord&)>& each) override {
    std::int64_t after = 0;
    for (;;) {
      auto rows = session_.Query(
          std::string("SELECT ") + kLineColumns +
              ", id FROM payment_lines WHERE cycle_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3",
          {SqlInt(cycle_id), SqlInt(after), SqlInt(kLinePage)});
      if (!rows) return Fail(std::move(rows.error()));
      for (std::size_t r = 0; r < rows->size(); ++r) {
        if (auto ok = each(ReadLine(*rows, r)); !ok) return ok;
      }
      if (rows->size() < static_cast<std::size_t>(kLinePage)) return {};
      after = rows->Int64(rows->size() - 1, kLineParams);
    }
  }

  Result<std::vector<ReceivableRecord>> ListReceivables(std::int64_t cycle_id) override {
    auto rows = session_.Query(
        "SELECT cycle_id, period, beneficiary_id, beneficiary_code, entitlement_id, for_period, "
        "amount_vnd, status FROM recovery_receivables WHERE cycle_id = ?1 ORDER BY id",
        {SqlInt(cycle_id)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<ReceivableRecord> out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Int64(r, 0), rows->Text(r, 1), rows->Int64(r, 2), rows->Text(r, 3),
                     rows->Int64(r, 4), rows->Text(r, 5), rows->Int64(r, 6), rows->Text(r, 7)});
    }
    return out;
  }

  Result<std::optional<LocatedLine>> FindLine(const std::string& line_id) override {
    auto rows = session_.Query(
        "SELECT l.line_id, l.cycle_id, l.period, l.beneficiary_id, l.beneficiary_code, "
        "l.entitlement_id, l.one_off_id, l.policy_code, l.kind, l.for_period, l.amount_vnd, "
        "l.channel, l.recipient, l.status, l.hold_reason, l.commune_code, c.status, c.unit_code "
        "FROM payment_lines l JOIN pay_cycles c ON c.id = l.cycle_id WHERE l.line_id = ?1",
        {SqlText(line_id)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<LocatedLine>();
    return std::optional<LocatedLine>(
        LocatedLine{ReadLine(*rows, 0), rows->Text(0, kLineParams), rows->Text(0, kLineParams + 1)});
  }

  Status ReleaseLineToCash(const std::string& line_id) override {
    return Done(session_.Execute(
        "UPDATE payment_lines SET channel = 'CASH_PAYPOINT', status = 'pending', "
        "hold_reason = NULL WHERE line_id = ?1 AND status = 'held'",
        {SqlText(line_id)}));
  }

  Status AddRelease(const std::string& line_id, const std::string& released_by,
                    const std::string& released_at) override {
    return Done(session_.Execute(
        "INSERT INTO payment_line_releases (line_id, released_by, released_at) "
        "VALUES (?1, ?2, ?3) ON CONFLICT (line_id) DO NOTHING",
        {SqlText(line_id), SqlText(released_by), SqlText(released_at)}));
  }

  Result<std::set<std::string>> ReleasesFor(const std::string& period) override {
    const std::string prefix = period.substr(0, 4) + period.substr(5, 2) + "-";
    auto rows = session_.Query(
        "SELECT line_id FROM payment_line_releases WHERE line_id LIKE ?1",
        {SqlText(prefix + "%")});
    if (!rows) return Fail(std::move(rows.error()));
    std::set<std::string> out;
    for (std::size_t r = 0; r < rows->size(); ++r) out.insert(rows->Text(r, 0));
    return out;
  }

  Result<std::optional<std::string>> GoLive(const std::string& unit_code,
                                            const std::string& unit_edition) override {
    auto rows = session_.Query(
        "SELECT first_period FROM office_go_live WHERE unit_code = ?1 AND unit_edition = ?2",
        {SqlText(unit_code), SqlText(unit_edition)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows->Text(0, 0));
  }

  Status SetGoLive(const std::string& unit_code, const std::string& unit_edition,
                   const std::string& first_period, const std::string& set_by,
                   const std::string& set_at) override {
    return Done(session_.Execute(
        "INSERT INTO office_go_live (unit_code, unit_edition, first_period, set_by, set_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (unit_code, unit_edition) DO UPDATE SET "
        "first_period = excluded.first_period, set_by = excluded.set_by, set_at = excluded.set_at",
        {SqlText(unit_code), SqlText(unit_edition), SqlText(first_period), SqlText(set_by),
         SqlText(set_at)}));
  }

  Result<std::int64_t> InsertOneOff(const OneOffRecord& o) override {
    auto rows = session_.Query(
        "INSERT INTO one_off_payments (beneficiary_id, period, decision_number, reason, "
        "amount_vnd, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        {SqlInt(o.beneficiary_id), SqlText(o.period), SqlText(o.decision_number),
         SqlText(o.reason), SqlInt(o.amount_vnd), SqlText(o.created_by), SqlText(o.created_at)});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

 private:
  SqlSession& session_;
  std::string full_batch_sql_;  // built on first use
};

}  // namespace

std::unique_ptr<PayrollCycleStore> MakePayrollCycleStore(SqlSession& session) {
  return std::make_unique<SqlPayrollCycleStore>(session);
}

}  // namespace ansinh::store
