#include "app/ingest_service.h"

#include <map>
#include <utility>
#include <vector>

#include "app/ledger_posting.h"
#include "app/registry_service.h"
#include "formats/pain002_reader.h"
#include "store/batch_store.h"
#include "store/ingest_store.h"
#include "store/ledger_store.h"

namespace ansinh::app {
namespace {

constexpr std::size_t kMaxDetails = 50;

using Items = std::map<std::string, store::BatchItemView>;

// Every problem of one kind in the report, named line by line.
Error LineErrors(std::string code, std::string message,
                 const std::vector<std::pair<std::string, std::string>>& lines) {
  Error error = MakeError(ErrorKind::kInvalidInput, code, std::move(message));
  for (std::size_t i = 0; i < lines.size() && i < kMaxDetails; ++i) {
    error.details.push_back({0, lines[i].first, code, lines[i].second});
  }
  return error;
}

Status CheckLines(const formats::Pain002Report& report, const Items& items) {
  std::vector<std::pair<std::string, std::string>> unknown, mismatched, no_reason;
  for (const auto& t : report.transactions) {
    const auto item = items.find(t.end_to_end_id);
    if (item == items.end()) {
      unknown.push_back({t.end_to_end_id, "Dòng " + t.end_to_end_id + " không thuộc lô."});
    } else if (!t.amount_vnd || *t.amount_vnd != item->second.transfer_vnd) {
      mismatched.push_back(
          {t.end_to_end_id, "Lô ghi " + std::to_string(item->second.transfer_vnd) +
                                " đồng, báo cáo ghi " +
                                (t.amount_vnd ? std::to_string(*t.amount_vnd) : "không có") + "."});
    } else if (t.status == "RJCT" && !t.reason) {
      no_reason.push_back({t.end_to_end_id, "Từ chối mà không có mã lý do."});
    }
  }
  std::string ids;
  for (const auto& line : unknown) ids += (ids.empty() ? "" : ", ") + line.first;
  if (!unknown.empty()) {
    return Fail(LineErrors("ingest.unknown_lines",
                           "Báo cáo có " + std::to_string(unknown.size()) +
                               " dòng không thuộc lô " + report.original_message_id + ": " + ids +
                               ". Không ghi nhận gì từ tệp này.",
                           unknown));
  }
  if (!mismatched.empty()) {
    return Fail(LineErrors("ingest.amount_mismatch",
                           "Số tiền của " + std::to_string(mismatched.size()) +
                               " dòng không khớp với lô; không ghi nhận gì từ tệp này.",
                           mismatched));
  }
  if (!no_reason.empty()) {
    return Fail(
        LineErrors("ingest.reason_missing", "Dòng bị từ chối phải có mã lý do.", no_reason));
  }
  return {};
}

struct Outcome {
  IngestSummary summary;
  std::vector<store::ResultRecord> results;
};

// Applies each final status; a line reported before with the same result is
// left alone, with another result it is a conflict.
Status Apply(store::SqlSession& session, const formats::Pain002Report& report,
             const store::BatchRecord& batch, const Items& items, Outcome& o) {
  auto ingest = store::MakeIngestStore(session);
  for (const auto& t : report.transactions) {
    const bool paid = t.status == "ACSC" || t.status == "ACCC";
    if (!paid && t.status != "RJCT") {
      ++o.summary.unchanged;
      continue;
    }
    const store::BatchItemView& item = items.at(t.end_to_end_id);
    const std::string to = paid ? "paid" : "failed";
    auto changed = ingest->SetLineStatus(item.line_ref, "sent", to);
    if (!changed) return Fail(changed.error());
    if (!*changed) {
      if (item.line_status == to) {
        ++o.summary.unchanged;
        continue;
      }
      return Fail(ErrorKind::kConflict, "ingest.status_conflict",
                  "Dòng " + t.end_to_end_id + " đang ở trạng thái " + item.line_status +
                      ", không thể ghi nhận " + t.status + ".");
    }
    (paid ? o.summary.paid : o.summary.failed) += 1;
    (paid ? o.summary.paid_vnd : o.summary.failed_vnd) += item.transfer_vnd;
    o.results.push_back({batch.id, item.line_ref, 0, to,
                         paid ? std::nullopt : std::optional<std::string>(t.reason)});
  }
  return {};
}

Status Record(store::SqlSession& session, const formats::Pain002Report& report,
              const store::BatchRecord& batch, Outcome& o, const AuditActor& actor,
              const std::string& now) {
  auto ingest = store::MakeIngestStore(session);
  auto report_id = ingest->InsertReport({report.message_id, batch.batch_id,
                                         static_cast<std::int64_t>(report.transactions.size()),
                                         actor.name, now});
  if (!report_id) return Fail(report_id.error());
  for (auto& r : o.results) r.report_ref = *report_id;
  if (auto ok = ingest->InsertResults(o.results); !ok) return ok;
  std::vector<core::LedgerLeg> legs;
  const std::int64_t total_vnd = o.summary.paid_vnd + o.summary.failed_vnd;
  if (total_vnd > 0) legs.push_back({HolderOf(batch.route_kind, batch.channel), -total_vnd});
  if (o.summary.paid_vnd > 0) legs.push_back({core::LedgerAccount::kPaid, o.summary.paid_vnd});
  if (o.summary.failed_vnd > 0) {
    legs.push_back({core::LedgerAccount::kReturned, o.summary.failed_vnd});
  }
  if (!legs.empty()) {
    auto transfer = core::LedgerTransfer::Make(std::move(legs));
    if (!transfer) return Fail(transfer.error());
    auto posted = store::MakeLedgerStore(session)->Post(
        {"report:" + report.message_id, batch.cycle_id, "report.ingest", batch.batch_id, now},
        *transfer);
    if (!posted) return Fail(posted.error());
  }
  return AppendAudit(session, actor,
                     AuditEvent{"disburse.ingest", "success", "disbursement_batch", batch.batch_id,
                                std::nullopt, ToJson(o.summary)});
}

}  // namespace

nlohmann::json ToJson(const IngestSummary& s) {
  return {{"message_id", s.message_id},
          {"batch_id", s.batch_id},
          {"already_ingested", s.already_ingested},
          {"paid", {{"count", s.paid}, {"amount_vnd", s.paid_vnd}}},
          {"failed", {{"count", s.failed}, {"amount_vnd", s.failed_vnd}}},
          {"unchanged", s.unchanged}};
}

Result<IngestSummary> IngestPain002(store::SqlSession& session, const std::string& xml,
                                    const AuditActor& actor,
                                    std::chrono::system_clock::time_point now) {
  auto report = formats::ParsePain002(xml);
  if (!report) return Fail(std::move(report.error()));
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  Outcome o{{report->message_id, report->original_message_id}, {}};
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
  Items items;
  for (auto& item : *listed) items.emplace(item.line_id, std::move(item));
  if (auto ok = CheckLines(*report, items); !ok) return Fail(ok.error());
  if (auto ok = Apply(session, *report, **batch, items, o); !ok) return Fail(ok.error());
  if (auto ok = Record(session, *report, **batch, o, actor, FormatInstant(now)); !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return o.summary;
}

}  // namespace ansinh::app
