// `ansinh disburse --db URL fund --period P --unit U --provider CODE --amount VND
//    --order NUMBER --date YYYY-MM-DD [--as NAME]`
// `ansinh disburse --db URL settle --period P --unit U --provider CODE --returned-vnd VND
//    [--as NAME] [--report DIR --format xlsx|pdf]`
// `ansinh disburse --db URL status --period P --unit U`
// The Treasury's advance or payment order for a payer, the payer's
// settlement with its report, and the cycle's stage with each payer's
// figures (docs/disbursement.md "Settlement"). Each prints its JSON summary.
#include <chrono>
#include <memory>
#include <string>

#include "app/settlement_report.h"
#include "app/settlement_service.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

struct DisburseSettleOptions {
  CLI::Option* db = nullptr;  // the parent's --db
  std::string period;
  std::string unit;
  std::string edition;
  std::string provider;
  std::int64_t amount_vnd = 0;
  std::string order;
  std::string date;
  std::int64_t returned_vnd = -1;
  std::string report;
  std::string format = "xlsx";
  std::string as = "operator";
};

app::CycleRef SettleCycle(const DisburseSettleOptions& o) {
  return {o.period, o.unit, EditionOrToday(o.edition)};
}

Status RunSettleFund(const DisburseSettleOptions& o, const CommandContext& context) {
  return WithCurrentSession(
      o.db->as<std::string>(), [&](store::Database&, store::SqlSession& session) {
        auto summary =
            app::RecordFunding(session, {SettleCycle(o), o.provider, o.amount_vnd, o.order, o.date,
                                         app::CliActor(o.as), std::chrono::system_clock::now()});
        return PrintOutcome(context, summary);
      });
}

Status RunSettleSettle(const DisburseSettleOptions& o, const CommandContext& context) {
  return WithCurrentSession(
      o.db->as<std::string>(), [&](store::Database&, store::SqlSession& session) {
        const auto now = std::chrono::system_clock::now();
        auto summary = app::SettlePayer(
            session, {SettleCycle(o), o.provider, o.returned_vnd, app::CliActor(o.as), now});
        if (!summary) return Status(Fail(std::move(summary.error())));
        nlohmann::json out = app::ToJson(*summary);
        if (!o.report.empty()) {
          auto path = app::WriteSettlementReport(
              session, {SettleCycle(o), o.provider, o.format, o.report, app::CliActor(o.as), now});
          if (!path) return Status(Fail(std::move(path.error())));
          out["report"] = *path;
        }
        PrintSummary(context, out);
        return Status();
      });
}

Status RunSettleStatus(const DisburseSettleOptions& o, const CommandContext& context) {
  return WithCurrentSession(o.db->as<std::string>(), [&](store::Database&,
                                                         store::SqlSession& session) {
    auto status = app::ReadCycleStatus(session, SettleCycle(o), std::chrono::system_clock::now());
    return PrintOutcome(context, status);
  });
}

void AddSettleCycleOptions(CLI::App& command, DisburseSettleOptions& o) {
  command.add_option("--period", o.period, "Kỳ chi trả (YYYY-MM)")->required();
  command.add_option("--unit", o.unit, "Đơn vị chi trả")->required();
  AddEditionOption(command, o.edition);
}

}  // namespace

void RegisterDisburseSettleSubcommands(CLI::App& disburse, CommandContext& context) {
  auto o = std::make_shared<DisburseSettleOptions>();
  o->db = disburse.get_option("--db");

  CLI::App* fund = disburse.add_subcommand(
      "fund", "Ghi nhận tạm ứng (tuyến 1) hoặc ủy nhiệm chi (tuyến 2) của Kho bạc");
  AddSettleCycleOptions(*fund, *o);
  fund->add_option("--provider", o->provider, "Mã đơn vị chi trả")->required();
  fund->add_option("--amount", o->amount_vnd, "Số tiền (đồng)")->required();
  fund->add_option("--order", o->order, "Số lệnh tạm ứng / ủy nhiệm chi")->required();
  fund->add_option("--date", o->date, "Ngày của lệnh (YYYY-MM-DD)")->required();
  AddActorOption(*fund, o->as);
  fund->callback([o, &context] { context.outcome = RunSettleFund(*o, context); });

  CLI::App* settle = disburse.add_subcommand(
      "settle", "Quyết toán tạm ứng / đối chiếu ủy nhiệm chi của một đơn vị chi trả");
  AddSettleCycleOptions(*settle, *o);
  settle->add_option("--provider", o->provider, "Mã đơn vị chi trả")->required();
  settle->add_option("--returned-vnd", o->returned_vnd, "Số tiền đơn vị chi trả hoàn trả (đồng)")
      ->required();
  settle->add_option("--report", o->report, "Thư mục ghi báo cáo quyết toán");
  settle->add_option("--format", o->format, "xlsx | pdf")->check(CLI::IsMember({"xlsx", "pdf"}));
  AddActorOption(*settle, o->as);
  settle->callback([o, &context] { context.outcome = RunSettleSettle(*o, context); });

  CLI::App* status =
      disburse.add_subcommand("status", "Giai đoạn của kỳ chi trả và số liệu từng đơn vị chi trả");
  AddSettleCycleOptions(*status, *o);
  status->callback([o, &context] { context.outcome = RunSettleStatus(*o, context); });
}

}  // namespace ansinh::cli
