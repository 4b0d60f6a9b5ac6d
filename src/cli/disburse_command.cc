// `ansinh disburse --db URL route set|list [--unit CODE] [--edition E] --group NCC|BTXH
//    --route TREASURY_DIRECT|PROVIDER --provider CODE [--provider-name N] --contract N
//    --account ACC [--fee-fixed VND | --fee-bps BPS --fee-min VND --fee-max VND]
//    [--pay-by-day D] [--as NAME]`
// `ansinh disburse --db URL export --period YYYY-MM --unit CODE
//    --format pain001|csv|xlsx|pdf --out DIR`
// `ansinh disburse --db URL ingest|reissue|expire-cash|overdue …`: disburse_results_command.cc
// How each paying office pays each group, and the batches of an approved
// cycle as ISO 20022 pain.001 files or providers' CSV lists
// (docs/disbursement.md).
#include <chrono>
#include <memory>
#include <string>

#include "app/disbursement_service.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

struct DisburseOptions {
  std::string db_url;
  std::string action;  // route: set | list
  std::string period;
  std::string unit;
  std::string edition;
  std::string as = "operator";
  std::string format;
  std::string out;
  app::RouteRequest route;
  std::optional<std::int64_t> fee_fixed_vnd;
  std::optional<std::int64_t> fee_bps;
};

app::AuditActor Actor(const DisburseOptions& options) {
  return app::CliActor(options.as);
}

Status Require(const std::string& value, const char* option) {
  if (!value.empty()) return {};
  return Fail(ErrorKind::kInvalidInput, "cli.option_required",
              std::string("Cần tùy chọn ") + option + ".");
}

Result<std::unique_ptr<store::Database>> Open(const DisburseOptions& options) {
  return OpenCurrentDatabase(options.db_url);
}

Status RunRoute(DisburseOptions& options, const CommandContext& context) {
  auto database = Open(options);
  if (!database) return Fail(std::move(database.error()));
  auto session = (*database)->Acquire();
  if (!session) return Fail(std::move(session.error()));
  app::DisbursementService service(**session);
  if (options.action == "list") {
    auto routes = service.ListRoutes(options.unit);
    if (!routes) return Fail(std::move(routes.error()));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& route : *routes) list.push_back(app::ToJson(route));
    PrintSummary(context, {{"routes", list}});
    return {};
  }
  if (auto ok = Require(options.unit, "--unit CODE"); !ok) return ok;
  app::RouteRequest request = options.route;
  request.unit = options.unit;
  request.edition = EditionOrToday(options.edition);
  if (options.fee_bps) {
    request.fee_kind = "PERCENT";
    request.fee_bps = *options.fee_bps;
  } else {
    request.fee_kind = "FIXED";
    request.fee_fixed_vnd = options.fee_fixed_vnd.value_or(0);
  }
  if (request.provider_name.empty()) request.provider_name = request.provider_code;
  request.actor = Actor(options);
  request.now = std::chrono::system_clock::now();
  auto route = service.SetRoute(request);
  if (!route) return Fail(std::move(route.error()));
  PrintSummary(context, app::ToJson(*route));  // a store record: app::ToJson is not found by ADL
  return {};
}

Status RunExport(const DisburseOptions& options, const CommandContext& context) {
  for (auto [value, name] : {std::pair{&options.period, "--period YYYY-MM"},
                             {&options.unit, "--unit CODE"},
                             {&options.format, "--format"},
                             {&options.out, "--out DIR"}}) {
    if (auto ok = Require(*value, name); !ok) return ok;
  }
  auto database = Open(options);
  if (!database) return Fail(std::move(database.error()));
  auto session = (*database)->Acquire();
  if (!session) return Fail(std::move(session.error()));
  const app::ExportRequest request{
      options.period, options.unit,   EditionOrToday(options.edition), options.format,
      options.out,    Actor(options), std::chrono::system_clock::now()};
  auto summary = app::DisbursementService(**session).Export(request);
  return PrintOutcome(context, summary);
}

}  // namespace

void RegisterDisburseCommand(CLI::App& app, CommandContext& context) {
  auto o = std::make_shared<DisburseOptions>();
  CLI::App* command = app.add_subcommand(
      "disburse", "Chi trả: tuyến chi trả, xuất lô (pain.001, CSV), ghi nhận kết quả (pain.002)");
  AddDatabaseOption(*command, o->db_url);
  command->require_subcommand(1);

  CLI::App* route = command->add_subcommand("route", "Tuyến chi trả theo đơn vị và nhóm");
  route->add_option("action", o->action, "set | list")
      ->required()
      ->check(CLI::IsMember({"set", "list"}));
  route->add_option("--unit", o->unit, "Đơn vị chi trả (2, 3 hoặc 5 chữ số)");
  AddEditionOption(*route, o->edition);
  route->add_option("--group", o->route.group, "Nhóm đối tượng: NCC | BTXH");
  route->add_option("--route", o->route.route_kind, "TREASURY_DIRECT | PROVIDER");
  route->add_option("--provider", o->route.provider_code, "Mã BIN hoặc mã tổ chức chi trả");
  route->add_option("--provider-name", o->route.provider_name, "Tên tổ chức chi trả");
  route->add_option("--contract", o->route.contract_number, "Số hợp đồng chi trả");
  route->add_option("--account", o->route.source_account, "Tài khoản chi của đơn vị");
  route->add_option("--fee-fixed", o->fee_fixed_vnd, "Phí cố định mỗi giao dịch (đồng)");
  route->add_option("--fee-bps", o->fee_bps, "Phí theo tỷ lệ, điểm cơ bản (55 = 0,55 %)");
  route->add_option("--fee-min", o->route.fee_min_vnd, "Phí tối thiểu mỗi giao dịch (đồng)");
  route->add_option("--fee-max", o->route.fee_max_vnd, "Phí tối đa mỗi giao dịch (đồng)");
  route->add_option("--pay-by-day", o->route.pay_by_day, "Hạn chi trả, ngày trong tháng (15)");
  AddActorOption(*route, o->as);
  route->callback([o, &context] { context.outcome = RunRoute(*o, context); });

  CLI::App* exporter = command->add_subcommand("export", "Lập và xuất các lô chi trả của kỳ");
  exporter->add_option("--period", o->period, "Kỳ chi trả (YYYY-MM)");
  exporter->add_option("--unit", o->unit, "Đơn vị chi trả");
  AddEditionOption(*exporter, o->edition);
  exporter->add_option("--format", o->format, "pain001 | csv | xlsx | pdf")
      ->check(CLI::IsMember({"pain001", "csv", "xlsx", "pdf"}));
  exporter->add_option("--out", o->out, "Thư mục ghi tệp");
  AddActorOption(*exporter, o->as);
  exporter->callback([o, &context] { context.outcome = RunExport(*o, context); });

  RegisterDisburseResultsSubcommands(*command, context);
  RegisterDisburseSendSubcommands(*command, context);
  RegisterDisburseSettleSubcommands(*command, context);
}

}  // namespace ansinh::cli
