// `ansinh demo-file --size N [--seed S] [--province 38] [--period YYYY-MM]
// [--format csv|xlsx] --out FILE [--data-dir DIR]`: writes a synthetic beneficiary import file
// for the demo province (app/demo_generator.h), for demos and import
// benchmarks. Needs no database: it reads the shipped reference files.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "app/demo_generator.h"
#include "app/demo_inputs.h"
#include "app/init_service.h"
#include "app/registry_service.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

struct DemoFileOptions {
  std::int64_t size = 20'000;
  std::uint64_t seed = 1;
  std::string province = "38";
  std::string period;  // empty: this month, by the system clock
  std::string out;
  std::string format = "csv";  // csv | xlsx
  std::string data_dir = app::DefaultDataDir();
};

// The clock is read here, at the edge, and nowhere in app/: this month in
// UTC, as the register counts months.
Result<core::Period> PeriodOrThisMonth(const std::string& text) {
  if (!text.empty()) return core::Period::Parse(text);
  return app::MonthOf(std::chrono::system_clock::now());
}

Result<app::DemoStats> WriteCsv(const app::DemoInputs& inputs, const app::DemoOptions& demo,
                                const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return Fail(ErrorKind::kUnavailable, "demo.open_failed", "Không mở được tệp " + path + " để ghi");
  }
  auto stats = app::WriteDemoCsv(inputs, demo, out);
  if (!stats) return stats;
  out.close();
  if (!out) return Fail(ErrorKind::kUnavailable, "demo.write_failed", "Không ghi được tệp " + path);
  return stats;
}

Status RunDemoFile(const DemoFileOptions& options, const CommandContext& context) {
  const auto started = std::chrono::steady_clock::now();
  auto period = PeriodOrThisMonth(options.period);
  if (!period) return Fail(std::move(period.error()));
  auto inputs = app::LoadDemoInputs(options.data_dir, options.province);
  if (!inputs) return Fail(std::move(inputs.error()));
  app::DemoOptions demo{options.size, options.seed, *period};
  auto stats = options.format == "xlsx" ? app::WriteDemoXlsx(*inputs, demo, options.out)
                                        : WriteCsv(*inputs, demo, options.out);
  if (!stats) return Fail(std::move(stats.error()));
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  nlohmann::json summary = app::ToJson(*stats);
  summary["file"] = options.out;
  summary["province"] = options.province;
  summary["period"] = period->ToString();
  summary["paid_through"] = period->PlusMonths(-1)->ToString();
  summary["seed"] = options.seed;
  summary["seconds"] = elapsed.count();
  PrintSummary(context, summary);
  return {};
}

}  // namespace

void RegisterDemoFileCommand(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<DemoFileOptions>();
  CLI::App* command = app.add_subcommand(
      "demo-file", "Ghi tệp danh sách đối tượng mẫu (tỉnh demo) theo định dạng nhập");
  command->add_option("--size", options->size, "Số đối tượng")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{1}, app::DemoOptions::kMaxSize));
  command->add_option("--seed", options->seed, "Hạt giống ngẫu nhiên")->capture_default_str();
  command->add_option("--province", options->province, "Mã tỉnh (GSO, trước 2025)")
      ->capture_default_str();
  command->add_option("--period", options->period,
                      "Kỳ hiện tại YYYY-MM (mặc định: tháng này); đã chi đến tháng trước");
  command->add_option("--out", options->out, "Tệp kết quả")->required();
  command->add_option("--format", options->format, "Định dạng tệp: csv hoặc xlsx")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "xlsx"}));
  command->add_option("--data-dir", options->data_dir, "Thư mục dữ liệu danh mục")
      ->capture_default_str();
  command->callback([options, &context] { context.outcome = RunDemoFile(*options, context); });
}

}  // namespace ansinh::cli
