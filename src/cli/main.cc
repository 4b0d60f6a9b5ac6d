// The `ansinh` command: every batch job of the monthly cycle is a subcommand.
// Commands arrive with the issue that builds them; none is a placeholder.
#include <iostream>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/exit_code.h"

namespace {

int Run(int argc, char** argv) {
  CLI::App app{"ansinh — chi trả an sinh xã hội không dùng tiền mặt"};
  app.require_subcommand(1);
  app.fallthrough();  // `--format table` may follow the subcommand, as people type it
  ansinh::cli::CommandContext context;
  app.add_option("--format", context.output_format, "Định dạng kết quả: json hoặc table")
      ->check(CLI::IsMember({"json", "table"}));
  ansinh::cli::RegisterAllCommands(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  }
  if (context.outcome) return 0;
  const ansinh::Error& error = context.outcome.error();
  std::cerr << "Lỗi: " << error.message << " [" << error.code << "]\n";
  for (const auto& detail : error.details) {
    std::cerr << "  - " << (detail.row > 0 ? "dòng " + std::to_string(detail.row) + ", " : "")
              << detail.field << ": " << detail.message << " [" << detail.code << "]\n";
  }
  return ansinh::cli::ExitCodeFor(error.kind);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& exception) {
    // Only what aborts a whole operation reaches here (e.g. the database went away).
    std::cerr << "Lỗi hệ thống: " << exception.what() << '\n';
    return ansinh::cli::ExitCodeFor(ansinh::ErrorKind::kInternal);
  }
}
