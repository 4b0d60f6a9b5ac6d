// `ansinh disburse --db URL send --period YYYY-MM --unit CODE --bank-url URL
//    [--timeout-ms MS] [--edition E] [--as NAME]`
// `ansinh disburse --db URL returns --bank-url URL [--timeout-ms MS]`
// `ansinh disburse --db URL notify --sms-url URL [--max-attempts N] [--timeout-ms MS]`
// The cycle's account batches posted to the bank as pain.001 and each
// pain.002 answer ingested (app/bank_send.h, docs/protocols/bank.md); an SMS
// to the recipient of every paid line (app/sms_notify.h,
// docs/protocols/sms.md). Running either again after a failure finishes the
// job and changes nothing that was already recorded.
#include <chrono>
#include <memory>
#include <string>

#include "adapters/bank_client.h"
#include "adapters/sms_client.h"
#include "app/bank_send.h"
#include "app/init_service.h"
#include "app/sms_notify.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

struct DisburseSendOptions {
  CLI::Option* db = nullptr;  // the parent's --db
  std::string period;
  std::string unit;
  std::string edition;
  std::string bank_url;
  std::int64_t timeout_ms = 30'000;
  std::string as = "operator";
};

Status RunDisburseSend(const DisburseSendOptions& options, const CommandContext& context) {
  auto bank = adapters::MakeBankClient(
      options.bank_url, adapters::BankClientOptions{std::chrono::milliseconds(options.timeout_ms)});
  if (!bank) return Fail(std::move(bank.error()));
  return WithCurrentSession(options.db->as<std::string>(),
                            [&](store::Database& database, store::SqlSession& session) -> Status {
                              auto codes = app::LoadReferenceCodesFromDatabase(database);
                              if (!codes) return Fail(std::move(codes.error()));
                              const app::BankSendRequest request{
                                  options.period, options.unit, EditionOrToday(options.edition),
                                  app::CliActor(options.as), std::chrono::system_clock::now()};
                              auto summary =
                                  app::SendBatchesToBank(session, *codes, **bank, request);
                              return PrintOutcome(context, summary);
                            });
}

Status RunDisburseReturns(const DisburseSendOptions& options, const CommandContext& context) {
  auto bank = adapters::MakeBankClient(
      options.bank_url, adapters::BankClientOptions{std::chrono::milliseconds(options.timeout_ms)});
  if (!bank) return Fail(std::move(bank.error()));
  return WithCurrentSession(
      options.db->as<std::string>(),
      [&](store::Database& database, store::SqlSession& session) -> Status {
        auto codes = app::LoadReferenceCodesFromDatabase(database);
        if (!codes) return Fail(std::move(codes.error()));
        const app::BankReturnsRequest request{options.bank_url, app::CliActor(options.as),
                                              std::chrono::system_clock::now()};
        auto summary = app::IngestBankReturns(session, *codes, **bank, request);
        return PrintOutcome(context, summary);
      });
}

void RegisterDisburseReturns(CLI::App& disburse, CommandContext& context) {
  auto o = std::make_shared<DisburseSendOptions>();
  o->db = disburse.get_option("--db");
  CLI::App* returns = disburse.add_subcommand(
      "returns", "Nhận và ghi nhận các khoản hoàn trả ngân hàng báo về (camt.054)");
  returns->add_option("--bank-url", o->bank_url, "Địa chỉ ngân hàng, ví dụ http://127.0.0.1:8089")
      ->required();
  returns
      ->add_option("--timeout-ms", o->timeout_ms, "Thời gian chờ mỗi yêu cầu (ms, mặc định 30000)")
      ->check(CLI::Range(std::int64_t{100}, std::int64_t{600'000}));
  AddActorOption(*returns, o->as);
  returns->callback([o, &context] { context.outcome = RunDisburseReturns(*o, context); });
}

struct DisburseNotifyOptions {
  CLI::Option* db = nullptr;
  std::string sms_url;
  std::int64_t max_attempts = 3;
  std::int64_t timeout_ms = 10'000;
  std::string as = "operator";
};

Status RunDisburseNotify(const DisburseNotifyOptions& options, const CommandContext& context) {
  auto sms = adapters::MakeSmsClient(
      options.sms_url, adapters::SmsClientOptions{std::chrono::milliseconds(options.timeout_ms)});
  if (!sms) return Fail(std::move(sms.error()));
  return WithCurrentSession(options.db->as<std::string>(),
                            [&](store::Database& database, store::SqlSession& session) -> Status {
                              auto codes = app::LoadReferenceCodesFromDatabase(database);
                              if (!codes) return Fail(std::move(codes.error()));
                              const app::NotifyRequest request{
                                  options.sms_url, options.max_attempts, app::CliActor(options.as),
                                  std::chrono::system_clock::now()};
                              auto summary = app::NotifyPaidLines(session, *codes, **sms, request);
                              return PrintOutcome(context, summary);
                            });
}

void RegisterDisburseNotify(CLI::App& disburse, CommandContext& context) {
  auto o = std::make_shared<DisburseNotifyOptions>();
  o->db = disburse.get_option("--db");
  CLI::App* notify = disburse.add_subcommand(
      "notify", "Nhắn tin SMS báo đã chi trả cho người nhận của các dòng đã chi");
  notify->add_option("--sms-url", o->sms_url, "Địa chỉ cổng SMS, ví dụ http://127.0.0.1:8090")
      ->required();
  notify->add_option("--max-attempts", o->max_attempts, "Số lần gửi tối đa mỗi tin (mặc định 3)");
  notify
      ->add_option("--timeout-ms", o->timeout_ms, "Thời gian chờ mỗi yêu cầu (ms, mặc định 10000)")
      ->check(CLI::Range(std::int64_t{100}, std::int64_t{600'000}));
  AddActorOption(*notify, o->as);
  notify->callback([o, &context] { context.outcome = RunDisburseNotify(*o, context); });
}

}  // namespace

void RegisterDisburseSendSubcommands(CLI::App& disburse, CommandContext& context) {
  auto o = std::make_shared<DisburseSendOptions>();
  o->db = disburse.get_option("--db");
  CLI::App* send = disburse.add_subcommand(
      "send",
      "Gửi các lô chuyển khoản của kỳ tới ngân hàng (pain.001) và ghi nhận kết quả (pain.002)");
  send->add_option("--period", o->period, "Kỳ chi trả (YYYY-MM)")->required();
  send->add_option("--unit", o->unit, "Đơn vị chi trả")->required();
  AddEditionOption(*send, o->edition);
  send->add_option("--bank-url", o->bank_url, "Địa chỉ ngân hàng, ví dụ http://127.0.0.1:8089")
      ->required();
  send->add_option("--timeout-ms", o->timeout_ms, "Thời gian chờ mỗi yêu cầu (ms, mặc định 30000)")
      ->check(CLI::Range(std::int64_t{100}, std::int64_t{600'000}));
  AddActorOption(*send, o->as);
  send->callback([o, &context] { context.outcome = RunDisburseSend(*o, context); });
  RegisterDisburseReturns(disburse, context);
  RegisterDisburseNotify(disburse, context);
}

}  // namespace ansinh::cli
