// PayrollService::Run: the draft of one period for one office, built in one
// transaction from chunks of the office's people.
#include <algorithm>
#include <cstdio>
#include <set>
#include <span>
#include <utility>

#include "app/payroll_office.h"
#include "app/payroll_routing.h"
#include "app/payroll_service.h"
#include "app/rates_service.h"
#include "app/registry_service.h"
#include "core/payroll.h"
#include "store/payroll_facts_store.h"

namespace ansinh::app {
namespace {

// FNV-1a, 64 bit: a fingerprint of what a run wrote, to compare runs cheaply.
class Fingerprint {
 public:
  void Add(std::string_view text) {
    AddPart(text);
    EndText();
  }
  // One text given in parts (hashes as their concatenation), then EndText().
  void AddPart(std::string_view part) {
    for (char c : part) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 1099511628211ULL;
    }
  }
  void EndText() {
    hash_ ^= 0xff;
    hash_ *= 1099511628211ULL;
  }
  std::string Hex() const {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash_));
    return text;
  }

 private:
  unsigned long long hash_ = 14695981039346656037ULL;
};

// Everything one run accumulates while it streams the office's people.
struct RunState {
  std::int64_t cycle_id = 0;
  core::Period period;
  core::CycleOptions options;
  std::string period_text;  // "YYYY-MM"
  std::optional<core::Period> go_live_paid_through;  // the month before go-live
  std::set<std::string> releases;
  CycleSummary summary;
  Fingerprint fingerprint;
  core::CycleComputation computed;  // reused per person
  std::vector<store::PaymentLineRecord> lines;
  std::vector<store::ReceivableRecord> receivables;
  // People whose amounts the core refused (e.g. no rate in force): the run
  // goes on to name them all, then fails without writing anything.
  std::int64_t failed_persons = 0;
  std::vector<ErrorDetail> failures;
};

constexpr std::size_t kMaxFailuresListed = 50;

void RecordFailure(const core::PersonFacts& person, const Error& error, RunState& state) {
  ++state.failed_persons;
  if (state.failures.size() < kMaxFailuresListed) {
    state.failures.push_back({0, person.beneficiary_code, error.code, error.message});
  }
}

Error ComputeFailed(const RunState& state) {
  Error error = MakeError(ErrorKind::kInvalidInput, "payroll.compute_failed",
                          "Không lập được bảng lương: " + std::to_string(state.failed_persons) +
                              " đối tượng không tính được số tiền (xem chi tiết; tối đa " +
                              std::to_string(kMaxFailuresListed) + " dòng). Chưa ghi gì.");
  error.details = state.failures;
  return error;
}

std::int64_t OneOffId(std::span<const store::PayrollOneOff> one_offs,
                      const core::ComputedLine& line) {
  for (const auto& one_off : one_offs) {
    if (one_off.payment.decision_number == line.decision_number) return one_off.id;
  }
  return 0;
}

void AddLines(const store::PayrollPerson& person, std::span<const store::PayrollOneOff> one_offs,
              RunState& state) {
  const LineRouting routing = RouteLine(person.method, state.period, false);
  const std::string& period_text = state.period_text;
  for (const core::ComputedLine& line : state.computed.lines) {
    const bool one_off = line.kind == core::LineKind::kOneOff;
    const std::int64_t one_off_id = one_off ? OneOffId(one_offs, line) : 0;
    store::PaymentLineRecord record{LineId(state.period, line, one_off_id),
                                    state.cycle_id,
                                    period_text,
                                    line.beneficiary_id,
                                    line.beneficiary_code,
                                    one_off ? std::nullopt : std::optional(line.entitlement_id),
                                    one_off ? std::optional(one_off_id) : std::nullopt,
                                    line.policy_code,
                                    core::LineKindCode(line.kind),
                                    line.for_period == state.period
                                        ? period_text
                                        : line.for_period.ToString(),
                                    line.amount.dong(),
                                    routing.channel,
                                    routing.recipient,
                                    routing.status,
                                    routing.hold_reason,
                                    person.commune_code};
    if (!state.releases.empty() && state.releases.contains(record.line_id)) {
      const LineRouting released = RouteLine(person.method, state.period, true);
      record.channel = released.channel;
      record.status = released.status;
      record.hold_reason = released.hold_reason;
    }
    state.summary.totals.Add(record.kind, record.channel, record.amount_vnd);
    if (record.status == "held") ++state.summary.held;
    Fingerprint& print = state.fingerprint;
    print.AddPart(record.line_id);
    print.AddPart("|");
    print.AddPart(std::to_string(record.amount_vnd));
    print.AddPart("|");
    print.AddPart(record.channel);
    print.AddPart("|");
    print.AddPart(record.status);
    print.EndText();
    state.lines.push_back(std::move(record));
  }
  for (const core::RecoveryReceivable& r : state.computed.receivables) {
    state.receivables.push_back({state.cycle_id, period_text, r.beneficiary_id,
                                 r.beneficiary_code, r.entitlement_id, r.for_period.ToString(),
                                 r.amount.dong(), "open"});
    state.summary.receivables.count += 1;
    state.summary.receivables.amount_vnd += r.amount.dong();
    state.fingerprint.Add("V" + std::to_string(r.entitlement_id) + r.for_period.ToString() +
                          std::to_string(r.amount.dong()));
  }
}

