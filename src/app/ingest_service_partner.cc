// The partner API's results (app/partner_results.h) through the sheet's
// ingest (IngestProviderRows), in one transaction with the message's record.
// Lines are first held to the batch in the path, so a partner never learns
// which batch another provider's line is in: such a line is "unknown".
#include <map>
#include <string_view>
#include <utility>

#include "app/ingest_service.h"
#include "app/ingest_service_common.h"
#include "app/partner_api.h"
#include "app/partner_results.h"
#include "app/registry_service.h"
#include "store/ingest_store.h"
#include "store/partner_store.h"
#include "store/payment_result_store.h"

namespace ansinh::app {
namespace {

using ingest_detail::LineProblem;

// The sheet's column keys as the partner's JSON names them.
std::string PartnerFieldOf(long row, const std::string& sheet_field) {
  static const std::map<std::string_view, std::string_view> kFields = {
      {"ma_dong_chi_tra", "reference_id"}, {"ma_lo", "transaction_id"},
      {"so_tien", "amount_vnd"},           {"ly_do", "reason_code"},
      {"ngay_chi", "paid_on"},             {"ket_qua", "status"}};
  const auto found = kFields.find(sheet_field);
  if (row <= 0 || found == kFields.end()) return sheet_field;
  return "message.disbursement_status[" + std::to_string(row - 1) + "]." +
         std::string(found->second);
}

Error InPartnerTerms(Error error) {
  for (auto& detail : error.details) detail.field = PartnerFieldOf(detail.row, detail.field);
  return error;
}

// Every line the message names must be live in this batch.
Status RequireLinesOfBatch(store::SqlSession& session, const std::string& batch_id,
                           const PartnerResultMessage& message) {
  std::vector<std::string> ids;
  for (const auto& row : message.rows) ids.push_back(row.line_id);
  auto attempts = store::MakePaymentResultStore(session)->LiveAttempts(ids);
  if (!attempts) return Fail(std::move(attempts.error()));
  std::map<std::string, std::string> batch_of;
  for (const auto& a : *attempts) batch_of.emplace(a.line_id, a.batch_id);
  std::vector<LineProblem> unknown;
  std::vector<std::string> unknown_ids;
  for (const auto& row : message.rows) {
    const auto found = batch_of.find(row.line_id);
    if (found != batch_of.end() && found->second == batch_id) continue;
    unknown.push_back({row.row_number, "ma_dong_chi_tra",
                       "Không có dòng chi trả " + row.line_id + " đang chi trong lô " + batch_id +
                           "."});
    unknown_ids.push_back(row.line_id);
  }
  if (unknown.empty()) return {};
  return Fail(InPartnerTerms(ingest_detail::ProblemsError(
      "ingest.unknown_lines",
      "Thông điệp có " + std::to_string(unknown.size()) + " dòng không có trong lô " + batch_id +
          ": " + ingest_detail::JoinIds(unknown_ids) + ".",
      unknown)));
}

// A message seen before: harmless when it is the same, a conflict otherwise.
Result<bool> SeenPartnerMessage(store::SqlSession& session, const std::string& provider,
                                const PartnerResultMessage& message) {
  auto seen = store::MakePartnerStore(session)->FindMessage(provider, message.message_id);
  if (!seen) return Fail(std::move(seen.error()));
  if (!*seen) return false;
  if ((*seen)->body_sha256 != message.body_sha256) {
    return Fail(ErrorKind::kConflict, "partner.message_conflict",
                "Thông điệp " + message.message_id + " đã được ghi nhận với nội dung khác (lúc " +
                    (*seen)->received_at + "); hãy dùng message_id mới cho kết quả mới.");
  }
  return true;
}

// Everything inside the transaction; the caller commits.
Status ApplyPartnerMessage(store::SqlSession& session, const core::Principal& principal,
                           const std::string& provider, const std::string& batch_id,
                           const PartnerResultMessage& message, const AuditActor& actor,
                           const std::string& now, IngestSummary& summary) {
  auto batch = FindPartnerBatch(session, principal, provider, batch_id);
  if (!batch) return Fail(std::move(batch.error()));
  if (message.transaction_id != batch_id) {
    return Fail(ErrorKind::kInvalidInput, "partner.transaction_mismatch",
                "message.transaction_id (" + message.transaction_id +
                    ") phải là mã lô trong đường dẫn (" + batch_id + ").");
  }
  auto seen = SeenPartnerMessage(session, provider, message);
  if (!seen) return Fail(std::move(seen.error()));
  if (*seen) {
    summary.already_ingested = true;
    summary.batch_id = batch_id;
    summary.batch_ids = {batch_id};
    return {};
  }
  if (auto ok = RequireLinesOfBatch(session, batch_id, message); !ok) return ok;
  const std::string key_prefix = "partner:" + provider + ":" + message.message_id;
  if (auto ok = IngestProviderRows(session, message.rows, {key_prefix, "partner.results"}, actor,
                                   now, summary);
      !ok) {
    return Fail(InPartnerTerms(ok.error()));
  }
  return store::MakePartnerStore(session)->InsertMessage(
      {provider, message.message_id, message.body_sha256, batch_id, summary.message_id,
       actor.name, now});
}

}  // namespace

Result<IngestSummary> IngestPartnerResults(store::SqlSession& session,
                                           const core::ReferenceCodes& codes,
                                           const core::Principal& principal,
                                           const std::string& provider,
                                           const std::string& batch_id,
                                           const PartnerResultMessage& message,
                                           const AuditActor& actor,
                                           std::chrono::system_clock::time_point now) {
  IngestSummary summary;
  summary.kind = "sheet";  // the provider's results, in JSON rather than a spreadsheet
  summary.message_id = "partner:" + provider + ":" + message.message_id;
  {
    auto transaction = store::Transaction::Begin(session);
    if (!transaction) return Fail(std::move(transaction.error()));
    if (auto ok = ApplyPartnerMessage(session, principal, provider, batch_id, message, actor,
                                      FormatInstant(now), summary);
        !ok) {
      return Fail(ok.error());
    }
    if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  }
  auto fallbacks = ApplyPaymentFallbacks(session, codes, actor, now);
  if (!fallbacks) return Fail(std::move(fallbacks.error()));
  summary.fallbacks = *fallbacks;
  return summary;
}

}  // namespace ansinh::app
