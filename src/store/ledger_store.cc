#include "store/ledger_store.h"

#include <utility>

namespace ansinh::store {
namespace {

class SqlLedgerStore : public LedgerStore {
 public:
  explicit SqlLedgerStore(SqlSession& session) : session_(session) {}

  Result<bool> Post(const TransferHeader& h, const core::LedgerTransfer& transfer) override {
    if (transfer.empty()) return false;
    auto id = session_.Query(
        "INSERT INTO ledger_transfers (transfer_key, cycle_id, event, reference, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (transfer_key) DO NOTHING RETURNING id",
        {SqlText(h.transfer_key), SqlInt(h.cycle_id), SqlText(h.event), SqlText(h.reference),
         SqlText(h.created_at)});
    if (!id) return Fail(std::move(id.error()));
    if (id->empty()) return false;
    SqlParams values;
    for (const core::LedgerLeg& leg : transfer.legs()) {
      values.insert(values.end(), {SqlInt(id->Int64(0, 0)), SqlInt(h.cycle_id),
                                   SqlText(std::string(core::LedgerAccountCode(leg.account))),
                                   SqlInt(leg.amount_vnd)});
    }
    auto written = InsertBatched(
        session_, "INSERT INTO ledger_entries (transfer_id, cycle_id, account, amount_vnd)",
        "(?1, ?2, ?3, ?4)", 4, values, "");
    if (!written) return Fail(std::move(written.error()));
    return true;
  }

  Result<LedgerBalances> Balances() override {
    auto rows = session_.Query(
        "SELECT cycle_id, account, CAST(SUM(amount_vnd) AS BIGINT) FROM ledger_entries "
        "GROUP BY cycle_id, account ORDER BY cycle_id, account");
    if (!rows) return Fail(std::move(rows.error()));
    LedgerBalances out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out[{rows->Int64(r, 0), rows->Text(r, 1)}] = rows->Int64(r, 2);
    }
    return out;
  }

  Result<std::vector<UnbalancedTransfer>> Unbalanced() override {
    auto rows = session_.Query(
        "SELECT t.transfer_key, CAST(COALESCE(SUM(e.amount_vnd), 0) AS BIGINT), "
        "CAST(COUNT(e.transfer_id) AS BIGINT) "
        "FROM ledger_transfers t LEFT JOIN ledger_entries e ON e.transfer_id = t.id "
        "GROUP BY t.id, t.transfer_key "
        "HAVING COALESCE(SUM(e.amount_vnd), 0) <> 0 OR COUNT(e.transfer_id) < 2 "
        "ORDER BY t.id");
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<UnbalancedTransfer> out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Text(r, 0), rows->Int64(r, 1), rows->Int64(r, 2)});
    }
    return out;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<LedgerStore> MakeLedgerStore(SqlSession& session) {
  return std::make_unique<SqlLedgerStore>(session);
}

}  // namespace ansinh::store