// Computes and buffers every person of a chunk.
Status ComputeChunk(store::PayrollChunk& chunk, const core::RateTable& rates, RunState& state) {
  std::size_t next_one_off = 0;
  for (store::PayrollPerson& person : chunk.persons) {
    core::PersonFacts& facts = person.facts;
    if (state.go_live_paid_through &&
        (!facts.paid_through || *facts.paid_through < *state.go_live_paid_through)) {
      facts.paid_through = state.go_live_paid_through;
    }
    while (next_one_off < chunk.one_offs.size() &&
           chunk.one_offs[next_one_off].payment.beneficiary_id < facts.beneficiary_id) {
      ++next_one_off;
    }
    std::size_t end = next_one_off;
    std::vector<core::OneOffPayment> own;
    while (end < chunk.one_offs.size() &&
           chunk.one_offs[end].payment.beneficiary_id == facts.beneficiary_id) {
      own.push_back(chunk.one_offs[end++].payment);
    }
    state.computed.lines.clear();
    state.computed.receivables.clear();
    if (auto ok = core::AppendPersonCycle(facts, rates, chunk.paid, own, state.options,
                                          state.computed);
        !ok) {
      if (ok.error().kind == ErrorKind::kInternal) return ok;
      RecordFailure(facts, ok.error(), state);
      next_one_off = end;
      continue;
    }
    AddLines(person,
             std::span<const store::PayrollOneOff>(chunk.one_offs).subspan(
                 next_one_off, end - next_one_off),
             state);
    ++state.summary.persons;
    next_one_off = end;
  }
  return {};
}

Error LineExists(const Error& cause) {
  Error error = MakeError(ErrorKind::kConflict, "payroll.line_exists",
                          "Một dòng chi trả cùng chế độ, cùng tháng đã có trong bảng lương của "
                          "đơn vị khác trong kỳ này; mỗi khoản chỉ được chi một lần.");
  error.details.push_back({0, "line", cause.code, cause.message});
  return error;
}

Status Flush(store::PayrollCycleStore& cycles, RunState& state) {
  auto written = cycles.InsertLines(state.lines);
  if (!written) {
    if (written.error().code == "db.unique_violation") return Fail(LineExists(written.error()));
    return Fail(std::move(written.error()));
  }
  state.lines.clear();
  if (state.receivables.empty()) return {};
  auto raised = cycles.InsertReceivables(state.receivables);
  if (!raised) return Fail(std::move(raised.error()));
  state.receivables.clear();
  return {};
}

Status StreamOffice(store::SqlSession& session, const PayrollOffice& office,
                    const core::RateTable& rates, std::int64_t chunk_ids, RunState& state) {
  auto facts = store::MakePayrollFactsStore(session);
  auto cycles = store::MakePayrollCycleStore(session);
  auto max_id = facts->MaxBeneficiaryId();
  if (!max_id) return Fail(std::move(max_id.error()));
  auto ledger_from = state.period.PlusMonths(-state.options.lookback_months);
  if (!ledger_from) return Fail(std::move(ledger_from.error()));
  for (std::int64_t first = 1; first <= *max_id; first += chunk_ids) {
    auto chunk = facts->LoadChunk(office.communes, first, first + chunk_ids - 1, state.period,
                                  *ledger_from);
    if (!chunk) return Fail(std::move(chunk.error()));
    if (auto ok = ComputeChunk(*chunk, rates, state); !ok) return ok;
    if (state.failed_persons > 0) {
      state.lines.clear();
      state.receivables.clear();
      continue;
    }
    if (auto ok = Flush(*cycles, state); !ok) return ok;
  }
  if (state.failed_persons > 0) return Fail(ComputeFailed(state));
  return {};
}

// Payroll commits are money: on SQLite they wait for the disk (the register
// runs with synchronous = NORMAL, which may lose the last commits on power loss).
Status MakeCommitsDurable(store::SqlSession& session) {
  if (session.dialect() != store::Dialect::kSqlite) return {};
  auto done = session.Execute("PRAGMA synchronous = FULL");
  if (!done) return Fail(std::move(done.error()));
  return {};
}

