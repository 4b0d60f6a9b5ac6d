#include "app/payroll_service.h"

#include <utility>

#include "app/ledger_posting.h"
#include "app/payroll_office.h"
#include "app/registry_service.h"
#include "core/period.h"
#include "store/beneficiary_store.h"

namespace ansinh::app {
namespace {

nlohmann::json ToJson(const AmountTotal& total) {
  return {{"count", total.count}, {"amount_vnd", total.amount_vnd}};
}

nlohmann::json ToJson(const std::map<std::string, AmountTotal>& totals) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, total] : totals) out[key] = ToJson(total);
  return out;
}

Error CycleNotFound(const PayrollRequest& request) {
  return MakeError(ErrorKind::kNotFound, "payroll.cycle_not_found",
                   "Chưa có bảng lương kỳ " + request.period + " của đơn vị " + request.unit +
                       " (chạy `ansinh payroll run` trước).");
}

nlohmann::json LineJson(const store::PaymentLineRecord& line) {
  return {{"line_id", line.line_id},       {"beneficiary_code", line.beneficiary_code},
          {"policy_code", line.policy_code}, {"kind", line.kind},
          {"for_period", line.for_period},   {"amount_vnd", line.amount_vnd},
          {"channel", line.channel},         {"recipient", line.recipient},
          {"status", line.status}};
}

Status Durable(store::SqlSession& session) {
  if (session.dialect() != store::Dialect::kSqlite) return {};
  auto done = session.Execute("PRAGMA synchronous = FULL");
  if (!done) return Fail(std::move(done.error()));
  return {};
}

}  // namespace

void PayrollTotals::Add(const std::string& kind, const std::string& channel,
                        std::int64_t amount_vnd) {
  for (AmountTotal* total : {&all, &by_kind[kind], &by_channel[channel]}) {
    total->count += 1;
    total->amount_vnd += amount_vnd;
  }
}

nlohmann::json ToJson(const PayrollTotals& totals) {
  return {{"count", totals.all.count},
          {"amount_vnd", totals.all.amount_vnd},
          {"by_kind", ToJson(totals.by_kind)},
          {"by_channel", ToJson(totals.by_channel)}};
}

nlohmann::json ToJson(const CycleSummary& summary) {
  nlohmann::json out = ToJson(summary.totals);
  out["period"] = summary.cycle.period;
  out["unit"] = summary.cycle.unit_code;
  out["edition"] = summary.cycle.unit_edition;
  out["status"] = summary.cycle.status;
  out["persons"] = summary.persons;
  out["held"] = summary.held;
  out["receivables"] = ToJson(summary.receivables);
  out["run_fingerprint"] = summary.cycle.run_fingerprint;
  return out;
}

PayrollService::PayrollService(store::SqlSession& session, PayrollOptions options)
    : session_(session), options_(options) {}

Result<store::PayCycleRecord> PayrollService::FindCycle(const PayrollRequest& request) {
  if (auto period = core::Period::Parse(request.period); !period) {
    return Fail(std::move(period.error()));
  }
  auto office = ResolveOffice(session_, request.unit, request.edition, request.now);
  if (!office) return Fail(std::move(office.error()));
  auto cycle = store::MakePayrollCycleStore(session_)->Find(office->code, office->edition,
                                                             request.period);
  if (!cycle) return Fail(std::move(cycle.error()));
  if (!*cycle) return Fail(CycleNotFound(request));
  return std::move(**cycle);
}

