// A provider's result sheet: per line paid (in cash with its date) or not paid
// with a reason. Keyed by the SHA-256 of the file, so the same file twice
// changes nothing; ledger per batch holder → paid / returned
// ("sheet:<sha256>:<batch id>").
#include <sodium.h>

#include <array>
#include <map>
#include <utility>
#include <vector>

#include "app/ingest_service.h"
#include "app/ingest_service_common.h"
#include "app/ledger_posting.h"
#include "app/registry_service.h"
#include "formats/provider_result_reader.h"
#include "store/ingest_store.h"
#include "store/payment_result_store.h"

namespace ansinh::app {
namespace {

using ingest_detail::LineProblem;
using ingest_detail::ProblemsError;
using SheetAttempts = std::map<std::string, store::PaymentAttempt>;

std::string SheetSha256Hex(const std::string& bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

bool IsCashChannel(const std::string& channel) {
  return channel == "CASH_PAYPOINT" || channel == "CASH_HOME";
}

Result<SheetAttempts> SheetLiveAttempts(store::SqlSession& session,
                                        const std::vector<formats::ProviderResultRow>& rows) {
  std::vector<std::string> ids;
  std::vector<LineProblem> repeated;
  std::map<std::string, long> first_row;
  for (const auto& row : rows) {
    const auto [at, fresh] = first_row.emplace(row.line_id, row.row_number);
    if (!fresh) {
      repeated.push_back({row.row_number, "ma_dong_chi_tra",
                          "Dòng " + row.line_id + " đã có ở hàng " + std::to_string(at->second) + "."});
    }
    ids.push_back(row.line_id);
  }
  if (!repeated.empty()) {
    return Fail(ProblemsError("ingest.duplicate_lines", "Bảng kết quả nêu một dòng nhiều lần.",
                              repeated));
  }
  auto found = store::MakePaymentResultStore(session)->LiveAttempts(ids);
  if (!found) return Fail(std::move(found.error()));
  SheetAttempts attempts;
  for (auto& a : *found) attempts.emplace(a.line_id, std::move(a));
  return attempts;
}

// The problems of one kind, in the order they are reported.
struct SheetProblems {
  std::vector<LineProblem> unknown, batch, amount, reason, date;
  std::vector<std::string> unknown_ids;
};

void CheckSheetRow(const formats::ProviderResultRow& row, const SheetAttempts& attempts,
                   SheetProblems& p) {
  const auto a = attempts.find(row.line_id);
  if (a == attempts.end()) {
    p.unknown.push_back({row.row_number, "ma_dong_chi_tra",
                         "Không có dòng chi trả " + row.line_id + " trong lô nào đang chi."});
    p.unknown_ids.push_back(row.line_id);
    return;
  }
  if (!row.batch_id.empty() && row.batch_id != a->second.batch_id) {
    p.batch.push_back({row.row_number, "ma_lo",
                       "Dòng " + row.line_id + " thuộc lô " + a->second.batch_id + ", không phải " +
                           row.batch_id + "."});
  }
  if (row.amount_vnd != a->second.transfer_vnd) {
    p.amount.push_back({row.row_number, "so_tien",
                        "Lô ghi " + std::to_string(a->second.transfer_vnd) + " đồng, bảng ghi " +
                            std::to_string(row.amount_vnd) + "."});
  }
  if (!row.paid && row.reason.empty()) {
    p.reason.push_back({row.row_number, "ly_do", "Dòng chưa chi phải có lý do."});
  }
  if (row.paid && IsCashChannel(a->second.channel) && !row.paid_on) {
    p.date.push_back({row.row_number, "ngay_chi", "Dòng chi tiền mặt phải có ngày chi."});
  }
}

Status CheckSheetRows(const std::vector<formats::ProviderResultRow>& rows,
                      const SheetAttempts& attempts) {
  SheetProblems p;
  for (const auto& row : rows) CheckSheetRow(row, attempts, p);
  if (!p.unknown.empty()) {
    return Fail(ProblemsError("ingest.unknown_lines",
                              "Bảng kết quả có " + std::to_string(p.unknown.size()) +
                                  " dòng không có trong lô nào đang chi: " +
                                  ingest_detail::JoinIds(p.unknown_ids) + ".",
                              p.unknown));
  }
  const std::pair<const char*, const std::vector<LineProblem>*> kinds[] = {
      {"ingest.batch_mismatch", &p.batch},
      {"ingest.amount_mismatch", &p.amount},
      {"ingest.reason_missing", &p.reason},
      {"ingest.paid_on_missing", &p.date}};
  for (const auto& [code, problems] : kinds) {
    if (problems->empty()) continue;
    return Fail(ProblemsError(code,
                              "Bảng kết quả có " + std::to_string(problems->size()) +
                                  " dòng không khớp với lô chi trả.",
                              *problems));
  }
  return {};
}

// What the sheet moves out of each batch's holder.
struct SheetBatchTotals {
  const store::PaymentAttempt* attempt = nullptr;  // any attempt of the batch
  std::int64_t paid_vnd = 0;
  std::int64_t failed_vnd = 0;
};

Status ApplySheetRow(ingest_detail::LineStatusChanges& changes,
                     const formats::ProviderResultRow& row,
                     const store::PaymentAttempt& a, IngestSummary& summary,
                     std::map<std::string, SheetBatchTotals>& totals,
                     std::vector<store::ResultRecord>& results) {
  const std::string to = !row.paid ? "failed" : IsCashChannel(a.channel) ? "paid_cash" : "paid";
  using Outcome = ingest_detail::LineStatusChanges::Outcome;
  const Outcome outcome = changes.Add(a.line_ref, a.line_status, to);
  if (outcome == Outcome::kUnchanged) {
    ++summary.unchanged;
    return {};
  }
  if (outcome == Outcome::kConflict) {
    return Fail(ErrorKind::kConflict, "ingest.status_conflict",
                "Hàng " + std::to_string(row.row_number) + ": dòng " + row.line_id +
                    " đang ở trạng thái " + a.line_status + ", không thể ghi nhận " +
                    (row.paid ? "đã chi" : "chưa chi") + ".");
  }
  SheetBatchTotals& t = totals[a.batch_id];
  t.attempt = &a;
  (row.paid ? t.paid_vnd : t.failed_vnd) += a.transfer_vnd;
  (row.paid ? summary.paid : summary.failed) += 1;
  (row.paid ? summary.paid_vnd : summary.failed_vnd) += a.transfer_vnd;
  store::ResultRecord result{a.batch_ref, a.line_ref, 0, row.paid ? "paid" : "failed",
                             std::nullopt, row.paid_on};
  if (!row.paid) result.reason_code = row.reason.substr(0, 200);
  results.push_back(std::move(result));
  return {};
}

Status RecordSheet(store::SqlSession& session, const ProviderRowsKey& key,
                   const std::map<std::string, SheetBatchTotals>& totals,
                   std::vector<store::ResultRecord>& results, IngestSummary& summary,
                   std::int64_t rows, const AuditActor& actor, const std::string& now) {
  auto report_id = ingest_detail::RecordIngest(session, summary, rows, actor, now);
  if (!report_id) return Fail(report_id.error());
  for (auto& r : results) r.report_ref = *report_id;
  if (auto ok = store::MakeIngestStore(session)->InsertResults(results); !ok) return ok;
  for (const auto& [batch_id, t] : totals) {
    auto posted = ingest_detail::PostIngestTransfer(
        session, key.ledger_key_prefix + ":" + batch_id, t.attempt->cycle_id, key.ledger_event,
        batch_id, now,
        {{HolderOf(t.attempt->route_kind, t.attempt->channel), -(t.paid_vnd + t.failed_vnd)},
         {core::LedgerAccount::kPaid, t.paid_vnd},
         {core::LedgerAccount::kReturned, t.failed_vnd}});
    if (!posted) return posted;
  }
  return {};
}

}  // namespace

Status IngestProviderRows(store::SqlSession& session,
                          const std::vector<formats::ProviderResultRow>& rows,
                          const ProviderRowsKey& key, const AuditActor& actor,
                          const std::string& now, IngestSummary& summary) {
  auto attempts = SheetLiveAttempts(session, rows);
  if (!attempts) return Fail(std::move(attempts.error()));
  if (auto ok = CheckSheetRows(rows, *attempts); !ok) return ok;
  std::vector<std::string> batch_ids;
  for (const auto& row : rows) batch_ids.push_back(attempts->at(row.line_id).batch_id);
  ingest_detail::SetBatches(summary, std::move(batch_ids));
  ingest_detail::LineStatusChanges changes;
  std::map<std::string, SheetBatchTotals> totals;
  std::vector<store::ResultRecord> results;
  for (const auto& row : rows) {
    auto ok = ApplySheetRow(changes, row, attempts->at(row.line_id), summary, totals, results);
    if (!ok) return ok;
  }
  if (auto ok = changes.Apply(*store::MakeIngestStore(session)); !ok) return ok;
  return RecordSheet(session, key, totals, results, summary,
                     static_cast<std::int64_t>(rows.size()), actor, now);
}

Result<IngestSummary> IngestProviderResults(store::SqlSession& session, const std::string& bytes,
                                            const AuditActor& actor,
                                            std::chrono::system_clock::time_point now) {
  const std::string sha = SheetSha256Hex(bytes);
  auto sheet = formats::ParseProviderResults(bytes);
  if (!sheet) return Fail(std::move(sheet.error()));
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  IngestSummary summary;
  summary.kind = "sheet";
  summary.message_id = "sha256:" + sha;
  auto ingest = store::MakeIngestStore(session);
  auto seen = ingest->ReportExists(summary.message_id);
  if (!seen) return Fail(std::move(seen.error()));
  if (*seen) {
    summary.already_ingested = true;
    return summary;
  }
  if (auto ok = IngestProviderRows(session, sheet->rows, {"sheet:" + sha, "sheet.ingest"}, actor,
                                   FormatInstant(now), summary);
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return summary;
}

}  // namespace ansinh::app
