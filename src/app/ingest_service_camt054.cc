// camt.054 returns: a line reported paid whose money came back becomes
// 'returned'; ledger paid → returned, one transfer per line
// ("return:<MsgId>:<line id>").
#include <map>
#include <utility>
#include <vector>

#include "app/ingest_service.h"
#include "app/ingest_service_common.h"
#include "app/registry_service.h"
#include "formats/camt054_reader.h"
#include "store/ingest_store.h"
#include "store/payment_result_store.h"

namespace ansinh::app {
namespace {

using ingest_detail::LineProblem;
using ingest_detail::ProblemsError;
using Camt054Attempts = std::map<std::string, store::PaymentAttempt>;

Result<Camt054Attempts> Camt054LiveAttempts(store::SqlSession& session,
                                            const formats::Camt054Notification& n) {
  std::vector<std::string> ids;
  std::vector<LineProblem> repeated;
  std::map<std::string, int> seen;
  for (const auto& r : n.returns) {
    if (seen[r.end_to_end_id]++ == 1) {
      repeated.push_back({0, r.end_to_end_id, "Dòng " + r.end_to_end_id + " được hoàn trả hai lần."});
    }
    ids.push_back(r.end_to_end_id);
  }
  if (!repeated.empty()) {
    return Fail(ProblemsError("ingest.duplicate_lines",
                              "Thông báo hoàn trả nêu một dòng nhiều lần.", repeated));
  }
  auto found = store::MakePaymentResultStore(session)->LiveAttempts(ids);
  if (!found) return Fail(std::move(found.error()));
  Camt054Attempts attempts;
  for (auto& a : *found) attempts.emplace(a.line_id, std::move(a));
  return attempts;
}

Status CheckCamt054Lines(const formats::Camt054Notification& n, const Camt054Attempts& attempts) {
  std::vector<LineProblem> unknown, mismatched, not_paid;
  std::vector<std::string> unknown_ids;
  for (const auto& r : n.returns) {
    const auto a = attempts.find(r.end_to_end_id);
    if (a == attempts.end()) {
      unknown.push_back({0, r.end_to_end_id, "Không có dòng chi trả " + r.end_to_end_id + "."});
      unknown_ids.push_back(r.end_to_end_id);
    } else if (r.amount_vnd != a->second.transfer_vnd) {
      mismatched.push_back({0, r.end_to_end_id,
                            "Lô ghi " + std::to_string(a->second.transfer_vnd) +
                                " đồng, thông báo hoàn trả ghi " + std::to_string(r.amount_vnd) + "."});
    } else if (a->second.line_status != "paid" && a->second.line_status != "returned") {
      not_paid.push_back({0, r.end_to_end_id,
                          "Dòng đang ở trạng thái " + a->second.line_status + ", chưa được báo đã chi."});
    }
  }
  if (!unknown.empty()) {
    return Fail(ProblemsError("ingest.unknown_lines",
                              "Thông báo hoàn trả có " + std::to_string(unknown.size()) +
                                  " dòng không có trong lô nào đang chi: " +
                                  ingest_detail::JoinIds(unknown_ids) + ".",
                              unknown));
  }
  if (!mismatched.empty()) {
    return Fail(ProblemsError("ingest.amount_mismatch",
                              "Số tiền hoàn trả của " + std::to_string(mismatched.size()) +
                                  " dòng không khớp với lô.",
                              mismatched));
  }
  if (!not_paid.empty()) {
    return Fail(ProblemsError("ingest.status_conflict",
                              "Chỉ hoàn trả được dòng đã được báo chi; " +
                                  std::to_string(not_paid.size()) + " dòng chưa.",
                              not_paid, ErrorKind::kConflict));
  }
  return {};
}

// paid → returned for each line; a line returned before by this attempt is unchanged.
Status ApplyCamt054(store::SqlSession& session, const formats::Camt054Notification& n,
                    const Camt054Attempts& attempts, IngestSummary& summary,
                    std::vector<store::ReturnRecord>& returns) {
  auto ingest = store::MakeIngestStore(session);
  auto results = store::MakePaymentResultStore(session);
  for (const auto& r : n.returns) {
    const store::PaymentAttempt& a = attempts.at(r.end_to_end_id);
    auto changed = ingest->SetLineStatus(a.line_ref, "paid", "returned");
    if (!changed) return Fail(changed.error());
    if (!*changed) {
      auto before = results->ReturnExists(a.batch_ref, a.line_ref);
      if (!before) return Fail(before.error());
      if (!*before) {
        return Fail(ErrorKind::kConflict, "ingest.status_conflict",
                    "Dòng " + r.end_to_end_id + " đã hoàn trả theo cách khác (tiền mặt không "
                    "nhận được); không ghi nhận.");
      }
      ++summary.unchanged;
      continue;
    }
    ++summary.returned;
    summary.returned_vnd += a.transfer_vnd;
    returns.push_back({a.batch_ref, a.line_ref, 0, a.transfer_vnd, r.reason,
                       r.booked_on.empty() ? std::nullopt : std::optional<std::string>(r.booked_on)});
  }
  return {};
}

Status RecordCamt054(store::SqlSession& session, const formats::Camt054Notification& n,
                     const Camt054Attempts& attempts, IngestSummary& summary,
                     std::vector<store::ReturnRecord>& returns, const AuditActor& actor,
                     const std::string& now) {
  auto report_id = ingest_detail::RecordIngest(
      session, summary, static_cast<std::int64_t>(n.returns.size()), actor, now);
  if (!report_id) return Fail(report_id.error());
  for (auto& r : returns) r.report_ref = *report_id;
  if (auto ok = store::MakePaymentResultStore(session)->InsertReturns(returns); !ok) return ok;
  std::map<std::int64_t, const store::PaymentAttempt*> by_line;
  for (const auto& [id, a] : attempts) by_line[a.line_ref] = &a;
  for (const auto& r : returns) {
    const store::PaymentAttempt& a = *by_line.at(r.line_ref);
    auto posted = ingest_detail::PostIngestTransfer(
        session, "return:" + n.message_id + ":" + a.line_id, a.cycle_id, "return.ingest",
        a.batch_id, now,
        {{core::LedgerAccount::kPaid, -r.amount_vnd}, {core::LedgerAccount::kReturned, r.amount_vnd}});
    if (!posted) return posted;
  }
  return {};
}

}  // namespace

Result<IngestSummary> IngestCamt054(store::SqlSession& session, const std::string& xml,
                                    const AuditActor& actor,
                                    std::chrono::system_clock::time_point now) {
  auto n = formats::ParseCamt054(xml);
  if (!n) return Fail(std::move(n.error()));
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  IngestSummary summary;
  summary.kind = "camt.054";
  summary.message_id = "camt054:" + n->message_id;
  summary.unchanged = n->skipped_entries;
  auto seen = store::MakeIngestStore(session)->ReportExists(summary.message_id);
  if (!seen) return Fail(std::move(seen.error()));
  if (*seen) {
    summary.already_ingested = true;
    return summary;
  }
  auto attempts = Camt054LiveAttempts(session, *n);
  if (!attempts) return Fail(std::move(attempts.error()));
  if (auto ok = CheckCamt054Lines(*n, *attempts); !ok) return Fail(ok.error());
  std::vector<std::string> batch_ids;
  for (const auto& r : n->returns) batch_ids.push_back(attempts->at(r.end_to_end_id).batch_id);
  ingest_detail::SetBatches(summary, std::move(batch_ids));
  std::vector<store::ReturnRecord> returns;
  if (auto ok = ApplyCamt054(session, *n, *attempts, summary, returns); !ok) {
    return Fail(ok.error());
  }
  if (auto ok = RecordCamt054(session, *n, *attempts, summary, returns, actor, FormatInstant(now));
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return summary;
}

}  // namespace ansinh::app
