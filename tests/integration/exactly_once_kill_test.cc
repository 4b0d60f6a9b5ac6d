// Exactly once, proven by killing the process (issue 5 item 9). The real
// `ansinh` binary runs `disburse export` and `disburse ingest` on a copy of a
// demo province whose cycle is approved, and is killed with SIGKILL at its
// k-th crash point (store/crash_point.h: every statement, BEGIN and COMMIT
// included, and every file about to be renamed into place) for every k the
// job has. After each kill the job is simply run again; the database and the
// files must then be exactly what an uninterrupted run leaves — the same
// batches, items, line statuses, ledger transfers and results, the same
// transactions in the files, no temporary file — and `ansinh audit` must be
// clean: no payment lost, none twice, the ledger balanced. The same is done
// for `disburse fund` (the Treasury's advance or payment order) and
// `disburse settle` (with its report) of one payer, once every one of its
// lines has a result. The audit runs in this process (app::AuditLedger, the
// code `ansinh audit` runs) to keep the many kills fast.
//
// ANSINH_KILL_TEST_LONG=1 also kills the recovering run at each of its crash
// points (every pair k1 × k2), well over a thousand kills per store.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app/ledger_audit.h"
#include "app/registry_service.h"
#include "integration/cli_runner.h"
#include "integration/test_database.h"
#include "unit/pain002_test_message.h"

namespace ansinh::app {
namespace {

using testing_support::CommandResult;
using testing_support::RunAnsinh;
using testing_support::TempDir;

// What a run leaves in the database, one line per row, in a stable order.
constexpr const char* kStateQueries[] = {
    "SELECT batch_id, channel, CAST(transfer_count AS TEXT), CAST(total_vnd AS TEXT), "
    "CAST(fee_vnd AS TEXT), status FROM disbursement_batches ORDER BY batch_id",
    "SELECT b.batch_id, i.line_id, CAST(i.transfer_vnd AS TEXT), CAST(i.live AS TEXT) "
    "FROM batch_items i JOIN disbursement_batches b ON b.id = i.batch_ref ORDER BY 1, 2",
    "SELECT line_id, status FROM payment_lines ORDER BY line_id",
    "SELECT t.transfer_key, e.account, CAST(e.amount_vnd AS TEXT) FROM ledger_transfers t "
    "JOIN ledger_entries e ON e.transfer_id = t.id ORDER BY 1, 2, 3",
    "SELECT l.line_id, r.status, COALESCE(r.reason_code, '') FROM payment_results r "
    "JOIN payment_lines l ON l.id = r.line_ref ORDER BY 1",
    "SELECT message_id, batch_id, CAST(transactions AS TEXT) FROM ingested_reports ORDER BY 1",
    "SELECT provider_code, order_number, order_date, CAST(amount_vnd AS TEXT) "
    "FROM settlement_fundings ORDER BY 1, 2",
    "SELECT provider_code, route_kind, CAST(funded_vnd AS TEXT), CAST(returned_vnd AS TEXT), "
    "CAST(fees_vnd AS TEXT), CAST(to_budget_vnd AS TEXT), detail FROM settlements ORDER BY 1",
    "SELECT CAST(batch_ref AS TEXT), CAST(line_ref AS TEXT), CAST(amount_vnd AS TEXT) "
    "FROM settlement_returns ORDER BY 1, 2",
};

std::string DatabaseState(const std::string& url) {
  auto parsed = store::ParseDatabaseUrl(url);
  auto database = store::OpenDatabase(*parsed);
  if (!database) return "cannot open: " + database.error().message;
  auto session = (*database)->Acquire();
  if (!session) return "cannot acquire: " + session.error().message;
  std::string state;
  for (const char* query : kStateQueries) {
    auto rows = (*session)->Query(query);
    if (!rows) return "query failed: " + rows.error().message;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      for (std::size_t c = 0; c < rows->columns(); ++c) state += rows->Text(r, c) + "|";
      state += "\n";
    }
    state += "--\n";
  }
  return state;
}

// The (EndToEndId, InstdAmt) pairs of a pain.001, in file order. Plain
// string search: GCC 12's std::regex trips -Wmaybe-uninitialized under the
// sanitizers.
std::vector<std::pair<std::string, std::string>> Pain001Transactions(const std::string& xml) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string id_open = "<EndToEndId>";
  const std::string amount_open = "<InstdAmt Ccy=\"VND\">";
  for (auto at = xml.find(id_open); at != std::string::npos; at = xml.find(id_open, at)) {
    at += id_open.size();
    const std::string id = xml.substr(at, xml.find('<', at) - at);
    auto amount_at = xml.find(amount_open, at);
    if (amount_at == std::string::npos) break;
    amount_at += amount_open.size();
    out.emplace_back(id, xml.substr(amount_at, xml.find('<', amount_at) - amount_at));
  }
  return out;
}

