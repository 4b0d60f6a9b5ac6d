// `ansinh payroll --db URL run|approve|show|changes|release|receivables|paypoints|one-off
//  --period YYYY-MM [--unit CODE] [--edition pre2025|2025] [--as NAME]
//  [--format json|xlsx] [--out FILE] [--line LINE_ID]
//  [--code CODE --decision N --amount VND --reason R]`
// The monthly cycle of a paying office: build the draft (run), approve it as
// another user (approve), print it (show: the output contract of issue 4
// item 8), review the changes against the previous approved period, release
// a held line to cash, list receivables and cash per pay point, enter a
// one-off payment. `--as` is the acting identity (default "operator").
#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include "app/payroll_changes.h"
#include "app/payroll_office_actions.h"
#include "app/payroll_service.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

struct PayrollOptions {
  std::string db_url;
  std::string action;
  std::string period;
  std::string unit;
  std::string edition;
  std::string as = "operator";
  std::string format = "json";
  std::string out;
  std::string line;
  std::string code;
  std::string decision;
  std::string reason = "mai_tang";
  std::int64_t amount_vnd = 0;
};

app::AuditActor Actor(const PayrollOptions& options) {
  return app::CliActor(options.as);
}

Status Require(const std::string& value, const char* option) {
  if (!value.empty()) return {};
  return Fail(ErrorKind::kInvalidInput, "cli.option_required",
              std::string("Cần tùy chọn ") + option + ".");
}

Status Changes(store::SqlSession& session, const PayrollOptions& options,
               const app::PayrollRequest& request, const CommandContext& context) {
  auto changes = app::CollectChanges(session, request);
  if (!changes) return Fail(std::move(changes.error()));
  const bool xlsx = options.format == "xlsx";
  if (xlsx) {
    if (auto ok = Require(options.out, "--out FILE"); !ok) return ok;
  }
  // An export with personal data: audited before it is written, and stamped.
  if (auto ok = app::AuditChangesExport(session, request.actor, *changes, xlsx ? "xlsx" : "json");
      !ok) {
    return ok;
  }
  const app::ExportStamp stamp{options.as, request.now};
  if (xlsx) {
    if (auto ok = app::WriteChangesXlsx(*changes, options.out, stamp); !ok) return ok;
    PrintSummary(context, {{"file", options.out}, {"count", changes->changes.size()}});
    return {};
  }
  PrintSummary(context, app::ToJson(*changes, stamp));
  return {};
}

Status PayPoints(store::SqlSession& session, const app::PayrollRequest& request,
                 const CommandContext& context) {
  auto groups = app::CashByPayPoint(session, request);
  if (!groups) return Fail(std::move(groups.error()));
  PrintSummary(context, app::PayPointsJson(request, *groups));
  return {};
}

Status Receivables(app::PayrollService& payroll, const app::PayrollRequest& request,
                   const CommandContext& context) {
  auto receivables = payroll.Receivables(request);
  if (!receivables) return Fail(std::move(receivables.error()));
  PrintSummary(context, app::ReceivablesJson(request, *receivables));
  return {};
}

Status RunPayroll(const PayrollOptions& options, CommandContext& context) {
  if (options.format == "table") context.output_format = "table";
  auto database = OpenCurrentDatabase(options.db_url);
  if (!database) return Fail(std::move(database.error()));
  auto session = (*database)->Acquire();
  if (!session) return Fail(std::move(session.error()));
  const auto now = std::chrono::system_clock::now();
  app::PayrollService payroll(**session);
  if (options.action == "release") {
    if (auto ok = Require(options.line, "--line LINE_ID"); !ok) return ok;
    auto line = payroll.ReleaseToCash(options.line, Actor(options), now);
    if (!line) return Fail(std::move(line.error()));
    PrintSummary(context, {{"line_id", line->line_id}, {"channel", line->channel},
                           {"status", line->status}});
    return {};
  }
  if (auto ok = Require(options.period, "--period YYYY-MM"); !ok) return ok;
  if (auto ok = Require(options.unit, "--unit CODE"); !ok) return ok;
  const app::PayrollRequest request{options.period, options.unit, EditionOrToday(options.edition),
                                    Actor(options), now};
  if (options.action == "one-off") {
    // Through the office, as the API does: a person it pays, and a period
    // whose cycle is not yet approved (else the payment would never be paid).
    auto id = app::AddOfficeOneOff(
        **session, request,
        app::OfficeOneOff{options.code, options.decision, options.reason, options.amount_vnd});
    if (!id) return Fail(std::move(id.error()));
    PrintSummary(context, {{"one_off_id", *id}, {"beneficiary_code", options.code},
                           {"period", options.period}, {"amount_vnd", options.amount_vnd}});
    return {};
  }
  if (options.action == "run") {
    auto summary = payroll.Run(request);
    if (!summary) return Fail(std::move(summary.error()));
    PrintSummary(context, app::ToJson(*summary));
    return {};
  }
  if (options.action == "approve") {
    auto cycle = payroll.Approve(request);
    if (!cycle) return Fail(std::move(cycle.error()));
    PrintSummary(context, {{"period", cycle->period}, {"unit", cycle->unit_code},
                           {"status", cycle->status}, {"prepared_by", cycle->prepared_by},
                           {"approved_by", cycle->approved_by.value_or("")},
                           {"count", cycle->line_count}, {"amount_vnd", cycle->amount_vnd}});
    return {};
  }
  if (options.action == "show") return payroll.WriteCycleJson(request, std::cout);
  if (options.action == "changes") return Changes(**session, options, request, context);
  if (options.action == "receivables") return Receivables(payroll, request, context);
  return PayPoints(**session, request, context);
}

}  // namespace

void RegisterPayrollCommand(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<PayrollOptions>();
  CLI::App* command = app.add_subcommand(
      "payroll", "Bảng lương hằng tháng: lập, phê duyệt, xem, tăng/giảm/điều chỉnh, chuyển tiền mặt");
  AddDatabaseOption(*command, options->db_url);
  command
      ->add_option("action", options->action,
                   "run | approve | show | changes | release | receivables | paypoints | one-off")
      ->required()
      ->check(CLI::IsMember({"run", "approve", "show", "changes", "release", "receivables",
                             "paypoints", "one-off"}));
  command->add_option("--period", options->period, "Kỳ chi trả (YYYY-MM)");
  command->add_option("--unit", options->unit,
                      "Đơn vị chi trả: tỉnh (2 chữ số), huyện trước 2025 (3), xã (5)");
  AddEditionOption(*command, options->edition);
  AddActorOption(*command, options->as);
  command->add_option("--format", options->format, "json | table | xlsx (xlsx: changes)")
      ->check(CLI::IsMember({"json", "table", "xlsx"}));
  command->add_option("--out", options->out, "Tệp kết quả (changes --format xlsx)");
  command->add_option("--line", options->line, "Mã dòng chi trả (release)");
  command->add_option("--code", options->code, "Mã đối tượng (one-off)");
  command->add_option("--decision", options->decision, "Số quyết định (one-off)");
  command->add_option("--amount", options->amount_vnd, "Số tiền, đồng (one-off)");
  command->add_option("--reason", options->reason, "Lý do chi một lần (one-off), mặc định mai_tang");
  command->callback([options, &context] { context.outcome = RunPayroll(*options, context); });
}

}  // namespace ansinh::cli
