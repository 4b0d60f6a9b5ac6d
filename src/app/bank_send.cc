#include "app/bank_send.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "app/disbursement_service.h"
#include "store/gateway_cursor_store.h"

namespace ansinh::app {
namespace {

// A private scratch directory (0700) for the batch files, removed when done:
// they name beneficiaries and their accounts and are only a means of transport.
class SendScratch {
 public:
  SendScratch() {
    std::error_code ignored;
    std::string pattern =
        (std::filesystem::temp_directory_path(ignored) / "ansinh-send-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~SendScratch() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  SendScratch(const SendScratch&) = delete;
  SendScratch& operator=(const SendScratch&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

Result<std::string> ReadBatchFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    return Fail(ErrorKind::kInternal, "disburse.scratch_failed",
                "Không đọc lại được tệp lô " + path + ".");
  }
  return bytes.str();
}

}  // namespace

nlohmann::json ToJson(const BankSendSummary& summary) {
  nlohmann::json batches = nlohmann::json::array();
  for (const SentBatch& sent : summary.batches) batches.push_back(ToJson(sent.ingest));
  return {{"period", summary.period},
          {"unit", summary.unit},
          {"paid", summary.paid},
          {"failed", summary.failed},
          {"batches", std::move(batches)}};
}

Result<BankSendSummary> SendBatchesToBank(store::SqlSession& session,
                                          const core::ReferenceCodes& codes,
                                          adapters::BankGateway& bank,
                                          const BankSendRequest& request) {
  SendScratch scratch;
  if (scratch.path().empty()) {
    return Fail(ErrorKind::kInternal, "disburse.scratch_failed",
                "Không tạo được thư mục tạm để lập lệnh chuyển tiền.");
  }
  const ExportRequest exporting{request.period, request.unit,  request.edition, "pain001",
                                scratch.path(), request.actor, request.now};
  auto exported = DisbursementService(session).Export(exporting);
  if (!exported) return Fail(std::move(exported.error()));
  BankSendSummary summary{request.period, request.unit, {}, 0, 0};
  for (const ExportedBatch& batch : exported->batches) {
    if (!batch.file || batch.batch.status != "open") continue;
    auto xml = ReadBatchFile(*batch.file);
    if (!xml) return Fail(std::move(xml.error()));
    auto answer = bank.SubmitPain001(batch.batch.batch_id, *xml);
    if (!answer) return Fail(std::move(answer.error()));
    auto ingested = IngestFile(session, codes, *answer, request.actor, request.now);
    if (!ingested) return Fail(std::move(ingested.error()));
    summary.paid += ingested->paid;
    summary.failed += ingested->failed;
    summary.batches.push_back({batch.batch.batch_id, std::move(*ingested)});
  }
  return summary;
}

nlohmann::json ToJson(const BankReturnsSummary& summary) {
  nlohmann::json notifications = nlohmann::json::array();
  for (const IngestSummary& ingest : summary.notifications) notifications.push_back(ToJson(ingest));
  return {{"since", summary.since}, {"last", summary.last}, {"notifications", notifications}};
}

Result<BankReturnsSummary> IngestBankReturns(store::SqlSession& session,
                                             const core::ReferenceCodes& codes,
                                             adapters::BankGateway& bank,
                                             const BankReturnsRequest& request) {
  const std::string feed = "bank-returns:" + request.bank_url;
  auto cursor = store::ReadGatewayCursor(session, feed);
  if (!cursor) return Fail(std::move(cursor.error()));
  BankReturnsSummary summary{*cursor, *cursor, {}};
  // A bank may page its notifications; a bounded loop reads every page.
  for (int page = 0; page < 1000; ++page) {
    auto returns = bank.FetchReturns(summary.last);
    if (!returns) return Fail(std::move(returns.error()));
    if (!*returns) break;
    auto ingested = IngestFile(session, codes, (*returns)->camt054_xml, request.actor, request.now);
    if (!ingested) return Fail(std::move(ingested.error()));
    if (auto ok = store::WriteGatewayCursor(session, feed, (*returns)->last_entry); !ok) {
      return Fail(ok.error());
    }
    summary.last = (*returns)->last_entry;
    summary.notifications.push_back(std::move(*ingested));
  }
  return summary;
}

}  // namespace ansinh::app