Result<store::PayCycleRecord> PayrollService::Approve(const PayrollRequest& request) {
  if (auto ok = Durable(session_); !ok) return Fail(ok.error());
  auto transaction = store::Transaction::Begin(session_);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto cycle = FindCycle(request);
  if (!cycle) return cycle;
  if (cycle->status == "approved") {
    return Fail(ErrorKind::kConflict, "payroll.already_approved",
                "Bảng lương kỳ " + cycle->period + " đã được phê duyệt.");
  }
  if (cycle->prepared_by == request.actor.name) {
    return Fail(ErrorKind::kForbidden, "payroll.same_user",
                "Người lập bảng lương (" + cycle->prepared_by +
                    ") không được tự phê duyệt; cần một người khác phê duyệt.");
  }
  auto cycles = store::MakePayrollCycleStore(session_);
  auto earlier = cycles->LatestBefore(cycle->unit_code, cycle->unit_edition, cycle->period, "draft");
  if (!earlier) return Fail(std::move(earlier.error()));
  if (*earlier) {
    return Fail(ErrorKind::kConflict, "payroll.earlier_unapproved",
                "Kỳ " + (*earlier)->period + " của đơn vị chưa được phê duyệt; phê duyệt kỳ đó "
                "trước kỳ " + cycle->period + ".");
  }
  auto marked = cycles->MarkApproved(cycle->id, request.actor.name, FormatInstant(request.now));
  if (!marked) return Fail(std::move(marked.error()));
  cycle->status = "approved";
  cycle->approved_by = request.actor.name;
  cycle->approved_at = FormatInstant(request.now);
  // The ledger records the commitment in the approval's own transaction.
  if (auto ok = PostCycleApproval(session_, *cycle, *cycle->approved_at); !ok) {
    return Fail(ok.error());
  }
  const nlohmann::json after{{"status", "approved"},
                             {"line_count", cycle->line_count},
                             {"amount_vnd", cycle->amount_vnd},
                             {"run_fingerprint", cycle->run_fingerprint}};
  if (auto ok = AppendAudit(session_, request.actor,
                            AuditEvent{"payroll.approve", "success", "pay_cycle",
                                       cycle->unit_code + "/" + cycle->period,
                                       nlohmann::json{{"status", "draft"}}, after});
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return cycle;
}

Status PayrollService::WriteCycleJson(const PayrollRequest& request, std::ostream& out) {
  auto cycle = FindCycle(request);
  if (!cycle) return Fail(std::move(cycle.error()));
  PayrollTotals totals;
  out << "{\n  \"period\": " << nlohmann::json(cycle->period).dump()
      << ",\n  \"unit\": " << nlohmann::json(cycle->unit_code).dump()
      << ",\n  \"status\": " << nlohmann::json(cycle->status).dump() << ",\n  \"lines\": [";
  bool first = true;
  auto each = [&](const store::PaymentLineRecord& line) -> Status {
    out << (first ? "\n    " : ",\n    ") << LineJson(line).dump();
    first = false;
    totals.Add(line.kind, line.channel, line.amount_vnd);
    return {};
  };
  if (auto ok = store::MakePayrollCycleStore(session_)->ForEachLine(cycle->id, each); !ok) {
    return ok;
  }
  out << (first ? "]" : "\n  ]") << ",\n  \"totals\": " << ToJson(totals).dump() << "\n}\n";
  return {};
}

Result<std::vector<store::ReceivableRecord>> PayrollService::Receivables(
    const PayrollRequest& request) {
  auto cycle = FindCycle(request);
  if (!cycle) return Fail(std::move(cycle.error()));
  return store::MakePayrollCycleStore(session_)->ListReceivables(cycle->id);
}

Result<store::PaymentLineRecord> PayrollService::ReleaseToCash(
    const std::string& line_id, const AuditActor& actor,
    std::chrono::system_clock::time_point now) {
  auto transaction = store::Transaction::Begin(session_);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto cycles = store::MakePayrollCycleStore(session_);
  auto found = cycles->FindLine(line_id);
  if (!found) return Fail(std::move(found.error()));
  if (!*found) {
    return Fail(ErrorKind::kNotFound, "payroll.line_not_found",
                "Không tìm thấy dòng chi trả " + line_id + ".");
  }
  store::PaymentLineRecord line = (*found)->line;
  if (line.status != "held") {
    return Fail(ErrorKind::kConflict, "payroll.line_not_held",
                "Dòng chi trả " + line_id + " không ở trạng thái tạm giữ.");
  }
  if (auto ok = cycles->ReleaseLineToCash(line_id); !ok) return Fail(ok.error());
  if (auto ok = cycles->AddRelease(line_id, actor.name, FormatInstant(now)); !ok) {
    return Fail(ok.error());
  }
  const nlohmann::json before{{"channel", line.channel}, {"status", line.status},
                              {"hold_reason", line.hold_reason.value_or("")}};
  line.channel = "CASH_PAYPOINT";
  line.status = "pending";
  line.hold_reason.reset();
  if (auto ok = AppendAudit(session_, actor,
                            AuditEvent{"payroll.release_to_cash", "success", "payment_line",
                                       line_id, before,
                                       nlohmann::json{{"channel", line.channel},
                                                      {"status", line.status}}});
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return line;
}

Result<std::int64_t> PayrollService::AddOneOff(const std::string& beneficiary_code,
                                               const std::string& period,
                                               const std::string& decision_number,
                                               const std::string& reason,
                                               std::int64_t amount_vnd, const AuditActor& actor,
                                               std::chrono::system_clock::time_point now) {
  if (auto parsed = core::Period::Parse(period); !parsed) return Fail(std::move(parsed.error()));
  if (amount_vnd <= 0 || decision_number.empty()) {
    return Fail(ErrorKind::kInvalidInput, "payroll.one_off_amount",
                "Khoản chi một lần cần số quyết định và số tiền lớn hơn 0.");
  }
  auto transaction = store::Transaction::Begin(session_);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto person = store::MakeBeneficiaryStore(session_)->FindByCode(beneficiary_code);
  if (!person) return Fail(std::move(person.error()));
  if (!*person) {
    return Fail(ErrorKind::kNotFound, "beneficiary.not_found",
                "Không tìm thấy đối tượng có mã " + beneficiary_code + ".");
  }
  auto id = store::MakePayrollCycleStore(session_)->InsertOneOff(
      {0, (*person)->id, period, decision_number, reason, amount_vnd, actor.name,
       FormatInstant(now)});
  if (!id && id.error().code == "db.unique_violation") {
    return Fail(ErrorKind::kConflict, "payroll.one_off_exists",
                "Quyết định " + decision_number + " đã được nhập cho đối tượng này.");
  }
  if (!id) return Fail(std::move(id.error()));
  const nlohmann::json after{{"beneficiary_code", beneficiary_code}, {"period", period},
                             {"decision_number", decision_number}, {"amount_vnd", amount_vnd}};
  if (auto ok = AppendAudit(session_, actor,
                            AuditEvent{"payroll.one_off_add", "success", "one_off_payment",
                                       std::to_string(*id), std::nullopt, after});
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return *id;
}

}  // namespace ansinh::app
