#include "app/payroll_routing.h"

#include <string_view>

namespace ansinh::app {
namespace {

// The stored problem codes of a payment method, in words.
std::string ProblemText(std::string_view code) {
  if (code == "payment_method.account_missing") return "thiếu số tài khoản";
  if (code == "payment_method.account_invalid") return "số tài khoản không hợp lệ";
  if (code == "payment_method.institution_kind_mismatch") {
    return "mã ngân hàng/ví không đúng hình thức";
  }
  if (code == "payment_method.holder_name_missing") return "thiếu tên chủ tài khoản";
  if (code == "payment_method.representative_missing") return "thiếu người nhận thay";
  if (code == "representative.authorisation_expired") return "giấy ủy quyền đã hết hạn";
  if (code == "representative.authorisation_not_yet_valid") {
    return "giấy ủy quyền chưa có hiệu lực";
  }
  if (code == "payment_method.rejected_by_bank") return "ngân hàng từ chối tài khoản";
  return std::string(code);
}

std::string ProblemsText(const std::string& problems) {
  std::string text;
  std::size_t start = 0;
  while (start < problems.size()) {
    std::size_t end = problems.find("; ", start);
    if (end == std::string::npos) end = problems.size();
    if (end > start) {
      text += (text.empty() ? "" : "; ") +
              ProblemText(std::string_view(problems).substr(start, end - start));
    }
    start = end + 2;
  }
  return text.empty() ? "không rõ lý do" : text;
}

// The same month rule as core::PaymentMethodProblems: an authorisation is
// good through the month of valid_to and from the month of valid_from.
std::optional<std::string> AuthorisationProblem(const store::PayrollMethod& method,
                                                core::Period month) {
  if (method.recipient == core::Recipient::kSelf) return std::nullopt;
  if (method.authorisation_to && *method.authorisation_to < month.FirstDay()) {
    return "giấy ủy quyền/quyết định giám hộ đã hết hạn";
  }
  if (method.authorisation_from && *method.authorisation_from > month.LastDay()) {
    return "giấy ủy quyền/quyết định giám hộ chưa có hiệu lực";
  }
  return std::nullopt;
}

// "YYYYMM", without the detour through "YYYY-MM".
void AppendCompact(core::Period period, std::string& out) {
  const int year = period.year();
  const int month = period.month();
  const char text[6] = {static_cast<char>('0' + year / 1000 % 10),
                        static_cast<char>('0' + year / 100 % 10),
                        static_cast<char>('0' + year / 10 % 10),
                        static_cast<char>('0' + year % 10),
                        static_cast<char>('0' + month / 10),
                        static_cast<char>('0' + month % 10)};
  out.append(text, sizeof text);
}

char KindLetter(core::LineKind kind) {
  switch (kind) {
    case core::LineKind::kRegular: return 'R';
    case core::LineKind::kArrears: return 'A';
    case core::LineKind::kRecovery: return 'T';  // truy thu
    case core::LineKind::kOneOff: return 'O';
  }
  return '?';
}

}  // namespace

LineRouting RouteLine(const std::optional<store::PayrollMethod>& method, core::Period month,
                      bool released) {
  if (!method) {
    if (released) return {"CASH_PAYPOINT", "SELF", "pending", std::nullopt};
    return {"CASH_PAYPOINT", "SELF", "held", "Chưa đăng ký hình thức chi trả."};
  }
  LineRouting routing{core::PaymentChannelCode(method->channel),
                      core::RecipientCode(method->recipient), "pending", std::nullopt};
  std::optional<std::string> problem;
  if (!method->valid) problem = "Hình thức chi trả chưa hợp lệ: " + ProblemsText(method->problems) + ".";
  if (!problem) {
    if (auto expired = AuthorisationProblem(*method, month)) {
      problem = "Hình thức chi trả chưa hợp lệ: " + *expired + ".";
    }
  }
  if (!problem) return routing;
  if (released) {
    routing.channel = "CASH_PAYPOINT";
    return routing;
  }
  routing.status = "held";
  routing.hold_reason = std::move(problem);
  return routing;
}

std::string LineId(core::Period period, const core::ComputedLine& line, std::int64_t one_off_id) {
  std::string id;
  id.reserve(35);
  AppendCompact(period, id);
  if (line.kind == core::LineKind::kOneOff) {
    id += "-O";
    id += std::to_string(one_off_id);
    return id;
  }
  id += '-';
  id += std::to_string(line.entitlement_id);
  id += '-';
  id += KindLetter(line.kind);
  id += '-';
  AppendCompact(line.for_period, id);
  return id;
}

}  // namespace ansinh::app