// The transactions in the files of a directory (end-to-end id and amount),
// with the watermark and creation time left out; a leftover temporary file
// shows as such.
std::string FilesState(const std::filesystem::path& dir) {
  std::set<std::string> entries;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".tmp") != std::string::npos) {
      entries.insert("leftover " + name);
      continue;
    }
    const std::string xml = testing_support::ReadWholeFile(entry.path());
    for (const auto& [id, amount] : Pain001Transactions(xml)) {
      entries.insert(name + " " + id + " " + amount);
    }
  }
  std::string state;
  for (const auto& e : entries) state += e + "\n";
  return state;
}

// The names in a directory, one a line, sorted (a leftover temporary file shows).
std::string KillTestFileNames(const std::filesystem::path& dir) {
  std::set<std::string> names;
  if (std::filesystem::exists(dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      names.insert(entry.path().filename().string());
    }
  }
  std::string text;
  for (const auto& name : names) text += name + "\n";
  return text;
}

bool LongMode() {
  const char* value = std::getenv("ANSINH_KILL_TEST_LONG");
  return value != nullptr && std::string(value) == "1";
}

class ExactlyOnceKillTest : public testing_support::CliTest {
 protected:
  // The demo province with its current cycle approved and a route per group.
  void PrepareCycle() {
    ASSERT_EQ(RunAnsinh("init " + Db() + " --demo 38 --size 300").exit_code, 0);
    period_ = MonthOf(std::chrono::system_clock::now()).ToString();
    const std::string cycle = Db() + " --period " + period_ + " --unit 38";
    ASSERT_EQ(RunAnsinh("payroll run " + cycle).exit_code, 0);
    ASSERT_EQ(RunAnsinh("payroll approve " + cycle + " --as truong_phong").exit_code, 0);
    ASSERT_EQ(RunAnsinh("disburse " + Db() +
                        " route set --unit 38 --group BTXH --route PROVIDER --provider VNPOST "
                        "--contract 12/2025/HĐ --account 3713.0.1055555 --fee-bps 55 "
                        "--fee-min 2000 --fee-max 20000")
                  .exit_code,
              0);
    ASSERT_EQ(RunAnsinh("disburse " + Db() +
                        " route set --unit 38 --group NCC --route TREASURY_DIRECT --provider "
                        "KBNN --contract KB-38 --account 9527.1.1")
                  .exit_code,
              0);
  }

  std::string Export(const std::string& url, const std::filesystem::path& out) const {
    return "disburse --db '" + url + "' export --period " + period_ +
           " --unit 38 --format pain001 --out " + out.string();
  }

  static std::string Ingest(const std::string& url, const std::filesystem::path& file) {
    return "disburse --db '" + url + "' ingest " + file.string();
  }

  // Runs `command` killed at its k-th crash point, then (long mode) the
  // recovery killed at each of its own, then once to the end. Returns false
  // when the first run finished without reaching point k.
  bool KillAndRecover(const std::string& command, long k, int& kills) {
    const CommandResult first = RunAnsinh(command, "ANSINH_CRASH_AT=" + std::to_string(k));
    if (!first.killed) {
      EXPECT_EQ(first.exit_code, 0) << first.out;
      return false;
    }
    ++kills;
    for (long again = 1; LongMode(); ++again) {
      const CommandResult second = RunAnsinh(command, "ANSINH_CRASH_AT=" + std::to_string(again));
      if (!second.killed) break;
      ++kills;
    }
    const CommandResult recovered = RunAnsinh(command);
    EXPECT_EQ(recovered.exit_code, 0) << "after a kill at " << k << ": " << recovered.out;
    return true;
  }

  // `ansinh audit`'s check, run in this process: one process less per kill.
  void ExpectAuditClean(const std::string& url, long k) {
    auto parsed = store::ParseDatabaseUrl(url);
    ASSERT_TRUE(parsed);
    auto opened = store::OpenDatabase(*parsed);
    ASSERT_TRUE(opened) << opened.error().message;
    auto lease = (*opened)->Acquire();
    ASSERT_TRUE(lease) << lease.error().message;
    auto report = AuditLedger(**lease);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_TRUE(report->clean()) << "kill point " << k << ": " << ToJson(*report).dump();
  }

