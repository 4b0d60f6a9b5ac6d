// Registration of every subcommand; each Register*Command is defined in its own file.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace ansinh::cli {

void RegisterInitCommand(CLI::App& app, CommandContext& context);   // init_command.cc
void RegisterServeCommand(CLI::App& app, CommandContext& context);  // serve_command.cc
void RegisterUserCommand(CLI::App& app, CommandContext& context);   // user_command.cc
void RegisterTokenCommand(CLI::App& app, CommandContext& context);  // token_command.cc
void RegisterAuditLogCommand(CLI::App& app, CommandContext& context);  // audit_log_command.cc
void RegisterDemoFileCommand(CLI::App& app, CommandContext& context);  // demo_file_command.cc
void RegisterImportCommand(CLI::App& app, CommandContext& context);  // import_command.cc
void RegisterBeneficiaryCommand(CLI::App& app, CommandContext& context);  // beneficiary_command.cc
void RegisterListsCommand(CLI::App& app, CommandContext& context);  // lists_command.cc
void RegisterPayrollCommand(CLI::App& app, CommandContext& context);  // payroll_command.cc
void RegisterRatesCommand(CLI::App& app, CommandContext& context);    // rates_command.cc
void RegisterDisburseCommand(CLI::App& app, CommandContext& context);  // disburse_command.cc
// `disburse send|returns` (bank) and `disburse notify` (SMS), disburse_send_command.cc.
void RegisterDisburseSendSubcommands(CLI::App& disburse, CommandContext& context);
// `disburse ingest|reissue|expire-cash|overdue` (results, returns, fallbacks,
// deadlines), disburse_results_command.cc.
void RegisterDisburseResultsSubcommands(CLI::App& disburse, CommandContext& context);
// `disburse fund|settle|status` (settlement and the cycle's stage),
// disburse_settle_command.cc.
void RegisterDisburseSettleSubcommands(CLI::App& disburse, CommandContext& context);
void RegisterAuditCommand(CLI::App& app, CommandContext& context);     // audit_command.cc
void RegisterKeysCommand(CLI::App& app, CommandContext& context);     // keys_command.cc

inline void RegisterAllCommands(CLI::App& app, CommandContext& context) {
  RegisterInitCommand(app, context);
  RegisterServeCommand(app, context);
  RegisterUserCommand(app, context);
  RegisterTokenCommand(app, context);
  RegisterAuditLogCommand(app, context);
  RegisterDemoFileCommand(app, context);
  RegisterImportCommand(app, context);
  RegisterBeneficiaryCommand(app, context);
  RegisterListsCommand(app, context);
  RegisterPayrollCommand(app, context);
  RegisterRatesCommand(app, context);
  RegisterDisburseCommand(app, context);
  RegisterAuditCommand(app, context);
  RegisterKeysCommand(app, context);
}

}  // namespace ansinh::cli
