#include "store/settlement_store.h"

#include <utility>

namespace ansinh::store {
namespace {

constexpr const char* kSettlementColumns =
    "id, cycle_id, provider_code, route_kind, funded_vnd, paid_account_vnd, paid_cash_vnd, "
    "returned_vnd, fees_vnd, to_budget_vnd, detail, settled_by, settled_at";

SettlementRecord SettlementAt(const SqlRows& rows, std::size_t r) {
  return {rows.Int64(r, 0), rows.Int64(r, 1), rows.Text(r, 2),  rows.Text(r, 3),  rows.Int64(r, 4),
          rows.Int64(r, 5), rows.Int64(r, 6), rows.Int64(r, 7), rows.Int64(r, 8), rows.Int64(r, 9),
          rows.Text(r, 10), rows.Text(r, 11), rows.Text(r, 12)};
}

class SqlSettlementStore : public SettlementStore {
 public:
  explicit SqlSettlementStore(SqlSession& session) : session_(session) {}

  Result<std::vector<FundingRecord>> ListFundings(std::int64_t cycle_id) override {
    auto rows = session_.Query(
        "SELECT cycle_id, provider_code, route_kind, order_number, order_date, amount_vnd, "
        "recorded_by, recorded_at FROM settlement_fundings WHERE cycle_id = ?1 ORDER BY id",
        {SqlInt(cycle_id)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<FundingRecord> out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Int64(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                     rows->Text(r, 4), rows->Int64(r, 5), rows->Text(r, 6), rows->Text(r, 7)});
    }
    return out;
  }

  Status InsertFunding(const FundingRecord& f) override {
    auto done = session_.Execute(
        "INSERT INTO settlement_fundings (cycle_id, provider_code, route_kind, order_number, "
        "order_date, amount_vnd, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        {SqlInt(f.cycle_id), SqlText(f.provider_code), SqlText(f.route_kind),
         SqlText(f.order_number), SqlText(f.order_date), SqlInt(f.amount_vnd),
         SqlText(f.recorded_by), SqlText(f.recorded_at)});
    if (!done) return Fail(std::move(done.error()));
    return {};
  }

  Result<std::vector<PayerBatches>> Payers(std::int64_t cycle_id) override {
    auto rows = session_.Query(
        "SELECT provider_code, CASE WHEN MIN(route_kind) = MAX(route_kind) THEN MIN(route_kind) "
        "ELSE 'MIXED' END, MIN(provider_name), MIN(contract_number), CAST(COUNT(*) AS BIGINT), "
        "CAST(SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) AS BIGINT), "
        "CAST(SUM(total_vnd) AS BIGINT), CAST(SUM(fee_vnd) AS BIGINT) "
        "FROM disbursement_batches WHERE cycle_id = ?1 GROUP BY provider_code "
        "ORDER BY provider_code",
        {SqlInt(cycle_id)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<PayerBatches> out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Text(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                     rows->Int64(r, 4), rows->Int64(r, 5), rows->Int64(r, 6), rows->Int64(r, 7)});
    }
    return out;
  }

  Result<std::vector<SettlementItemRow>> Items(std::int64_t cycle_id,
                                               const std::string& provider_code) override {
    // The live attempt of a re-issued line (at most one: batch_items_live_line).
    std::vector<SettlementItemRow> out;
    auto read = session_.QueryEach(
        "SELECT l.line_id, b.channel, i.transfer_vnd, l.status, i.live, "
        "CASE WHEN u.line_ref IS NULL THEN 0 ELSE 1 END, "
        "(SELECT b2.provider_code FROM batch_items i2 JOIN disbursement_batches b2 "
        "ON b2.id = i2.batch_ref WHERE i2.line_ref = i.line_ref AND i2.live = 1), "
        "i.batch_ref, i.line_ref FROM batch_items i "
        "JOIN disbursement_batches b ON b.id = i.batch_ref "
        "JOIN payment_lines l ON l.id = i.line_ref "
        "LEFT JOIN unclaimed_cash u ON u.batch_ref = i.batch_ref AND u.line_ref = i.line_ref "
        "WHERE b.cycle_id = ?1 AND b.provider_code = ?2 ORDER BY b.id, i.position",
        {SqlInt(cycle_id), SqlText(provider_code)}, [&out](const SqlRow& row) -> Status {
          const auto live_provider = row.OptionalText(6);
          core::SettlementItem item{std::string(row.Text(0)),
                                    std::string(row.Text(1)),
                                    row.Int64(2),
                                    std::string(row.Text(3)),
                                    row.Int64(4) == 1,
                                    row.Int64(5) == 1,
                                    live_provider ? std::optional<std::string>(*live_provider)
                                                  : std::nullopt};
          out.push_back({std::move(item), row.Int64(7), row.Int64(8)});
          return {};
        });
    if (!read) return Fail(std::move(read.error()));
    return out;
  }

