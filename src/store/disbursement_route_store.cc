#include "store/disbursement_route_store.h"

#include <utility>

namespace ansinh::store {
namespace {

constexpr const char* kRouteColumns =
    "unit_code, unit_edition, policy_group, route_kind, provider_code, provider_name, "
    "contract_number, source_account, fee_kind, fee_fixed_vnd, fee_bps, fee_min_vnd, "
    "fee_max_vnd, pay_by_day, set_by, set_at";

RouteRecord ReadRoute(const SqlRows& rows, std::size_t r) {
  return RouteRecord{rows.Text(r, 0),   rows.Text(r, 1),   rows.Text(r, 2),   rows.Text(r, 3),
                     rows.Text(r, 4),   rows.Text(r, 5),   rows.Text(r, 6),   rows.Text(r, 7),
                     rows.Text(r, 8),   rows.Int64(r, 9),  rows.Int64(r, 10), rows.Int64(r, 11),
                     rows.Int64(r, 12), rows.Int64(r, 13), rows.Text(r, 14),  rows.Text(r, 15)};
}

Result<std::vector<RouteRecord>> ReadRoutes(Result<SqlRows> rows) {
  if (!rows) return Fail(std::move(rows.error()));
  std::vector<RouteRecord> out;
  for (std::size_t r = 0; r < rows->size(); ++r) out.push_back(ReadRoute(*rows, r));
  return out;
}

class SqlDisbursementRouteStore : public DisbursementRouteStore {
 public:
  explicit SqlDisbursementRouteStore(SqlSession& session) : session_(session) {}

  Status Put(const RouteRecord& r) override {
    auto changed = session_.Execute(
        std::string("INSERT INTO disbursement_routes (") + kRouteColumns +
            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
            "ON CONFLICT (unit_code, unit_edition, policy_group) DO UPDATE SET "
            "route_kind = excluded.route_kind, provider_code = excluded.provider_code, "
            "provider_name = excluded.provider_name, contract_number = excluded.contract_number, "
            "source_account = excluded.source_account, fee_kind = excluded.fee_kind, "
            "fee_fixed_vnd = excluded.fee_fixed_vnd, fee_bps = excluded.fee_bps, "
            "fee_min_vnd = excluded.fee_min_vnd, fee_max_vnd = excluded.fee_max_vnd, "
            "pay_by_day = excluded.pay_by_day, set_by = excluded.set_by, set_at = excluded.set_at",
        {SqlText(r.unit_code), SqlText(r.unit_edition), SqlText(r.policy_group),
         SqlText(r.route_kind), SqlText(r.provider_code), SqlText(r.provider_name),
         SqlText(r.contract_number), SqlText(r.source_account), SqlText(r.fee_kind),
         SqlInt(r.fee_fixed_vnd), SqlInt(r.fee_bps), SqlInt(r.fee_min_vnd), SqlInt(r.fee_max_vnd),
         SqlInt(r.pay_by_day), SqlText(r.set_by), SqlText(r.set_at)});
    if (!changed) return Fail(std::move(changed.error()));
    return {};
  }

  Result<std::optional<RouteRecord>> Find(const std::string& unit_code,
                                          const std::string& unit_edition,
                                          const std::string& policy_group) override {
    auto routes = ReadRoutes(
        session_.Query(std::string("SELECT ") + kRouteColumns +
                           " FROM disbursement_routes WHERE unit_code = ?1 AND unit_edition = ?2 "
                           "AND policy_group = ?3",
                       {SqlText(unit_code), SqlText(unit_edition), SqlText(policy_group)}));
    if (!routes) return Fail(std::move(routes.error()));
    if (routes->empty()) return std::optional<RouteRecord>();
    return std::optional<RouteRecord>(std::move(routes->front()));
  }

  Result<std::vector<RouteRecord>> List(const std::string& unit_code) override {
    return ReadRoutes(
        session_.Query(std::string("SELECT ") + kRouteColumns +
                           " FROM disbursement_routes WHERE ?1 = '' OR unit_code = ?1 "
                           "ORDER BY unit_code, unit_edition, policy_group",
                       {SqlText(unit_code)}));
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<DisbursementRouteStore> MakeDisbursementRouteStore(SqlSession& session) {
  return std::make_unique<SqlDisbursementRouteStore>(session);
}

}  // namespace ansinh::store
