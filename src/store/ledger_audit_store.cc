#include "store/ledger_audit_store.h"

#include <map>
#include <utility>

namespace ansinh::store {
namespace {

class SqlLedgerAuditStore : public LedgerAuditStore {
 public:
  explicit SqlLedgerAuditStore(SqlSession& session) : session_(session) {}

  Result<std::vector<ApprovedCycleTotals>> ApprovedCycles() override {
    auto rows = session_.Query(
        "SELECT c.id, c.unit_code, c.period, "
        "CAST(COALESCE((SELECT SUM(l.amount_vnd) FROM payment_lines l WHERE l.cycle_id = c.id), "
        "0) AS BIGINT), "
        "CAST(COALESCE((SELECT SUM(r.amount_vnd) FROM recovery_receivables r "
        "WHERE r.cycle_id = c.id AND r.status = 'open'), 0) AS BIGINT) "
        "FROM pay_cycles c WHERE c.status = 'approved' ORDER BY c.id");
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<ApprovedCycleTotals> out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Int64(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Int64(r, 3),
                     rows->Int64(r, 4)});
    }
    return out;
  }

  Result<std::vector<ItemTotals>> Items() override {
    auto rows = session_.Query(
        "SELECT x.cycle_id, x.route_kind, x.channel, x.status, CAST(SUM(x.transfer_vnd) AS BIGINT), "
        "x.unclaimed FROM (SELECT b.cycle_id, b.route_kind, b.channel, l.status, i.transfer_vnd, "
        "CASE WHEN u.line_ref IS NULL AND s.line_ref IS NULL THEN 0 ELSE 1 END AS unclaimed "
        "FROM batch_items i JOIN disbursement_batches b ON b.id = i.batch_ref "
        "JOIN payment_lines l ON l.id = i.line_ref LEFT JOIN unclaimed_cash u "
        "ON u.batch_ref = i.batch_ref AND u.line_ref = i.line_ref "
        // A settlement sent a returned attempt's money back to the budget, as
        // expire-cash does for unclaimed cash (0012_settlement.sql).
        "LEFT JOIN settlement_returns s ON s.batch_ref = i.batch_ref AND s.line_ref = i.line_ref "
        "WHERE i.live = 1) x "
        "GROUP BY x.cycle_id, x.route_kind, x.channel, x.status, x.unclaimed");
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<ItemTotals> out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Int64(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                     rows->Int64(r, 4), rows->Int64(r, 5) == 1});
    }
    return out;
  }

  Result<std::vector<BatchTotals>> Batches() override {
    auto rows = session_.Query(
        "SELECT b.id, b.cycle_id, b.batch_id, b.fee_kind, b.fee_fixed_vnd, b.fee_bps, "
        "b.fee_min_vnd, b.fee_max_vnd, b.transfer_count, b.total_vnd, b.fee_vnd, "
        "CAST(COUNT(CASE WHEN i.transfer_vnd > 0 THEN 1 END) AS BIGINT), "
        "CAST(COALESCE(SUM(i.transfer_vnd), 0) AS BIGINT), "
        "CAST(COALESCE(SUM(l.amount_vnd), 0) AS BIGINT) "
        "FROM disbursement_batches b LEFT JOIN batch_items i ON i.batch_ref = b.id "
        "LEFT JOIN payment_lines l ON l.id = i.line_ref "
        "GROUP BY b.id, b.cycle_id, b.batch_id, b.fee_kind, b.fee_fixed_vnd, b.fee_bps, "
        "b.fee_min_vnd, b.fee_max_vnd, b.transfer_count, b.total_vnd, b.fee_vnd ORDER BY b.id");
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<BatchTotals> out;
    std::map<std::int64_t, std::size_t> index;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      index[rows->Int64(r, 0)] = out.size();
      out.push_back({rows->Int64(r, 1),
                     rows->Text(r, 2),
                     rows->Text(r, 3),
                     rows->Int64(r, 4),
                     rows->Int64(r, 5),
                     rows->Int64(r, 6),
                     rows->Int64(r, 7),
                     rows->Int64(r, 8),
                     rows->Int64(r, 9),
                     rows->Int64(r, 10),
                     rows->Int64(r, 11),
                     rows->Int64(r, 12),
                     rows->Int64(r, 13),
                     {}});
    }
    auto transfers = session_.Query(
        "SELECT batch_ref, transfer_vnd FROM batch_items WHERE transfer_vnd > 0 "
        "ORDER BY batch_ref, position");
    if (!transfers) return Fail(std::move(transfers.error()));
    for (std::size_t r = 0; r < transfers->size(); ++r) {
      out[index.at(transfers->Int64(r, 0))].transfers_vnd.push_back(transfers->Int64(r, 1));
    }
    return out;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<LedgerAuditStore> MakeLedgerAuditStore(SqlSession& session) {
  return std::make_unique<SqlLedgerAuditStore>(session);
}

}  // namespace ansinh::store