  Result<std::optional<SettlementRecord>> FindSettlement(
      std::int64_t cycle_id, const std::string& provider_code) override {
    auto rows = session_.Query(std::string("SELECT ") + kSettlementColumns +
                                   " FROM settlements WHERE cycle_id = ?1 AND provider_code = ?2",
                               {SqlInt(cycle_id), SqlText(provider_code)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<SettlementRecord>();
    return std::optional<SettlementRecord>(SettlementAt(*rows, 0));
  }

  Result<std::vector<SettlementRecord>> ListSettlements() override {
    auto rows = session_.Query(std::string("SELECT ") + kSettlementColumns +
                               " FROM settlements ORDER BY id");
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<SettlementRecord> out;
    for (std::size_t r = 0; r < rows->size(); ++r) out.push_back(SettlementAt(*rows, r));
    return out;
  }

  Result<std::int64_t> InsertSettlement(const SettlementRecord& s) override {
    auto rows = session_.Query(
        "INSERT INTO settlements (cycle_id, provider_code, route_kind, funded_vnd, "
        "paid_account_vnd, paid_cash_vnd, returned_vnd, fees_vnd, to_budget_vnd, detail, "
        "settled_by, settled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
        "RETURNING id",
        {SqlInt(s.cycle_id), SqlText(s.provider_code), SqlText(s.route_kind), SqlInt(s.funded_vnd),
         SqlInt(s.paid_account_vnd), SqlInt(s.paid_cash_vnd), SqlInt(s.returned_vnd),
         SqlInt(s.fees_vnd), SqlInt(s.to_budget_vnd), SqlText(s.detail), SqlText(s.settled_by),
         SqlText(s.settled_at)});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Status InsertReturns(std::int64_t settlement_ref,
                       const std::vector<SettlementReturn>& returns) override {
    if (returns.empty()) return {};
    SqlParams values;
    values.reserve(returns.size() * 4);
    for (const auto& r : returns) {
      values.push_back(SqlInt(settlement_ref));
      values.push_back(SqlInt(r.batch_ref));
      values.push_back(SqlInt(r.line_ref));
      values.push_back(SqlInt(r.amount_vnd));
    }
    auto inserted = InsertBatched(
        session_,
        "INSERT INTO settlement_returns (settlement_ref, batch_ref, line_ref, amount_vnd)",
        "(?1, ?2, ?3, ?4)", 4, values, "");
    if (!inserted) return Fail(std::move(inserted.error()));
    return {};
  }

  Result<std::int64_t> ReturnsTotal(std::int64_t settlement_ref) override {
    auto rows = session_.Query(
        "SELECT CAST(COALESCE(SUM(amount_vnd), 0) AS BIGINT) FROM settlement_returns "
        "WHERE settlement_ref = ?1",
        {SqlInt(settlement_ref)});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Result<bool> IsSettledReturn(std::int64_t batch_ref, std::int64_t line_ref) override {
    auto rows =
        session_.Query("SELECT 1 FROM settlement_returns WHERE batch_ref = ?1 AND line_ref = ?2",
                       {SqlInt(batch_ref), SqlInt(line_ref)});
    if (!rows) return Fail(std::move(rows.error()));
    return !rows->empty();
  }

  Result<std::int64_t> CloseBatches(std::int64_t cycle_id,
                                    const std::string& provider_code) override {
    return session_.Execute(
        "UPDATE disbursement_batches SET status = 'closed' "
        "WHERE cycle_id = ?1 AND provider_code = ?2 AND status = 'open'",
        {SqlInt(cycle_id), SqlText(provider_code)});
  }

  Result<std::vector<std::string>> WaitingLines(std::int64_t cycle_id,
                                                std::int64_t limit) override {
    auto rows = session_.Query(
        "SELECT line_id FROM payment_lines WHERE cycle_id = ?1 AND status IN ('pending', 'held') "
        "ORDER BY line_id LIMIT ?2",
        {SqlInt(cycle_id), SqlInt(limit)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<std::string> out;
    for (std::size_t r = 0; r < rows->size(); ++r) out.push_back(rows->Text(r, 0));
    return out;
  }

  Result<std::int64_t> CountWaitingLines(std::int64_t cycle_id) override {
    auto rows = session_.Query(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM payment_lines WHERE cycle_id = ?1 "
        "AND status IN ('pending', 'held')",
        {SqlInt(cycle_id)});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Result<CycleStageCounts> StageCounts(std::int64_t cycle_id) override {
    auto rows = session_.Query(
        "SELECT CAST(COALESCE(SUM(CASE WHEN l.status IN ('paid', 'paid_cash', 'failed', "
        "'returned') AND i.transfer_vnd > 0 THEN 1 ELSE 0 END), 0) AS BIGINT), "
        "CAST(COALESCE(SUM(CASE WHEN l.status = 'sent' THEN 1 ELSE 0 END), 0) AS BIGINT) "
        "FROM batch_items i JOIN disbursement_batches b ON b.id = i.batch_ref "
        "JOIN payment_lines l ON l.id = i.line_ref WHERE b.cycle_id = ?1 AND i.live = 1",
        {SqlInt(cycle_id)});
    if (!rows) return Fail(std::move(rows.error()));
    return CycleStageCounts{rows->Int64(0, 0), rows->Int64(0, 1)};
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<SettlementStore> MakeSettlementStore(SqlSession& session) {
  return std::make_unique<SqlSettlementStore>(session);
}

}  // namespace ansinh::store
