// `ansinh lists --db URL --unit CODE --out DIR [--as NAME]`: the registration
// lists of plan 152/KH-UBND III.1 and the cash lists for a commune, district
// or province, as XLSX and JSON files in DIR (created when missing). The
// files carry "Xuất bởi NAME lúc …" and the export is audited first. Prints
// the files and the number of people on each list.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "app/lists_service.h"
#include "app/registry_service.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

struct ListsCommandOptions {
  std::string db_url;
  std::string unit;
  std::string out_dir;
  std::string edition;  // empty: the commune map in force today
  std::string as = "operator";
};

Status MakeOutputDirectory(const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (!error) return {};
  return Fail(ErrorKind::kUnavailable, "lists.out_dir_failed",
              "Không tạo được thư mục " + dir + ": " + error.message());
}

Status RunLists(const ListsCommandOptions& options, const CommandContext& context) {
  if (auto ok = MakeOutputDirectory(options.out_dir); !ok) return ok;
  auto connection = app::ConnectRegistry(options.db_url);
  if (!connection) return Fail(std::move(connection.error()));
  auto session = connection->database->Acquire();
  if (!session) return Fail(std::move(session.error()));
  const auto now = std::chrono::system_clock::now();
  auto lists = app::CollectRegistrationLists(**session, options.unit, now,
                                             EditionOrToday(options.edition));
  if (!lists) return Fail(std::move(lists.error()));
  // Audited before any file is written: an export the log cannot record does not happen.
  const app::AuditActor actor{std::nullopt, options.as, "cli", ""};
  if (auto ok = app::AuditListsExport(**session, actor, *lists, "xlsx+json"); !ok) return ok;
  auto report =
      app::WriteRegistrationLists(*lists, connection->codes, options.out_dir, {options.as, now});
  if (!report) return Fail(std::move(report.error()));
  PrintSummary(context, app::ToJson(*report));
  return {};
}

}  // namespace

void RegisterListsCommand(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<ListsCommandOptions>();
  CLI::App* command =
      app.add_subcommand("lists", "Xuất danh sách đăng ký hình thức chi trả (XLSX và JSON)");
  AddDatabaseOption(*command, options->db_url);
  command->add_option("--unit", options->unit, "Mã xã (5 chữ số), huyện (3) hoặc tỉnh (2)")
      ->required();
  AddEditionOption(*command, options->edition);
  command->add_option("--out", options->out_dir, "Thư mục ghi tệp (tạo nếu chưa có)")
      ->required();
  command->add_option("--as", options->as, "Người xuất danh sách (mặc định operator)");
  command->callback([options, &context] { context.outcome = RunLists(*options, context); });
}

}  // namespace ansinh::cli
