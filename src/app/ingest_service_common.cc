#include "app/ingest_service_common.h"

#include <algorithm>

#include "store/ledger_store.h"

namespace ansinh::app::ingest_detail {

Error ProblemsError(const std::string& code, std::string message,
                    const std::vector<LineProblem>& problems, ErrorKind kind) {
  Error error = MakeError(kind, code, std::move(message) + " Không ghi nhận gì từ tệp này.");
  for (std::size_t i = 0; i < problems.size() && i < kMaxIngestDetails; ++i) {
    error.details.push_back({problems[i].row, problems[i].field, code, problems[i].message});
  }
  return error;
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string text;
  for (std::size_t i = 0; i < ids.size() && i < 10; ++i) text += (i ? ", " : "") + ids[i];
  if (ids.size() > 10) text += ", …";
  return text;
}

Status PostIngestTransfer(store::SqlSession& session, const std::string& key,
                          std::int64_t cycle_id, const std::string& event,
                          const std::string& reference, const std::string& now,
                          std::vector<core::LedgerLeg> legs) {
  std::erase_if(legs, [](const core::LedgerLeg& leg) { return leg.amount_vnd == 0; });
  if (legs.empty()) return {};
  auto transfer = core::LedgerTransfer::Make(std::move(legs));
  if (!transfer) return Fail(std::move(transfer.error()));
  auto posted = store::MakeLedgerStore(session)->Post({key, cycle_id, event, reference, now},
                                                      *transfer);
  if (!posted) return Fail(std::move(posted.error()));
  if (!*posted) {
    return Fail(ErrorKind::kInternal, "ledger.key_reused",
                "Bút toán " + key + " đã có trong sổ; không ghi lại.");
  }
  return {};
}

void SetBatches(IngestSummary& summary, std::vector<std::string> batch_ids) {
  std::vector<std::string> unique;
  for (auto& id : batch_ids) {
    if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(std::move(id));
  }
  summary.batch_id = unique.size() == 1 ? unique.front() : "";
  summary.batch_ids = std::move(unique);
}

Result<std::int64_t> RecordIngest(store::SqlSession& session, const IngestSummary& summary,
                                  std::int64_t transactions, const AuditActor& actor,
                                  const std::string& now) {
  std::string batches;
  for (const auto& id : summary.batch_ids) batches += (batches.empty() ? "" : ",") + id;
  auto report_id = store::MakeIngestStore(session)->InsertReport(
      {summary.message_id, batches, transactions, actor.name, now, summary.kind});
  if (!report_id) return Fail(std::move(report_id.error()));
  auto audited = AppendAudit(session, actor,
                             AuditEvent{"disburse.ingest", "success", "ingested_report",
                                        summary.message_id, std::nullopt, ToJson(summary)});
  if (!audited) return Fail(audited.error());
  return *report_id;
}

LineStatusChanges::Outcome LineStatusChanges::Add(std::int64_t line_ref,
                                                  const std::string& current,
                                                  const std::string& to) {
  if (const auto queued = queued_.find(line_ref); queued != queued_.end()) {
    return queued->second == to ? Outcome::kUnchanged : Outcome::kConflict;
  }
  if (current == "sent") {
    queued_.emplace(line_ref, to);
    return Outcome::kChanged;
  }
  return current == to ? Outcome::kUnchanged : Outcome::kConflict;
}

Status LineStatusChanges::Apply(store::IngestStore& ingest) const {
  std::map<std::string, std::vector<std::int64_t>> by_state;
  for (const auto& [line_ref, to] : queued_) by_state[to].push_back(line_ref);
  for (const auto& [to, lines] : by_state) {
    auto changed = ingest.SetLinesStatus(lines, "sent", to);
    if (!changed) return Fail(std::move(changed.error()));
    if (*changed != static_cast<std::int64_t>(lines.size())) {
      return Fail(ErrorKind::kConflict, "ingest.status_conflict",
                  "Có dòng chi trả vừa được ghi nhận kết quả khác trong lúc nhập tệp này; "
                  "không ghi nhận gì, hãy nhập lại.");
    }
  }
  return {};
}

}  // namespace ansinh::app::ingest_detail
