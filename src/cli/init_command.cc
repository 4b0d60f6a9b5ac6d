// `ansinh init --db URL [--data-dir DIR]`: create or upgrade the schema and load
// the shipped reference data. Safe to run again: a second run changes nothing.
// `--demo PROVINCE [--size N] [--seed S]` then imports a synthetic register of
// that province (app/demo_import.h); run again, it updates the same people.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "app/demo_import.h"
#include "app/init_service.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "crypto/server_key.h"
#include "store/database.h"

namespace ansinh::cli {
namespace {

struct InitOptions {
  std::string db_url;
  std::string data_dir = app::DefaultDataDir();
  std::string demo_province;  // empty: no demo
  app::DemoImportRequest demo;
};

// SQLite creates the file but not its directory; an operator expects
// `--db sqlite:var/ansinh.db` to work on a fresh checkout.
Status EnsureSqliteDirectory(const store::DatabaseUrl& url) {
  if (url.dialect != store::Dialect::kSqlite) return {};
  const auto parent = std::filesystem::path(url.target).parent_path();
  if (parent.empty()) return {};
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec) {
    return Fail(ErrorKind::kUnavailable, "init.create_directory",
                "Không tạo được thư mục " + parent.string() + ": " + ec.message());
  }
  return {};
}

// The demo goes in after the reference data it draws its communes and policies from.
Status ImportDemo(const InitOptions& options, store::Database& database, nlohmann::json& printed) {
  app::DemoImportRequest demo = options.demo;
  demo.province_code = options.demo_province;
  const app::ChangeContext change{app::CommandActor(""), std::chrono::system_clock::now(),
                                  "init --demo " + demo.province_code};
  auto imported = app::ImportDemoProvince(database, demo, change);
  if (!imported) return Fail(std::move(imported.error()));
  printed["demo"] = app::ToJson(*imported);
  return {};
}

Status RunInit(const InitOptions& options, const CommandContext& context) {
  auto url = store::ParseDatabaseUrl(options.db_url);
  if (!url) return Fail(std::move(url.error()));
  if (auto ok = EnsureSqliteDirectory(*url); !ok) return ok;
  auto database = store::OpenDatabase(*url);
  if (!database) return Fail(std::move(database.error()));
  auto summary = app::InitDatabase(**database, options.data_dir);
  if (!summary) return Fail(std::move(summary.error()));
  nlohmann::json printed = app::ToJson(*summary);
  // Personal data in this database is sealed under this file's key: an
  // operator who later runs ansinh from another directory must point
  // ANSINH_KEY_FILE at it, or the data cannot be read.
  printed["key_file"] = std::filesystem::absolute(crypto::ServerKeyPath()).string();
  if (!options.demo_province.empty()) {
    if (auto ok = ImportDemo(options, **database, printed); !ok) return ok;
  }
  PrintSummary(context, printed);
  return {};
}

}  // namespace

void RegisterInitCommand(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* command = app.add_subcommand(
      "init", "Tạo hoặc cập nhật lược đồ cơ sở dữ liệu và nạp dữ liệu danh mục");
  AddDatabaseOption(*command, options->db_url);
  command->add_option("--data-dir", options->data_dir, "Thư mục dữ liệu danh mục")
      ->capture_default_str();
  command->add_option("--demo", options->demo_province,
                      "Nạp thêm danh sách đối tượng mẫu của tỉnh (mã GSO, ví dụ 38)");
  command->add_option("--size", options->demo.size, "Số đối tượng mẫu (với --demo)")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{1}, app::DemoImportRequest::kMaxSize));
  command->add_option("--seed", options->demo.seed, "Hạt giống ngẫu nhiên (với --demo)")
      ->capture_default_str();
  command->callback([options, &context] { context.outcome = RunInit(*options, context); });
}

}  // namespace ansinh::cli
