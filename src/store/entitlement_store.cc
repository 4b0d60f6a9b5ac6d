#include "store/entitlement_store.h"

#include <utility>

#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

EntitlementRecord ReadEntitlement(const SqlRows& rows, std::size_t r) {
  core::Entitlement entitlement{
      .policy_code = rows.Text(r, 2),
      .start = ParseStored(core::Period::Parse(rows.Text(r, 3)), "start_month"),
      .end = std::nullopt,
      .decision_number = rows.Text(r, 5),
      .fixed_amount = std::nullopt};
  if (auto end = rows.OptionalText(r, 4)) {
    entitlement.end = ParseStored(core::Period::Parse(*end), "end_month");
  }
  if (auto amount = rows.OptionalInt64(r, 6)) {
    entitlement.fixed_amount = core::MoneyVnd::FromDong(*amount);
  }
  return EntitlementRecord{rows.Int64(r, 0), rows.Int64(r, 1), std::move(entitlement)};
}

class SqlEntitlementStore : public EntitlementStore {
 public:
  explicit SqlEntitlementStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> UpsertBatch(const std::vector<EntitlementRecord>& records) override {
    SqlParams values;
    values.reserve(records.size() * 6);
    for (const auto& record : records) {
      const core::Entitlement& e = record.entitlement;
      values.insert(values.end(),
                    {SqlInt(record.beneficiary_id), SqlText(e.policy_code),
                     SqlText(e.start.ToString()), e.end ? SqlText(e.end->ToString()) : SqlNull(),
                     SqlText(e.decision_number),
                     e.fixed_amount ? SqlInt(e.fixed_amount->dong()) : SqlNull()});
    }
    return InsertBatched(session_,
                         "INSERT INTO entitlements (beneficiary_id, policy_code, start_month, "
                         "end_month, decision_number, fixed_amount_vnd)",
                         "(?1, ?2, ?3, ?4, ?5, ?6)", 6, values,
                         "ON CONFLICT (beneficiary_id, policy_code, start_month) DO UPDATE SET "
                         "end_month = excluded.end_month, decision_number = "
                         "excluded.decision_number, fixed_amount_vnd = excluded.fixed_amount_vnd");
  }

  Result<std::vector<EntitlementRecord>> ListFor(std::int64_t beneficiary_id) override {
    auto rows = session_.Query(
        "SELECT id, beneficiary_id, policy_code, start_month, end_month, decision_number, "
        "fixed_amount_vnd FROM entitlements WHERE beneficiary_id = ?1 "
        "ORDER BY policy_code, start_month",
        {SqlInt(beneficiary_id)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<EntitlementRecord> records;
    for (std::size_t r = 0; r < rows->size(); ++r) records.push_back(ReadEntitlement(*rows, r));
    return records;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<EntitlementStore> MakeEntitlementStore(SqlSession& session) {
  return std::make_unique<SqlEntitlementStore>(session);
}

}  // namespace ansinh::store
