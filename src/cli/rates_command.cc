// `ansinh rates --db URL add --kind BTXH_STANDARD|NCC_STANDARD --amount VND --from YYYY-MM-DD
//  [--basis TEXT] [--as NAME]`
// `ansinh rates --db URL add --policy CODE (--amount VND | --coefficient K) --from YYYY-MM-DD
//  [--to YYYY-MM-DD] [--age-from N] [--age-to M] [--basis TEXT] [--as NAME]`
// `ansinh rates --db URL list [--policy CODE]`
// A province officer adds a standard level or a policy rate with an effective
// date in the past or the future; the next payroll run pays the difference.
#include <memory>
#include <optional>
#include <string>

#include "app/rates_service.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

struct RatesOptions {
  std::string db_url;
  std::string action;
  std::string kind;
  std::string policy;
  std::int64_t amount_vnd = 0;
  std::string coefficient;
  std::string from;
  std::string to;
  int age_from = 0;
  std::optional<int> age_to;
  std::string basis;
  std::string as = "operator";
};

template <class T>
std::optional<T> NonEmpty(const T& value, bool present) {
  return present ? std::optional<T>(value) : std::nullopt;
}

Result<nlohmann::json> Add(app::RatesService& rates, const RatesOptions& options) {
  const app::AuditActor actor{std::nullopt, options.as, "cli", ""};
  const std::string basis = options.basis.empty() ? "thêm bởi " + options.as : options.basis;
  if (!options.kind.empty()) {
    auto level = rates.AddStandardLevel({options.kind, options.amount_vnd, options.from, basis, ""},
                                        actor);
    if (!level) return Fail(std::move(level.error()));
    return nlohmann::json{{"added", "standard_level"}, {"kind", level->kind},
                          {"amount_vnd", level->amount_vnd},
                          {"effective_from", level->effective_from}};
  }
  if (options.policy.empty()) {
    return Fail(ErrorKind::kInvalidInput, "cli.option_required",
                "Cần --kind (mức chuẩn) hoặc --policy (mức của một chế độ).");
  }
  app::NewPolicyRate rate{options.policy,
                          options.age_from,
                          options.age_to,
                          NonEmpty(options.coefficient, !options.coefficient.empty()),
                          NonEmpty(options.amount_vnd, options.amount_vnd != 0),
                          options.from,
                          NonEmpty(options.to, !options.to.empty()),
                          basis};
  auto added = rates.AddPolicyRate(rate, actor);
  if (!added) return Fail(std::move(added.error()));
  return nlohmann::json{{"added", "policy_rate"}, {"policy_code", added->policy_code},
                        {"age_from", added->age_from_years},
                        {"effective_from", added->effective_from}};
}

Status RunRates(const RatesOptions& options, const CommandContext& context) {
  auto database = OpenCurrentDatabase(options.db_url);
  if (!database) return Fail(std::move(database.error()));
  auto session = (*database)->Acquire();
  if (!session) return Fail(std::move(session.error()));
  app::RatesService rates(**session);
  auto result = options.action == "add"
                    ? Add(rates, options)
                    : rates.List(NonEmpty(options.policy, !options.policy.empty()));
  if (!result) return Fail(std::move(result.error()));
  PrintSummary(context, *result);
  return {};
}

}  // namespace

void RegisterRatesCommand(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<RatesOptions>();
  CLI::App* command =
      app.add_subcommand("rates", "Mức chuẩn và mức trợ cấp theo chế độ, có ngày hiệu lực");
  AddDatabaseOption(*command, options->db_url);
  command->add_option("action", options->action, "add | list")
      ->required()
      ->check(CLI::IsMember({"add", "list"}));
  command->add_option("--kind", options->kind, "Mức chuẩn: BTXH_STANDARD hoặc NCC_STANDARD")
      ->check(CLI::IsMember({"BTXH_STANDARD", "NCC_STANDARD"}));
  command->add_option("--policy", options->policy, "Mã chế độ (policy_rates.csv)");
  command->add_option("--amount", options->amount_vnd, "Số tiền, đồng");
  command->add_option("--coefficient", options->coefficient, "Hệ số (chế độ tính theo hệ số)");
  command->add_option("--from", options->from, "Ngày hiệu lực (YYYY-MM-DD)");
  command->add_option("--to", options->to, "Ngày hết hiệu lực (YYYY-MM-DD), nếu có");
  command->add_option("--age-from", options->age_from, "Tuổi từ (nhóm tuổi), mặc định 0");
  command->add_option("--age-to", options->age_to, "Tuổi đến (không gồm), mặc định như nhóm cũ");
  command->add_option("--basis", options->basis, "Căn cứ pháp lý");
  AddActorOption(*command, options->as);
  command->callback([options, &context] { context.outcome = RunRates(*options, context); });
}

}  // namespace ansinh::cli
