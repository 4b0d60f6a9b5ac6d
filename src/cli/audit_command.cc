// `ansinh audit --db URL`: re-derives every ledger balance from the payment
// lines, receivables and batches and prints the report; exits non-zero
// (the state is wrong) when any transfer does not balance, any balance
// differs from what the lines say, or any batch's totals do not add up.
#include <memory>
#include <string>

#include "app/ledger_audit.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

Status RunAudit(const std::string& db_url, const CommandContext& context) {
  auto database = OpenCurrentDatabase(db_url);
  if (!database) return Fail(std::move(database.error()));
  auto session = (*database)->Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto report = app::AuditLedger(**session);
  if (!report) return Fail(std::move(report.error()));
  PrintSummary(context, app::ToJson(*report));
  if (report->clean()) return {};
  return Fail(ErrorKind::kConflict, "audit.ledger_mismatch",
              "Sổ cái không khớp: " + std::to_string(report->differences.size()) + " số dư lệch, " +
                  std::to_string(report->unbalanced.size()) + " bút toán không cân, " +
                  std::to_string(report->batch_problems.size()) + " lỗi tổng của lô.");
}

}  // namespace

void RegisterAuditCommand(CLI::App& app, CommandContext& context) {
  auto db_url = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "audit", "Đối soát sổ cái: tính lại mọi số dư từ các dòng chi trả và lô chi trả");
  AddDatabaseOption(*command, *db_url);
  command->callback([db_url, &context] { context.outcome = RunAudit(*db_url, context); });
}

}  // namespace ansinh::cli
