// `ansinh audit-log --db URL verify`: re-checks the whole hash chain of the
// audit log and exits non-zero, naming the first bad entry, when any entry was
// edited, deleted or reordered.
#include <memory>
#include <string>
#include <utility>

#include "app/audit_log.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "store/database.h"

namespace ansinh::cli {
namespace {

Status RunVerify(const std::string& db_url, const CommandContext& context) {
  const auto url = store::ParseDatabaseUrl(db_url);
  if (!url) return Fail(url.error());
  auto database = store::OpenDatabase(*url);
  if (!database) return Fail(std::move(database.error()));
  auto verification = app::VerifyAuditLog(**database);
  if (!verification) return Fail(std::move(verification.error()));
  if (verification->first_break) {
    const core::ChainBreak& broken = *verification->first_break;
    return Fail(ErrorKind::kConflict, broken.code, broken.message);
  }
  PrintSummary(context, {{"status", "intact"},
                         {"entries", verification->entries},
                         {"head_seq", verification->head_seq},
                         {"head_hash", verification->head_hash}});
  return {};
}

}  // namespace

void RegisterAuditLogCommand(CLI::App& app, CommandContext& context) {
  auto db_url = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("audit-log", "Nhật ký kiểm toán");
  AddDatabaseOption(*command, *db_url);
  command->require_subcommand(1);
  CLI::App* verify =
      command->add_subcommand("verify", "Kiểm tra chuỗi băm: phát hiện mục bị sửa, xoá, đảo");
  verify->callback([db_url, &context] { context.outcome = RunVerify(*db_url, context); });
}

}  // namespace ansinh::cli