  // Kills `command` on a fresh copy of `base` at each of its crash points;
  // each time the recovered copy must equal `expected` (and the files in
  // `out`, `expected_files`), audit clean; at every fourth point a further
  // run must change nothing. Returns the number of points + 1.
  long KillEveryPoint(const std::string& base, const std::string& expected, const char* what,
                      const std::function<std::string(const std::string&)>& command, int& kills,
                      const std::filesystem::path& out = {},
                      const std::string& expected_files = {}) {
    long k = 1;
    for (;; ++k) {
      const std::string copy = CopyDatabase(base);
      if (!out.empty()) std::filesystem::remove_all(out);
      if (!KillAndRecover(command(copy), k, kills)) break;
      EXPECT_EQ(DatabaseState(copy), expected) << what << " killed at point " << k;
      if (!out.empty()) {
        EXPECT_EQ(KillTestFileNames(out), expected_files) << what << " killed at " << k;
      }
      ExpectAuditClean(copy, k);
      if (k % 4 == 1) {  // a further run changes nothing (every fourth point: time)
        EXPECT_EQ(RunAnsinh(command(copy)).exit_code, 0);
        EXPECT_EQ(DatabaseState(copy), expected) << what << " run again after point " << k;
      }
      DropCopy(copy);
      if (HasFailure()) break;
    }
    return k;
  }

  std::string period_;
};

