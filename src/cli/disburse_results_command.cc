// `ansinh disburse --db URL ingest FILE [FILE…] [--as NAME]`
//    a pain.002 status report, a camt.054 notification of returned funds or a
//    provider's result sheet (XLSX/CSV), told apart by content; then the
//    follow-up of every rejection (MD07 suspends, AC01/AC04/AC06 block the method).
//    Several files are ingested in order, each in its own transaction, by one
//    process (a month's results at once, without opening the database per file).
// `ansinh disburse --db URL reissue --line LINE_ID --channel C [--as NAME]`
// `ansinh disburse --db URL expire-cash --as-of YYYY-MM-DD [--days N] [--as NAME]`
// `ansinh disburse --db URL overdue --unit CODE --as-of YYYY-MM-DD [--limit N]`
// What happens after a batch is sent (docs/disbursement.md, "Results, returns
// and fallbacks"). Each prints its JSON summary.
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/ingest_service.h"
#include "app/init_service.h"
#include "app/overdue_lines.h"
#include "app/reissue_service.h"
#include "app/unclaimed_cash.h"
#include "cli/command.h"
#include "cli/commands.h"

namespace ansinh::cli {
namespace {

struct DisburseResultsOptions {
  CLI::Option* db = nullptr;  // the parent's --db
  std::vector<std::string> files;
  std::string line;
  std::string channel;
  std::string as_of;
  int days = app::kDefaultUnclaimedDays;
  std::string unit;
  std::int64_t limit = app::kMaxOverdueLines;
  std::string as = "operator";
};

app::AuditActor ResultsActor(const DisburseResultsOptions& options) {
  return app::CliActor(options.as);
}

Status OpenableResultFile(const std::string& path, std::ifstream& in) {
  in.open(path, std::ios::binary);
  if (!in) {
    return Fail(ErrorKind::kNotFound, "cli.file_not_found", "Không đọc được tệp " + path + ".");
  }
  return {};
}

Result<std::string> ReadResultFile(const std::string& path) {
  std::ifstream in;
  if (auto opened = OpenableResultFile(path, in); !opened) return Fail(opened.error());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Files before `failed` are ingested and stay so: the error says which.
Error IngestStopped(const std::vector<std::string>& files, std::size_t failed, Error error) {
  std::string done;
  for (std::size_t i = 0; i < failed; ++i) done += (i == 0 ? "" : ", ") + files[i];
  error.message = "Tệp " + files[failed] + ": " + error.message +
                  (done.empty() ? "" : " Các tệp trước đã được ghi nhận: " + done + ".");
  return error;
}

Status RunResultsIngest(const DisburseResultsOptions& options, const CommandContext& context) {
  // A missing file is refused before any is ingested.
  for (const std::string& file : options.files) {
    std::ifstream in;
    if (auto opened = OpenableResultFile(file, in); !opened) return opened;
  }
  return WithCurrentSession(
      options.db->as<std::string>(), [&](store::Database& database, store::SqlSession& session) {
        auto codes = app::LoadReferenceCodesFromDatabase(database);
        if (!codes) return Status(Fail(std::move(codes.error())));
        nlohmann::json summaries = nlohmann::json::array();
        for (std::size_t i = 0; i < options.files.size(); ++i) {
          auto bytes = ReadResultFile(options.files[i]);
          if (!bytes) return Status(Fail(IngestStopped(options.files, i, bytes.error())));
          auto summary = app::IngestFile(session, *codes, *bytes, ResultsActor(options),
                                         std::chrono::system_clock::now());
          if (options.files.size() == 1) return PrintOutcome(context, summary);
          if (!summary) return Status(Fail(IngestStopped(options.files, i, summary.error())));
          summaries.push_back(app::ToJson(*summary));
          summaries.back()["file"] = options.files[i];
        }
        PrintSummary(context, {{"files", std::move(summaries)}});
        return Status();
      });
}

Status RunResultsReissue(const DisburseResultsOptions& options, const CommandContext& context) {
  return WithCurrentSession(options.db->as<std::string>(), [&](store::Database&,
                                                               store::SqlSession& session) {
    auto summary = app::ReissueLine(session, {options.line, options.channel, ResultsActor(options),
                                              std::chrono::system_clock::now()});
    return PrintOutcome(context, summary);
  });
}

Status RunResultsExpireCash(const DisburseResultsOptions& options, const CommandContext& context) {
  return WithCurrentSession(
      options.db->as<std::string>(), [&](store::Database&, store::SqlSession& session) {
        auto summary = app::ExpireUnclaimedCash(
            session,
            {options.as_of, options.days, ResultsActor(options), std::chrono::system_clock::now()});
        return PrintOutcome(context, summary);
      });
}

Status RunResultsOverdue(const DisburseResultsOptions& options, const CommandContext& context) {
  return WithCurrentSession(
      options.db->as<std::string>(), [&](store::Database&, store::SqlSession& session) {
        auto report = app::ListOverdueLines(session, {options.unit, options.as_of, options.limit});
        return PrintOutcome(context, report);
      });
}

}  // namespace

void RegisterDisburseResultsSubcommands(CLI::App& disburse, CommandContext& context) {
  auto o = std::make_shared<DisburseResultsOptions>();
  o->db = disburse.get_option("--db");

  CLI::App* ingest = disburse.add_subcommand(
      "ingest",
      "Ghi nhận kết quả chi trả: pain.002, camt.054 (hoàn trả) hoặc bảng kết quả XLSX/CSV");
  ingest->add_option("files", o->files, "Tệp kết quả (một hay nhiều)")->required();
  AddActorOption(*ingest, o->as);
  ingest->callback([o, &context] { context.outcome = RunResultsIngest(*o, context); });

  CLI::App* reissue = disburse.add_subcommand("reissue", "Cấp lại dòng chi trả không thành công");
  reissue->add_option("--line", o->line, "Mã dòng chi trả")->required();
  reissue
      ->add_option("--channel", o->channel,
                   "CASH_PAYPOINT | CASH_HOME | BANK_ACCOUNT | MOBILE_MONEY")
      ->required();
  AddActorOption(*reissue, o->as);
  reissue->callback([o, &context] { context.outcome = RunResultsReissue(*o, context); });

  CLI::App* expire = disburse.add_subcommand(
      "expire-cash", "Hoàn về ngân sách tiền mặt không có người nhận sau hạn chi trả");
  expire->add_option("--as-of", o->as_of, "Ngày tính (YYYY-MM-DD)")->required();
  expire->add_option("--days", o->days, "Số ngày sau hạn chi trả (mặc định 30)");
  AddActorOption(*expire, o->as);
  expire->callback([o, &context] { context.outcome = RunResultsExpireCash(*o, context); });

  CLI::App* overdue = disburse.add_subcommand("overdue", "Các dòng chưa chi được đến hạn chi trả");
  overdue->add_option("--unit", o->unit, "Đơn vị chi trả")->required();
  overdue->add_option("--as-of", o->as_of, "Ngày tính (YYYY-MM-DD)")->required();
  overdue->add_option("--limit", o->limit, "Số dòng tối đa (mặc định 10000)");
  overdue->callback([o, &context] { context.outcome = RunResultsOverdue(*o, context); });
}

}  // namespace ansinh::cli