// Refuses periods the office may not (re)build; records the go-live period
// on the first run. Returns the month before go-live.
Result<std::optional<core::Period>> CheckPeriod(store::PayrollCycleStore& cycles,
                                                const PayrollOffice& office,
                                                const PayrollRequest& request,
                                                const std::optional<store::PayCycleRecord>& existing) {
  if (existing && existing->status == "approved") {
    return Fail(ErrorKind::kConflict, "payroll.cycle_approved",
                "Bảng lương kỳ " + request.period + " của đơn vị " + office.code +
                    " đã được phê duyệt và khóa; điều chỉnh đưa vào kỳ sau.");
  }
  auto go_live = cycles.GoLive(office.code, office.edition);
  if (!go_live) return Fail(std::move(go_live.error()));
  std::string first = go_live->value_or(request.period);
  if (*go_live && request.period < first) {
    return Fail(ErrorKind::kConflict, "payroll.before_go_live",
                "Kỳ " + request.period + " trước kỳ bắt đầu chi trả trên ansinh của đơn vị (" +
                    first + "); các tháng đó do hệ thống cũ chi trả.");
  }
  auto later = cycles.ApprovedAfter(office.code, office.edition, request.period);
  if (!later) return Fail(std::move(later.error()));
  if (*later) {
    return Fail(ErrorKind::kConflict, "payroll.later_approved",
                "Kỳ " + (*later)->period + " sau kỳ " + request.period +
                    " đã được phê duyệt; không lập lại kỳ trước.");
  }
  if (!*go_live) {
    auto set = cycles.SetGoLive(office.code, office.edition, request.period, request.actor.name,
                                FormatInstant(request.now));
    if (!set) return Fail(std::move(set.error()));
  }
  auto first_period = core::Period::Parse(first);
  if (!first_period) return Fail(std::move(first_period.error()));
  auto before = first_period->PlusMonths(-1);
  if (!before) return Fail(std::move(before.error()));
  return std::optional<core::Period>(*before);
}

}  // namespace

Result<CycleSummary> PayrollService::Run(const PayrollRequest& request) {
  auto period = core::Period::Parse(request.period);
  if (!period) return Fail(std::move(period.error()));
  auto office = ResolveOffice(session_, request.unit, request.edition, request.now);
  if (!office) return Fail(std::move(office.error()));
  auto rates = LoadRateTable(session_);
  if (!rates) return Fail(std::move(rates.error()));
  if (auto ok = MakeCommitsDurable(session_); !ok) return Fail(ok.error());
  auto transaction = store::Transaction::Begin(session_);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto cycles = store::MakePayrollCycleStore(session_);
  auto existing = cycles->Find(office->code, office->edition, request.period);
  if (!existing) return Fail(std::move(existing.error()));
  auto paid_through = CheckPeriod(*cycles, *office, request, *existing);
  if (!paid_through) return Fail(std::move(paid_through.error()));

  RunState state{0, *period, core::CycleOptions{*period, options_.lookback_months},
                 period->ToString(), *paid_through, {}, {}, {}, {}, {}, {}, 0, {}};
  auto releases = cycles->ReleasesFor(request.period);
  if (!releases) return Fail(std::move(releases.error()));
  state.releases = std::move(*releases);
  store::PayCycleRecord& cycle = state.summary.cycle;
  cycle = store::PayCycleRecord{0, office->code, office->edition, request.period, "draft",
                                request.actor.name, FormatInstant(request.now), std::nullopt,
                                std::nullopt, "", 0, 0, 0};
  if (*existing) {
    cycle.id = (*existing)->id;
    if (auto ok = cycles->DeleteContent(cycle.id); !ok) return Fail(ok.error());
  } else {
    auto id = cycles->InsertDraft(cycle);
    if (!id) return Fail(std::move(id.error()));
    cycle.id = *id;
  }
  state.cycle_id = cycle.id;
  if (auto ok = StreamOffice(session_, *office, *rates, options_.chunk_ids, state); !ok) {
    return Fail(ok.error());
  }
  cycle.run_fingerprint = state.fingerprint.Hex();
  cycle.line_count = state.summary.totals.all.count;
  cycle.amount_vnd = state.summary.totals.all.amount_vnd;
  cycle.receivable_count = state.summary.receivables.count;
  if (auto ok = cycles->UpdateDraft(cycle); !ok) return Fail(ok.error());
  nlohmann::json after = ToJson(state.summary);
  if (auto ok = AppendAudit(session_, request.actor,
                            AuditEvent{"payroll.run", "success", "pay_cycle",
                                       office->code + "/" + request.period, std::nullopt, after});
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return std::move(state.summary);
}

}  // namespace ansinh::app
