// `ansinh beneficiary --db URL show|terminate|suspend|reinstate --code CODE
// [--reason death|moved|ineligible] [--date D] [--destination XA]
// [--effective YYYY-MM] [--back-pay] [--actor WHO]`: look at one person or move them
// through the lifecycle. Dates are dd/mm/yyyy or ISO.
#include <chrono>
#include <memory>
#include <string>

#include "app/registry_service.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

struct BeneficiaryOptions {
  std::string db_url;
  std::string action;
  std::string code;
  std::string reason;
  std::string date;
  std::string destination;
  std::string effective;
  std::string actor;
  std::string note;
  bool back_pay = false;
};

Result<app::StatusChange> ParseChange(const BeneficiaryOptions& options) {
  app::StatusChange change;
  using Kind = app::StatusChange::Kind;
  change.kind = options.action == "suspend"     ? Kind::kSuspend
                : options.action == "reinstate" ? Kind::kReinstate
                                                : Kind::kTerminate;
  if (!options.reason.empty()) {
    auto reason = core::ParseTerminationReason(options.reason);
    if (!reason) return Fail(std::move(reason.error()));
    change.reason = *reason;
  }
  if (!options.date.empty()) {
    auto date = core::Date::Parse(options.date);
    if (!date) return Fail(std::move(date.error()));
    change.date = *date;
  }
  if (!options.destination.empty()) {
    auto commune = core::AdminUnitCode::ParseAtLevel(options.destination, core::AdminLevel::kCommune);
    if (!commune) return Fail(std::move(commune.error()));
    change.destination_commune = *commune;
  }
  if (!options.effective.empty()) {
    auto month = core::Period::Parse(options.effective);
    if (!month) return Fail(std::move(month.error()));
    change.effective_from = *month;
  }
  change.back_pay = options.back_pay;
  return change;
}

Status RunBeneficiary(const BeneficiaryOptions& options, const CommandContext& context) {
  auto connection = app::ConnectRegistry(options.db_url);
  if (!connection) return Fail(std::move(connection.error()));
  auto session = connection->database->Acquire();
  if (!session) return Fail(std::move(session.error()));
  app::RegistryService registry(**session, connection->codes);
  Result<store::PersonAggregate> person = Fail(ErrorKind::kInternal, "cli.unset", "");
  if (options.action == "show") {
    person = registry.Show(options.code);
  } else {
    auto change = ParseChange(options);
    if (!change) return Fail(std::move(change.error()));
    const app::ChangeContext who{app::CommandActor(options.actor), std::chrono::system_clock::now(),
                                 options.note};
    person = registry.ChangeStatus(options.code, *change, who);
  }
  if (!person) return Fail(std::move(person.error()));
  PrintSummary(context, store::SnapshotJson(*person));
  return {};
}

}  // namespace

void RegisterBeneficiaryCommand(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<BeneficiaryOptions>();
  CLI::App* command = app.add_subcommand("beneficiary", "Xem, tạm dừng, hưởng lại, thôi hưởng đối tượng");
  AddDatabaseOption(*command, options->db_url);
  command->add_option("action", options->action, "show | terminate | suspend | reinstate")
      ->required()
      ->check(CLI::IsMember({"show", "terminate", "suspend", "reinstate"}));
  command->add_option("--code", options->code, "Mã đối tượng")->required();
  command->add_option("--reason", options->reason, "Lý do thôi hưởng: death | moved | ineligible")
      ->check(CLI::IsMember({"death", "moved", "ineligible"}));
  command->add_option("--date", options->date, "Ngày (dd/mm/yyyy hoặc yyyy-mm-dd)");
  command->add_option("--destination", options->destination, "Mã xã nơi chuyển đến");
  command->add_option("--effective", options->effective, "Tháng có hiệu lực (YYYY-MM)");
  command->add_flag("--back-pay", options->back_pay,
                    "Hưởng lại có truy lĩnh các tháng tạm dừng (chỉ với reinstate)");
  command->add_option("--note", options->note, "Ghi chú lý do, lưu vào lịch sử");
  command->add_option("--actor", options->actor, "Người thực hiện (mặc định cli:<tên người dùng>)");
  command->callback([options, &context] { context.outcome = RunBeneficiary(*options, context); });
}

}  // namespace ansinh::cli