TEST_P(ExactlyOnceKillTest, ExportAndIngestKilledAtEveryPointEndAsIfNeverInterrupted) {
  PrepareCycle();
  if (HasFatalFailure()) return;
  const std::string approved = CopyDatabase();  // the fixture's handle is closed from here

  // The uninterrupted run: what every interrupted one must end as.
  TempDir reference_out;
  const std::string reference = CopyDatabase();
  const CommandResult exported = RunAnsinh(Export(reference, reference_out.path()));
  ASSERT_EQ(exported.exit_code, 0) << exported.out;
  const std::string exported_state = DatabaseState(reference);
  const std::string exported_files = FilesState(reference_out.path());
  ASSERT_FALSE(exported_files.empty());

  int kills = 0;
  long k = 1;
  for (TempDir out;; ++k) {
    const std::string copy = CopyDatabase(approved);
    std::filesystem::remove_all(out.path());
    std::filesystem::create_directories(out.path());
    if (!KillAndRecover(Export(copy, out.path()), k, kills)) break;
    EXPECT_EQ(DatabaseState(copy), exported_state) << "export killed at point " << k;
    EXPECT_EQ(FilesState(out.path()), exported_files) << "export killed at point " << k;
    ExpectAuditClean(copy, k);
    DropCopy(copy);
    if (HasFailure()) break;
  }
  EXPECT_GE(k, 20) << "the export should have crash points to kill at";

  // A status report for an account batch: the first line paid, the second
  // rejected (account closed), the rest paid.
  const auto summary = nlohmann::json::parse(exported.out);
  std::string batch_id;
  for (const auto& batch : summary["batches"]) {
    if (!batch["file"].is_null() && batch["count"].get<int>() >= 2) {
      batch_id = batch["batch_id"];
      break;
    }
  }
  ASSERT_FALSE(batch_id.empty()) << exported.out;
  const std::string xml =
      testing_support::ReadWholeFile(reference_out.path() / (batch_id + ".xml"));
  std::vector<test::StatusLine> lines;
  for (const auto& [id, amount] : Pain001Transactions(xml)) {
    const bool rejected = lines.size() == 1;
    lines.push_back({id, rejected ? "RJCT" : "ACSC", rejected ? "AC04" : "", amount});
  }
  TempDir report_dir;
  const auto report = report_dir.path() / "pain002.xml";
  std::ofstream(report) << test::Pain002("PSR-KILL-1", batch_id, lines);

  const std::string ingested = CopyDatabase(reference);
  const CommandResult ingest = RunAnsinh(Ingest(ingested, report));
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;
  const std::string ingested_state = DatabaseState(ingested);
  ASSERT_NE(ingested_state, exported_state);

  long m = 1;
  for (;; ++m) {
    const std::string copy = CopyDatabase(reference);
    if (!KillAndRecover(Ingest(copy, report), m, kills)) break;
    EXPECT_EQ(DatabaseState(copy), ingested_state) << "ingest killed at point " << m;
    ExpectAuditClean(copy, m);
    const CommandResult again = RunAnsinh(Ingest(copy, report));
    EXPECT_EQ(again.exit_code, 0);
    EXPECT_EQ(DatabaseState(copy), ingested_state) << "the same report twice, point " << m;
    DropCopy(copy);
    if (HasFailure()) break;
  }
  EXPECT_GE(m, 5) << "the ingest should have crash points to kill at";

  // Settlement of the report's payer: every other account batch of it paid,
  // its cash unclaimed (back to the budget), then its advance or payment
  // order, then its settlement with the XLSX report.
  std::string provider, route;
  std::int64_t batches_vnd = 0, fees_vnd = 0;
  for (const auto& batch : summary["batches"]) {
    if (batch["batch_id"] != batch_id) continue;
    provider = batch["provider"];
    route = batch["route"];
  }
  int report_number = 2;
  for (const auto& batch : summary["batches"]) {
    if (batch["provider"] != provider) continue;
    batches_vnd += batch["amount_vnd"].get<std::int64_t>();
    fees_vnd += batch["fee_vnd"].get<std::int64_t>();
    if (batch["batch_id"] == batch_id || batch["file"].is_null()) continue;
    const std::string other = batch["batch_id"];
    std::vector<test::StatusLine> paid;
    for (const auto& [id, amount] : Pain001Transactions(
             testing_support::ReadWholeFile(reference_out.path() / (other + ".xml")))) {
      paid.push_back({id, "ACSC", "", amount});
    }
    const auto file = report_dir.path() / (other + ".xml");
    std::ofstream(file) << test::Pain002("PSR-KILL-" + std::to_string(report_number++), other,
                                         paid);
    ASSERT_EQ(RunAnsinh(Ingest(ingested, file)).exit_code, 0);
  }
  ASSERT_EQ(RunAnsinh("disburse --db '" + ingested + "' expire-cash --as-of 2099-12-31 --days 1")
                .exit_code,
            0);
  const std::int64_t amount_vnd =
      route == "PROVIDER" ? batches_vnd + fees_vnd + 1'000'000 : batches_vnd;
  const auto fund = [&](const std::string& url) {
    return "disburse --db '" + url + "' fund --period " + period_ + " --unit 38 --provider " +
           provider + " --amount " + std::to_string(amount_vnd) +
           " --order TU-KILL-1 --date 2026-01-05 --as ketoan";
  };
  const std::string funded = CopyDatabase(ingested);
  ASSERT_EQ(RunAnsinh(fund(funded)).exit_code, 0);
  const std::string funded_state = DatabaseState(funded);
  const CommandResult status =
      RunAnsinh("disburse --db '" + funded + "' status --period " + period_ + " --unit 38");
  ASSERT_EQ(status.exit_code, 0) << status.out;
  std::int64_t returned_vnd = -1;
  const auto status_json = nlohmann::json::parse(status.out);
  for (const auto& payer : status_json["payers"]) {
    if (payer["provider"] == provider) returned_vnd = payer["figures"]["returned_vnd"];
  }
  ASSERT_GE(returned_vnd, 0) << status.out;
  TempDir settle_out;
  const auto settle = [&](const std::string& url) {
    return "disburse --db '" + url + "' settle --period " + period_ + " --unit 38 --provider " +
           provider + " --returned-vnd " + std::to_string(returned_vnd) +
           " --as ketoan --format xlsx --report " + settle_out.path().string();
  };
  const std::string settled = CopyDatabase(funded);
  const CommandResult settled_run = RunAnsinh(settle(settled));
  ASSERT_EQ(settled_run.exit_code, 0) << settled_run.out;
  const std::string settled_state = DatabaseState(settled);
  ASSERT_NE(settled_state, funded_state);
  const std::string settled_files = KillTestFileNames(settle_out.path());
  ASSERT_FALSE(settled_files.empty());

  const auto started = std::chrono::steady_clock::now();
  const long f = KillEveryPoint(ingested, funded_state, "fund", fund, kills);
  EXPECT_GE(f, 5) << "the funding should have crash points to kill at";
  const long s = KillEveryPoint(funded, settled_state, "settle", settle, kills, settle_out.path(),
                                settled_files);
  EXPECT_GE(s, 10) << "the settlement should have crash points to kill at";
  std::cout << "[ settle   ] " << (f - 1) + (s - 1) << " kills for fund and settle in "
            << std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - started)
                   .count()
            << " ms\n";
  EXPECT_GE(kills, 50) << "kill points on this store";
  RecordProperty("kills", kills);
  std::cout << "[ kills    ] " << kills << " on this store\n";
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(ExactlyOnceKillTest);

}  // namespace
}  // namespace ansinh::app
