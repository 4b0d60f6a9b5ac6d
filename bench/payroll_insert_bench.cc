// The yardstick of bench/payroll_bench.sh: a raw batched insert of as many
// payment lines as a payroll run writes, into the same payment_lines table of
// the same database, in one durable transaction — what the run could cost if
// computing the lines were free. Skipped unless ANSINH_BENCH_DB (a database
// URL with a register) and ANSINH_BENCH_LINES (how many lines) are set.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/payroll_cycle_store.h"
#include "store/sql_session.h"

namespace {

using ansinh::store::PaymentLineRecord;

struct Target {
  std::unique_ptr<ansinh::store::Database> database;
  std::int64_t lines = 0;
};

bool Open(Target& target) {
  const char* url = std::getenv("ANSINH_BENCH_DB");
  const char* lines = std::getenv("ANSINH_BENCH_LINES");
  if (url == nullptr || lines == nullptr) return false;
  auto parsed = ansinh::store::ParseDatabaseUrl(url);
  if (!parsed) return false;
  auto database = ansinh::store::OpenDatabase(*parsed);
  if (!database) return false;
  target.database = std::move(*database);
  target.lines = std::stoll(lines);
  return true;
}

// Lines shaped like a run's, on real entitlements, in a period nobody pays;
// read in pages (a query returns at most SqlSession::kMaxQueryRows rows).
std::vector<PaymentLineRecord> MakeLines(ansinh::store::SqlSession& session, std::int64_t cycle_id,
                                         std::int64_t count) {
  std::vector<PaymentLineRecord> lines;
  std::int64_t after = 0;
  while (static_cast<std::int64_t>(lines.size()) < count) {
    auto rows = session.Query(
        "SELECT e.id, e.beneficiary_id, b.code, e.policy_code, b.commune_code FROM entitlements e "
        "JOIN beneficiaries b ON b.id = e.beneficiary_id WHERE e.id > ?1 ORDER BY e.id LIMIT ?2",
        {ansinh::store::SqlInt(after),
         ansinh::store::SqlInt(std::min<std::int64_t>(count - static_cast<std::int64_t>(lines.size()),
                                                      500'000))});
    if (!rows || rows->empty()) break;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      const std::int64_t entitlement = rows->Int64(r, 0);
      lines.push_back({"209901-" + std::to_string(entitlement) + "-R-209901", cycle_id, "2099-01",
                       rows->Int64(r, 1), rows->Text(r, 2), entitlement, std::nullopt,
                       rows->Text(r, 3), "REGULAR", "2099-01", 500000, "CASH_PAYPOINT", "SELF",
                       "pending", std::nullopt, rows->Text(r, 4)});
      after = entitlement;
    }
  }
  return lines;
}

void BM_PayrollRawInsert(benchmark::State& state) {
  Target target;
  if (!Open(target)) {
    state.SkipWithError("ANSINH_BENCH_DB and ANSINH_BENCH_LINES not set");
    return;
  }
  auto lease = target.database->Acquire();
  if (!lease) {
    state.SkipWithError("cannot connect");
    return;
  }
  ansinh::store::SqlSession& session = **lease;
  if (session.dialect() == ansinh::store::Dialect::kSqlite) {
    (void)session.Execute("PRAGMA synchronous = FULL");
  }
  auto cycles = ansinh::store::MakePayrollCycleStore(session);
  (void)session.Execute("DELETE FROM payment_lines WHERE period = '2099-01'");
  (void)session.Execute("DELETE FROM pay_cycles WHERE period = '2099-01'");
  auto cycle_id = cycles->InsertDraft({0, "99", "2025", "2099-01", "draft", "bench", "2099-01-01T00:00:00Z",
                                       std::nullopt, std::nullopt, "", 0, 0, 0});
  if (!cycle_id) {
    state.SkipWithError("cannot create the bench cycle");
    return;
  }
  const auto lines = MakeLines(session, *cycle_id, target.lines);
  for (auto _ : state) {
    auto transaction = ansinh::store::Transaction::Begin(session);
    constexpr std::size_t kChunk = 20'000;  // as a run flushes
    for (std::size_t first = 0; first < lines.size(); first += kChunk) {
      const auto end = lines.begin() + static_cast<std::ptrdiff_t>(std::min(lines.size(), first + kChunk));
      std::vector<PaymentLineRecord> chunk(lines.begin() + static_cast<std::ptrdiff_t>(first), end);
      if (!cycles->InsertLines(chunk)) state.SkipWithError("insert failed");
    }
    if (!transaction || !transaction->Commit()) state.SkipWithError("commit failed");
    state.PauseTiming();
    (void)session.Execute("DELETE FROM payment_lines WHERE period = '2099-01'");
    state.ResumeTiming();
  }
  (void)session.Execute("DELETE FROM pay_cycles WHERE period = '2099-01'");
  state.counters["lines"] = static_cast<double>(lines.size());
}
BENCHMARK(BM_PayrollRawInsert)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
