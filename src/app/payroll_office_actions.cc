#include "app/payroll_office_actions.h"

#include <algorithm>
#include <utility>

#include "app/payroll_office.h"
#include "store/beneficiary_store.h"

namespace ansinh::app {
namespace {

Result<store::PayCycleRecord> OfficeCycle(store::SqlSession& session,
                                          const PayrollRequest& request) {
  auto office = ResolveOffice(session, request.unit, request.edition, request.now);
  if (!office) return Fail(std::move(office.error()));
  auto cycle =
      store::MakePayrollCycleStore(session)->Find(office->code, office->edition, request.period);
  if (!cycle) return Fail(std::move(cycle.error()));
  if (!*cycle) {
    return Fail(ErrorKind::kNotFound, "payroll.cycle_not_found",
                "Chưa có bảng lương kỳ " + request.period + " của đơn vị " + request.unit + ".");
  }
  return std::move(**cycle);
}

bool Pays(const PayrollOffice& office, const store::BeneficiaryRecord& person) {
  const auto& communes =
      person.commune_edition == "2025" ? office.communes.y2025 : office.communes.pre2025;
  const std::string commune = person.person.commune.value();
  return std::find(communes.begin(), communes.end(), commune) != communes.end();
}

Error PersonNotFound(const std::string& code) {
  return MakeError(ErrorKind::kNotFound, "beneficiary.not_found",
                   "Không tìm thấy đối tượng có mã " + code + ".");
}

}  // namespace

Result<store::PaymentLineRecord> ReleaseOfficeLine(store::SqlSession& session,
                                                   const PayrollRequest& request,
                                                   const std::string& line_id) {
  auto cycle = OfficeCycle(session, request);
  if (!cycle) return Fail(std::move(cycle.error()));
  auto found = store::MakePayrollCycleStore(session)->FindLine(line_id);
  if (!found) return Fail(std::move(found.error()));
  if (!*found || (*found)->line.cycle_id != cycle->id) {
    return Fail(ErrorKind::kNotFound, "payroll.line_not_found",
                "Không tìm thấy dòng chi trả " + line_id + ".");
  }
  return PayrollService(session).ReleaseToCash(line_id, request.actor, request.now);
}

Result<std::int64_t> AddOfficeOneOff(store::SqlSession& session, const PayrollRequest& request,
                                     const OfficeOneOff& one_off) {
  auto office = ResolveOffice(session, request.unit, request.edition, request.now);
  if (!office) return Fail(std::move(office.error()));
  auto person = store::MakeBeneficiaryStore(session)->FindByCode(one_off.beneficiary_code);
  if (!person) return Fail(std::move(person.error()));
  if (!*person || !Pays(*office, **person)) {
    return Fail(PersonNotFound(one_off.beneficiary_code));
  }
  auto cycle =
      store::MakePayrollCycleStore(session)->Find(office->code, office->edition, request.period);
  if (!cycle) return Fail(std::move(cycle.error()));
  if (*cycle && (*cycle)->status == "approved") {
    return Fail(ErrorKind::kConflict, "payroll.cycle_approved",
                "Bảng lương kỳ " + request.period + " của đơn vị " + request.unit +
                    " đã được phê duyệt; khoản chi một lần cần nhập vào kỳ sau.");
  }
  return PayrollService(session).AddOneOff(one_off.beneficiary_code, request.period,
                                           one_off.decision_number, one_off.reason,
                                           one_off.amount_vnd, request.actor, request.now);
}

nlohmann::json ReceivablesJson(const PayrollRequest& request,
                               const std::vector<store::ReceivableRecord>& receivables) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : receivables) {
    list.push_back({{"beneficiary_code", r.beneficiary_code},
                    {"entitlement_id", r.entitlement_id},
                    {"for_period", r.for_period},
                    {"amount_vnd", r.amount_vnd},
                    {"status", r.status}});
  }
  return {{"period", request.period}, {"unit", request.unit}, {"receivables", list}};
}

nlohmann::json PayPointsJson(const PayrollRequest& request,
                             const std::vector<PayPointGroup>& groups) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& group : groups) {
    list.push_back({{"pay_point", group.commune_code},
                    {"channel", group.channel},
                    {"count", group.total.count},
                    {"amount_vnd", group.total.amount_vnd}});
  }
  return {{"period", request.period}, {"unit", request.unit}, {"pay_points", list}};
}

}  // namespace ansinh::app
