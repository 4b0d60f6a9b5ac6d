// DisbursementService::SetRoute and ListRoutes, and the JSON of a route.
#include <utility>

#include "app/disbursement_service.h"
#include "app/payroll_office.h"
#include "app/registry_service.h"
#include "core/fee_rule.h"

namespace ansinh::app {
namespace {

tl::unexpected<Error> Invalid(std::string code, std::string field, std::string message) {
  Error error = MakeError(ErrorKind::kInvalidInput, code, message);
  error.details.push_back({0, std::move(field), std::move(code), std::move(message)});
  return Fail(std::move(error));
}

bool IsCode(const std::string& text, std::size_t max_size) {
  if (text.empty() || text.size() > max_size) return false;
  for (char c : text) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool IsAccount(const std::string& text) {
  if (text.empty() || text.size() > 34) return false;
  for (char c : text) {
    if (c <= ' ' || c > '~') return false;
  }
  return true;
}

Status Validate(const RouteRequest& r) {
  if (r.group != "NCC" && r.group != "BTXH") {
    return Invalid("disburse.group_invalid", "group", "Nhóm đối tượng phải là NCC hoặc BTXH.");
  }
  if (r.route_kind != "TREASURY_DIRECT" && r.route_kind != "PROVIDER") {
    return Invalid("disburse.route_kind_invalid", "route",
                   "Tuyến chi trả phải là TREASURY_DIRECT (Kho bạc chi trực tiếp) hoặc PROVIDER "
                   "(qua tổ chức dịch vụ chi trả).");
  }
  if (!IsCode(r.provider_code, 12)) {
    return Invalid("disburse.provider_invalid", "provider",
                   "Mã tổ chức chi trả gồm 1–12 chữ in hoa hoặc chữ số (mã BIN hoặc mã tổ chức).");
  }
  if (r.contract_number.empty() || r.contract_number.size() > 100) {
    return Invalid("disburse.contract_invalid", "contract",
                   "Cần số hợp đồng chi trả (tối đa 100 ký tự).");
  }
  if (!IsAccount(r.source_account)) {
    return Invalid("disburse.account_invalid", "account",
                   "Tài khoản chi của đơn vị gồm 1–34 ký tự, không có khoảng trắng.");
  }
  if (r.pay_by_day < 1 || r.pay_by_day > 28) {
    return Invalid("disburse.pay_by_day_invalid", "pay_by_day",
                   "Hạn chi trả là một ngày từ 1 đến 28 của tháng (mặc định ngày 15).");
  }
  return {};
}

Result<core::FeeRule> FeeOf(const RouteRequest& r) {
  if (r.fee_kind == "FIXED") return core::FeeRule::Fixed(r.fee_fixed_vnd);
  if (r.fee_kind == "PERCENT") {
    return core::FeeRule::Percent(r.fee_bps, r.fee_min_vnd, r.fee_max_vnd);
  }
  return Invalid("fee.kind_invalid", "fee", "Cách tính phí phải là FIXED hoặc PERCENT.");
}

}  // namespace

nlohmann::json ToJson(const store::RouteRecord& r) {
  nlohmann::json fee{{"kind", r.fee_kind}};
  if (r.fee_kind == "FIXED") {
    fee["fixed_vnd"] = r.fee_fixed_vnd;
  } else {
    fee["bps"] = r.fee_bps;
    fee["min_vnd"] = r.fee_min_vnd;
    fee["max_vnd"] = r.fee_max_vnd;
  }
  return {{"unit", r.unit_code},
          {"edition", r.unit_edition},
          {"group", r.policy_group},
          {"route", r.route_kind},
          {"provider", r.provider_code},
          {"provider_name", r.provider_name},
          {"contract", r.contract_number},
          {"account", r.source_account},
          {"fee", fee},
          {"pay_by_day", r.pay_by_day},
          {"set_by", r.set_by},
          {"set_at", r.set_at}};
}

Result<store::RouteRecord> DisbursementService::SetRoute(const RouteRequest& r) {
  if (auto ok = Validate(r); !ok) return Fail(ok.error());
  auto fee = FeeOf(r);
  if (!fee) return Fail(std::move(fee.error()));
  auto office = ResolveOffice(session_, r.unit, r.edition, r.now);
  if (!office) return Fail(std::move(office.error()));
  const store::RouteRecord route{
      office->code,        office->edition,   r.group,          r.route_kind, r.provider_code,
      r.provider_name,     r.contract_number, r.source_account, r.fee_kind,   fee->fixed_vnd(),
      fee->basis_points(), fee->min_vnd(),    fee->max_vnd(),   r.pay_by_day, r.actor.name,
      FormatInstant(r.now)};
  auto transaction = store::Transaction::Begin(session_);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto routes = store::MakeDisbursementRouteStore(session_);
  auto before = routes->Find(route.unit_code, route.unit_edition, route.policy_group);
  if (!before) return Fail(std::move(before.error()));
  if (auto ok = routes->Put(route); !ok) return Fail(ok.error());
  std::optional<nlohmann::json> before_json;
  if (*before) before_json = ToJson(**before);
  if (auto ok = AppendAudit(
          session_, r.actor,
          AuditEvent{"disburse.route_set", "success", "disbursement_route",
                     route.unit_code + "/" + route.policy_group, before_json, ToJson(route)});
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return route;
}

Result<std::vector<store::RouteRecord>> DisbursementService::ListRoutes(const std::string& unit) {
  return store::MakeDisbursementRouteStore(session_)->List(unit);
}

}  // namespace ansinh::app
