// DisbursementService::Export: opens the batches of an approved cycle (one
// transaction: batches, items, line statuses, ledger, audit) and writes the
// files of all its batches.
#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "app/disbursement_files.h"
#include "app/disbursement_service.h"
#include "app/ledger_posting.h"
#include "app/payroll_office.h"
#include "app/registry_service.h"
#include "core/batch_plan.h"
#include "core/fee_rule.h"
#include "core/period.h"
#include "store/payroll_cycle_store.h"

namespace ansinh::app {
namespace {

// The lines being planned, by line id (views into the candidate lines, which
// outlive every use); hashed, as a cycle has hundreds of thousands.
using CandidatesById = std::unordered_map<std::string_view, const store::CandidateLine*>;

char ChannelLetter(const std::string& channel) {
  if (channel == "BANK_ACCOUNT") return 'B';
  if (channel == "MOBILE_MONEY") return 'M';
  if (channel == "CASH_HOME") return 'H';
  return 'C';
}

// Lines of two groups share a batch only when their routes agree on
// everything the batch copies.
std::string BatchKey(const store::RouteRecord& r, const std::string& channel) {
  return r.route_kind + "|" + r.provider_code + "|" + channel + "|" + r.contract_number + "|" +
         r.source_account + "|" + r.fee_kind + "|" + std::to_string(r.fee_fixed_vnd) + "|" +
         std::to_string(r.fee_bps) + "|" + std::to_string(r.fee_min_vnd) + "|" +
         std::to_string(r.fee_max_vnd) + "|" + std::to_string(r.pay_by_day);
}

Result<core::FeeRule> FeeOf(const store::RouteRecord& r) {
  if (r.fee_kind == "FIXED") return core::FeeRule::Fixed(r.fee_fixed_vnd);
  return core::FeeRule::Percent(r.fee_bps, r.fee_min_vnd, r.fee_max_vnd);
}

struct Opening {
  store::SqlSession& session;
  const store::PayCycleRecord& cycle;
  const ExportRequest& request;
  std::map<std::string, store::RouteRecord> route_of_key;
};

Result<store::RouteRecord> RouteOf(Opening& o, std::map<std::string, store::RouteRecord>& cache,
                                   const std::string& group) {
  if (auto found = cache.find(group); found != cache.end()) return found->second;
  auto route = store::MakeDisbursementRouteStore(o.session)->Find(o.cycle.unit_code,
                                                                  o.cycle.unit_edition, group);
  if (!route) return Fail(std::move(route.error()));
  if (!*route) {
    return Fail(ErrorKind::kConflict, "disburse.route_missing",
                "Chưa cấu hình tuyến chi trả cho nhóm " + group + " của đơn vị " +
                    o.cycle.unit_code + " (dùng `ansinh disburse route set`).");
  }
  return cache.emplace(group, **route).first->second;
}

Result<std::vector<core::PlanLine>> PlanLines(Opening& o,
                                              const std::vector<store::CandidateLine>& lines) {
  std::map<std::string, store::RouteRecord> by_group;
  std::vector<core::PlanLine> plan;
  plan.reserve(lines.size());
  for (const auto& line : lines) {
    auto route = RouteOf(o, by_group, line.policy_group);
    if (!route) return Fail(std::move(route.error()));
    std::string key = BatchKey(*route, line.channel);
    o.route_of_key.emplace(key, *route);
    plan.push_back({line.line_id, line.beneficiary_id, line.amount_vnd, std::move(key)});
  }
  return plan;
}

Result<store::BatchRecord> NewBatch(Opening& o, const core::PlannedBatch& planned,
                                    const std::string& channel) {
  const store::RouteRecord& route = o.route_of_key.at(planned.batch_key);
  auto fee = FeeOf(route);
  if (!fee) return Fail(std::move(fee.error()));
  auto sequence = store::MakeBatchStore(o.session)->NextSequence(o.cycle.id, route.route_kind,
                                                                 route.provider_code, channel);
  if (!sequence) return Fail(std::move(sequence.error()));
  auto id =
      core::BatchId(o.cycle.period, o.cycle.unit_code, route.route_kind == "PROVIDER" ? 'P' : 'T',
                    route.provider_code, ChannelLetter(channel), static_cast<int>(*sequence));
  if (!id) return Fail(std::move(id.error()));
  std::int64_t fee_vnd = 0;
  for (const auto& item : planned.items) {
    if (item.transfer_vnd > 0) fee_vnd += fee->FeeFor(item.transfer_vnd);
  }
  const std::string day = (route.pay_by_day < 10 ? "0" : "") + std::to_string(route.pay_by_day);
  return store::BatchRecord{0,
                            *id,
                            o.cycle.id,
                            route.route_kind,
                            route.provider_code,
                            route.provider_name,
                            route.contract_number,
                            route.source_account,
                            channel,
                            *sequence,
                            "open",
                            route.fee_kind,
                            route.fee_fixed_vnd,
                            route.fee_bps,
                            route.fee_min_vnd,
                            route.fee_max_vnd,
                            o.cycle.period + "-" + day,
                            planned.transfer_count,
                            planned.total_vnd,
                            fee_vnd,
                            o.request.actor.name,
                            FormatInstant(o.request.now)};
}

Status OpenBatch(Opening& o, const core::PlannedBatch& planned,
                 const CandidatesById& by_id) {
  const std::string& channel = by_id.at(planned.items.front().line_id)->channel;
  auto batch = NewBatch(o, planned, channel);
  if (!batch) return Fail(std::move(batch.error()));
  auto batches = store::MakeBatchStore(o.session);
  auto id = batches->InsertBatch(*batch);
  if (!id) return Fail(std::move(id.error()));
  batch->id = *id;
  std::vector<store::BatchItemRecord> items;
  items.reserve(planned.items.size());
  for (const auto& item : planned.items) {
    items.push_back({*id, by_id.at(item.line_id)->line_ref, item.line_id,
                     static_cast<std::int64_t>(items.size() + 1), item.transfer_vnd});
  }
  if (auto ok = batches->InsertItems(items); !ok) return ok;
  if (auto marked = batches->MarkLinesHandedOver(*id); !marked) return Fail(marked.error());
  if (auto ok = PostBatchOpened(o.session, *batch); !ok) return ok;
  return AppendAudit(o.session, o.request.actor,
                     AuditEvent{"disburse.batch_open", "success", "disbursement_batch",
                                batch->batch_id, std::nullopt,
                                nlohmann::json{{"count", batch->transfer_count},
                                               {"amount_vnd", batch->total_vnd},
                                               {"fee_vnd", batch->fee_vnd}}});
}

// Opens the batches of the cycle's lines not yet in one.
Status OpenBatches(Opening& o) {
  auto transaction = store::Transaction::Begin(o.session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto lines = store::MakeBatchStore(o.session)->CandidateLines(o.cycle.id);
  if (!lines) return Fail(std::move(lines.error()));
  auto plan = PlanLines(o, *lines);
  if (!plan) return Fail(std::move(plan.error()));
  auto planned = core::PlanBatches(*plan);
  if (!planned) return Fail(std::move(planned.error()));
  CandidatesById by_id;
  by_id.reserve(lines->size());
  for (const auto& line : *lines) by_id.emplace(line.line_id, &line);
  for (const auto& batch : *planned) {
    if (auto ok = OpenBatch(o, batch, by_id); !ok) return ok;
  }
  return transaction->Commit();
}

Result<store::PayCycleRecord> ApprovedCycle(store::SqlSession& session, const ExportRequest& r,
                                            PayrollOffice& office) {
  if (auto period = core::Period::Parse(r.period); !period) return Fail(std::move(period.error()));
  auto resolved = ResolveOffice(session, r.unit, r.edition, r.now);
  if (!resolved) return Fail(std::move(resolved.error()));
  office = std::move(*resolved);
  auto cycle = store::MakePayrollCycleStore(session)->Find(office.code, office.edition, r.period);
  if (!cycle) return Fail(std::move(cycle.error()));
  if (!*cycle) {
    return Fail(ErrorKind::kNotFound, "payroll.cycle_not_found",
                "Chưa có bảng lương kỳ " + r.period + " của đơn vị " + r.unit + ".");
  }
  if ((*cycle)->status != "approved") {
    return Fail(ErrorKind::kConflict, "disburse.cycle_not_approved",
                "Bảng lương kỳ " + r.period +
                    " chưa được phê duyệt; chỉ chi trả bảng lương đã "
                    "phê duyệt.");
  }
  return std::move(**cycle);
}

}  // namespace

nlohmann::json ToJson(const ExportSummary& summary) {
  nlohmann::json batches = nlohmann::json::array();
  for (const auto& e : summary.batches) {
    batches.push_back({{"batch_id", e.batch.batch_id},
                       {"route", e.batch.route_kind},
                       {"provider", e.batch.provider_code},
                       {"channel", e.batch.channel},
                       {"count", e.batch.transfer_count},
                       {"amount_vnd", e.batch.total_vnd},
                       {"fee_vnd", e.batch.fee_vnd},
                       {"pay_by", e.batch.pay_by_date},
                       {"opened_now", e.opened_now},
                       {"file", e.file ? nlohmann::json(*e.file) : nlohmann::json(nullptr)}});
  }
  return {{"period", summary.period}, {"unit", summary.unit}, {"batches", batches}};
}

Result<ExportSummary> DisbursementService::Export(const ExportRequest& request) {
  if (request.format != "pain001" && request.format != "csv" && request.format != "xlsx" &&
      request.format != "pdf") {
    return Fail(ErrorKind::kInvalidInput, "disburse.format_invalid",
                "Định dạng xuất phải là pain001, csv, xlsx hoặc pdf.");
  }
  PayrollOffice office;
  auto cycle = ApprovedCycle(session_, request, office);
  if (!cycle) return Fail(std::move(cycle.error()));
  Opening opening{session_, *cycle, request, {}};
  auto existing = store::MakeBatchStore(session_)->ListBatches(cycle->id);
  if (!existing) return Fail(std::move(existing.error()));
  if (auto ok = OpenBatches(opening); !ok) return Fail(ok.error());
  auto batches = store::MakeBatchStore(session_)->ListBatches(cycle->id);
  if (!batches) return Fail(std::move(batches.error()));
  // Every export is on the record, also a re-export that opened nothing, and
  // the entry is written before any file: if the log fails, nothing leaves.
  std::int64_t rows = 0;
  for (const auto& batch : *batches) rows += batch.transfer_count;
  if (auto ok = AuditExport(
          session_, request.actor,
          ExportRecord{"disburse.export", "pay_cycle", cycle->unit_code + "/" + cycle->period,
                       request.format, rows, nlohmann::json{{"batches", batches->size()}}});
      !ok) {
    return Fail(ok.error());
  }
  ExportSummary summary{cycle->period, cycle->unit_code, {}};
  const BatchFileContext context{office.name,
                                 cycle->period,
                                 request.format,
                                 request.out_dir,
                                 ExportStamp{request.actor.name, request.now},
                                 office.communes};
  for (std::size_t i = 0; i < batches->size(); ++i) {
    auto file = WriteBatchFile(session_, (*batches)[i], context);
    if (!file) return Fail(std::move(file.error()));
    summary.batches.push_back({(*batches)[i], i >= existing->size(), *file});
  }
  return summary;
}

}  // namespace ansinh::app
