#include "app/overdue_lines.h"

#include <chrono>
#include <utility>

#include "core/date.h"
#include "store/payment_followup_store.h"

namespace ansinh::app {
namespace {

std::optional<std::chrono::sys_days> OverdueDay(const std::string& text) {
  auto date = core::Date::Parse(text);
  if (!date || date->is_year_only() || text.size() != 10 || text[4] != '-') return std::nullopt;
  using namespace std::chrono;
  return sys_days(year_month_day(year(date->year()), month(static_cast<unsigned>(date->month())),
                                 day(static_cast<unsigned>(date->day()))));
}

std::string OverdueState(const store::OverdueLineRow& row) {
  if (row.returned_to_budget) return "returned_to_budget";
  if (row.line_status == "sent") return "no_result";
  if (row.line_status == "pending") return "reissued";
  return row.line_status;  // failed, returned
}

}  // namespace

nlohmann::json ToJson(const OverdueReport& report) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : report.lines) {
    lines.push_back({{"line_id", l.line_id},
                     {"batch_id", l.batch_id},
                     {"beneficiary_code", l.beneficiary_code},
                     {"full_name", l.full_name},
                     {"commune_code", l.commune_code},
                     {"channel", l.channel},
                     {"amount_vnd", l.amount_vnd},
                     {"pay_by_date", l.pay_by_date},
                     {"days_overdue", l.days_overdue},
                     {"state", l.state},
                     {"reason_code", l.reason_code ? nlohmann::json(*l.reason_code) : nullptr}});
  }
  return {{"unit", report.unit},   {"as_of", report.as_of},
          {"count", report.count}, {"amount_vnd", report.amount_vnd},
          {"truncated", report.truncated}, {"lines", lines}};
}

Result<OverdueReport> ListOverdueLines(store::SqlSession& session, const OverdueRequest& request) {
  if (request.unit.empty()) {
    return Fail(ErrorKind::kInvalidInput, "overdue.unit_required", "Cần mã đơn vị chi trả.");
  }
  const auto as_of = OverdueDay(request.as_of);
  if (!as_of) {
    return Fail(ErrorKind::kInvalidInput, "overdue.date_invalid",
                "Ngày tính (--as-of) phải có dạng YYYY-MM-DD.");
  }
  if (request.limit < 1 || request.limit > kMaxOverdueLines) {
    return Fail(ErrorKind::kInvalidInput, "overdue.limit_invalid",
                "Số dòng tối đa phải từ 1 đến " + std::to_string(kMaxOverdueLines) + ".");
  }
  auto rows = store::MakePaymentFollowupStore(session)->Overdue(request.unit, request.as_of,
                                                                request.limit + 1);
  if (!rows) return Fail(std::move(rows.error()));
  OverdueReport report{request.unit, request.as_of, 0, 0, false, {}};
  for (auto& row : *rows) {
    if (static_cast<std::int64_t>(report.lines.size()) == request.limit) {
      report.truncated = true;
      break;
    }
    const auto pay_by = OverdueDay(row.pay_by_date);
    const std::int64_t days = pay_by ? (*as_of - *pay_by).count() : 0;
    report.amount_vnd += row.amount_vnd;
    report.lines.push_back({row.line_id, row.batch_id, row.beneficiary_code, row.full_name,
                            row.commune_code, row.channel, row.amount_vnd, row.pay_by_date, days,
                            OverdueState(row), row.reason_code});
  }
  report.count = static_cast<std::int64_t>(report.lines.size());
  return report;
}

}  // namespace ansinh::app
