#include "app/ingest_service.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "app/ingest_service_common.h"
#include "app/ledger_posting.h"
#include "app/registry_service.h"
#include "formats/pain002_reader.h"
#include "store/batch_store.h"
#include "store/ingest_store.h"
#include "store/payment_result_store.h"

namespace ansinh::app {
namespace {

using ingest_detail::LineProblem;
using ingest_detail::ProblemsError;
using Pain002Items = std::map<std::string, store::BatchItemView>;

Status CheckPain002Lines(const formats::Pain002Report& report, const Pain002Items& items) {
  std::vector<LineProblem> unknown, mismatched, no_reason;
  std::vector<std::string> unknown_ids;
  for (const auto& t : report.transactions) {
    const auto item = items.find(t.end_to_end_id);
    if (item == items.end()) {
      unknown.push_back({0, t.end_to_end_id, "Dòng " + t.end_to_end_id + " không thuộc lô."});
      unknown_ids.push_back(t.end_to_end_id);
    } else if (!t.amount_vnd || *t.amount_vnd != item->second.transfer_vnd) {
      mismatched.push_back(
          {0, t.end_to_end_id,
           "Lô ghi " + std::to_string(item->second.transfer_vnd) + " đồng, báo cáo ghi " +
               (t.amount_vnd ? std::to_string(*t.amount_vnd) : "không có") + "."});
    } else if (t.status == "RJCT" && !t.reason) {
      no_reason.push_back({0, t.end_to_end_id, "Từ chối mà không có mã lý do."});
    }
  }
  if (!unknown.empty()) {
    return Fail(ProblemsError("ingest.unknown_lines",
                              "Báo cáo có " + std::to_string(unknown.size()) +
                                  " dòng không thuộc lô " + report.original_message_id + ": " +
                                  ingest_detail::JoinIds(unknown_ids) + ".",
                              unknown));
  }
  if (!mismatched.empty()) {
    return Fail(ProblemsError("ingest.amount_mismatch",
                              "Số tiền của " + std::to_string(mismatched.size()) +
                                  " dòng không khớp với lô.",
                              mismatched));
  }
  if (!no_reason.empty()) {
    return Fail(ProblemsError("ingest.reason_missing", "Dòng bị từ chối phải có mã lý do.",
                              no_reason));
  }
  return {};
}

struct Pain002Outcome {
  IngestSummary summary;
  std::vector<store::ResultRecord> results;
};

// Applies each final status; a line reported before with the same result is
// left alone, with another result it is a conflict; an attempt that was
// re-issued since (not live) is past and changes nothing.
Status ApplyPain002(store::SqlSession& session, const formats::Pain002Report& report,
                    const store::BatchRecord& batch, const Pain002Items& items,
                    const std::set<std::int64_t>& dead, Pain002Outcome& o) {
  ingest_detail::LineStatusChanges changes;
  for (const auto& t : report.transactions) {
    const bool paid = t.status == "ACSC" || t.status == "ACCC";
    const store::BatchItemView& item = items.at(t.end_to_end_id);
    if ((!paid && t.status != "RJCT") || dead.count(item.line_ref) > 0) {
      ++o.summary.unchanged;
      continue;
    }
    const std::string to = paid ? "paid" : "failed";
    using Outcome = ingest_detail::LineStatusChanges::Outcome;
    const Outcome outcome = changes.Add(item.line_ref, item.line_status, to);
    if (outcome == Outcome::kUnchanged) {
      ++o.summary.unchanged;
      continue;
    }
    if (outcome == Outcome::kConflict) {
      return Fail(ErrorKind::kConflict, "ingest.status_conflict",
                  "Dòng " + t.end_to_end_id + " đang ở trạng thái " + item.line_status +
                      ", không thể ghi nhận " + t.status + ".");
    }
    (paid ? o.summary.paid : o.summary.failed) += 1;
    (paid ? o.summary.paid_vnd : o.summary.failed_vnd) += item.transfer_vnd;
    store::ResultRecord result{batch.id, item.line_ref, 0, to, std::nullopt, std::nullopt};
    if (!paid) result.reason_code = t.reason;
    o.results.push_back(std::move(result));
  }
  return changes.Apply(*store::MakeIngestStore(session));
}

Status RecordPain002(store::SqlSession& session, const formats::Pain002Report& report,
                     const store::BatchRecord& batch, Pain002Outcome& o, const AuditActor& actor,
                     const std::string& now) {
  auto report_id = ingest_detail::RecordIngest(
      session, o.summary, static_cast<std::int64_t>(report.transactions.size()), actor, now);
  if (!report_id) return Fail(report_id.error());
  for (auto& r : o.results) r.report_ref = *report_id;
  if (auto ok = store::MakeIngestStore(session)->InsertResults(o.results); !ok) return ok;
  return ingest_detail::PostIngestTransfer(
      session, "report:" + report.message_id, batch.cycle_id, "report.ingest", batch.batch_id,
      now,
      {{HolderOf(batch.route_kind, batch.channel), -(o.summary.paid_vnd + o.summary.failed_vnd)},
       {core::LedgerAccount::kPaid, o.summary.paid_vnd},
       {core::LedgerAccount::kReturned, o.summary.failed_vnd}});
}

Result<std::set<std::int64_t>> DeadLineSet(store::SqlSession& session, std::int64_t batch_ref) {
  auto dead = store::MakePaymentResultStore(session)->DeadLines(batch_ref);
  if (!dead) return Fail(std::move(dead.error()));
  return std::set<std::int64_t>(dead->begin(), dead->end());
}

}  // namespace

nlohmann::json ToJson(const IngestSummary& s) {
  nlohmann::json json{{"kind", s.kind},
                      {"message_id", s.message_id},
                      {"batch_id", s.batch_id},
                      {"batch_ids", s.batch_ids},
                      {"already_ingested", s.already_ingested},
                      {"paid", {{"count", s.paid}, {"amount_vnd", s.paid_vnd}}},
                      {"failed", {{"count", s.failed}, {"amount_vnd", s.failed_vnd}}},
                      {"returned", {{"count", s.returned}, {"amount_vnd", s.returned_vnd}}},
                      {"unchanged", s.unchanged}};
  if (s.fallbacks) json["fallbacks"] = ToJson(*s.fallbacks);
  return json;
}

Result<IngestSummary> IngestPain002(store::SqlSession& session, const std::string& xml,
                                    const AuditActor& actor,
                                    std::chrono::system_clock::time_point now) {
  auto report = formats::ParsePain002(xml);
  if (!report) return Fail(std::move(report.error()));
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  Pain002Outcome o;
  o.summary.kind = "pain.002";
  o.summary.message_id = report->message_id;
  ingest_detail::SetBatches(o.summary, {report->original_message_id});
  auto seen = store::MakeIngestStore(session)->ReportExists(report->message_id);
  if (!seen) return Fail(std::move(seen.error()));
  if (*seen) {
    o.summary.already_ingested = true;
    return o.summary;
  }
  auto batches = store::MakeBatchStore(session);
  auto batch = batches->FindBatch(report->original_message_id);
  if (!batch) return Fail(std::move(batch.error()));
  if (!*batch) {
    return Fail(ErrorKind::kNotFound, "ingest.batch_unknown",
                "Không có lô chi trả " + report->original_message_id + ".");
  }
  auto listed = batches->ListItems((*batch)->id);
  if (!listed) return Fail(std::move(listed.error()));
  Pain002Items items;
  for (auto& item : *listed) items.emplace(item.line_id, std::move(item));
  if (auto ok = CheckPain002Lines(*report, items); !ok) return Fail(ok.error());
  auto dead = DeadLineSet(session, (*batch)->id);
  if (!dead) return Fail(std::move(dead.error()));
  if (auto ok = ApplyPain002(session, *report, **batch, items, *dead, o); !ok) {
    return Fail(ok.error());
  }
  if (auto ok = RecordPain002(session, *report, **batch, o, actor, FormatInstant(now)); !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return o.summary;
}

}  // namespace ansinh::app
