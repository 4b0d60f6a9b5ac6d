#include "cli/command.h"

#include <iostream>

#include "store/migrations.h"

namespace ansinh::cli {
namespace {

// "table" format: one "key: value" line per top-level field, for people.
void PrintTable(const nlohmann::json& summary) {
  for (const auto& [key, value] : summary.items()) {
    std::cout << key << ": " << (value.is_string() ? value.get<std::string>() : value.dump())
              << '\n';
  }
}

}  // namespace

void PrintSummary(const CommandContext& context, const nlohmann::json& summary) {
  if (context.output_format == "table") {
    PrintTable(summary);
    return;
  }
  std::cout << summary.dump(2) << '\n';
}

CLI::Option* AddDatabaseOption(CLI::App& command, std::string& db_url) {
  return command.add_option("--db", db_url, "Cơ sở dữ liệu: sqlite:ĐƯỜNG_DẪN hoặc postgresql://…")
      ->required();
}

Result<std::unique_ptr<store::Database>> OpenCurrentDatabase(const std::string& db_url) {
  const auto url = store::ParseDatabaseUrl(db_url);
  if (!url) return Fail(url.error());
  auto database = store::OpenDatabase(*url);
  if (!database) return Fail(database.error());
  if (auto current = store::CheckSchemaCurrent(**database); !current) {
    return Fail(current.error());
  }
  return std::move(*database);
}

CLI::Option* AddActorOption(CLI::App& command, std::string& as) {
  return command.add_option("--as", as, "Người thực hiện (mặc định operator)");
}

CLI::Option* AddEditionOption(CLI::App& command, std::string& edition) {
  return command
      .add_option("--edition", edition,
                  "Bộ mã xã: pre2025 (trước 01/7/2025) hoặc 2025; mặc định theo ngày hôm nay")
      ->check(CLI::IsMember({"pre2025", "2025"}));
}

std::optional<std::string> EditionOrToday(const std::string& edition) {
  if (edition.empty()) return std::nullopt;
  return edition;
}

}  // namespace ansinh::cli
