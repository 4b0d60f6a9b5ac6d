// `ansinh import --db URL beneficiaries FILE [--dry-run] [--partial]`: load a
// beneficiary register (CSV or XLSX, DESIGN.md §4) in one transaction. The
// JSON report lists every rejected row; rows rejected in all-or-nothing mode
// make the command fail after printing it.
#include <chrono>
#include <memory>
#include <string>

#include "app/import_service.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

struct ImportCommandOptions {
  std::string db_url;
  std::string kind;
  std::string file;
  bool dry_run = false;
  bool partial = false;
  std::string actor;
  std::size_t max_rows = 1'000'000;
  std::string edition;  // empty: the commune map in force today
};

Status RunImport(const ImportCommandOptions& options, const CommandContext& context) {
  auto connection = app::ConnectRegistry(options.db_url);
  if (!connection) return Fail(std::move(connection.error()));
  auto session = connection->database->Acquire();
  if (!session) return Fail(std::move(session.error()));
  app::ImportOptions import_options;
  import_options.dry_run = options.dry_run;
  import_options.partial = options.partial;
  import_options.limits.max_data_rows = options.max_rows;
  import_options.commune_edition = EditionOrToday(options.edition);
  const app::ChangeContext change{app::CommandActor(options.actor),
                                  std::chrono::system_clock::now(), "import " + options.file};
  auto report = app::ImportBeneficiaryFile(**session, connection->codes, options.file,
                                           import_options, change);
  if (!report) return Fail(std::move(report.error()));
  PrintSummary(context, app::ToJson(*report));
  if (!report->rejected()) return {};
  Error error = MakeError(ErrorKind::kInvalidInput, "import.rejected",
                          "Tệp có " + std::to_string(report->rejected_rows) +
                              " dòng lỗi; không ghi dòng nào (dùng --partial để ghi các dòng đúng).");
  error.details = report->errors;
  return Fail(std::move(error));
}

}  // namespace

void RegisterImportCommand(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<ImportCommandOptions>();
  CLI::App* command = app.add_subcommand("import", "Nhập danh sách đối tượng từ tệp CSV hoặc XLSX");
  AddDatabaseOption(*command, options->db_url);
  command->add_option("kind", options->kind, "Loại dữ liệu: beneficiaries")
      ->required()
      ->check(CLI::IsMember({"beneficiaries"}));
  command->add_option("file", options->file, "Tệp CSV hoặc XLSX")->required();
  command->add_flag("--dry-run", options->dry_run, "Chỉ kiểm tra, không ghi");
  command->add_flag("--partial", options->partial, "Ghi các dòng đúng, báo các dòng lỗi");
  command->add_option("--actor", options->actor, "Người thực hiện (mặc định cli:<tên người dùng>)");
  AddEditionOption(*command, options->edition);
  command->add_option("--max-rows", options->max_rows, "Số dòng dữ liệu tối đa")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{5'000'000}));
  command->callback([options, &context] { context.outcome = RunImport(*options, context); });
}

}  // namespace ansinh::cli
