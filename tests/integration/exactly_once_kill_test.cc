// Exactly once, proven by killing the process (issue 5 item 9). The real
// `ansinh` binary runs `disburse export` and `disburse ingest` on a copy of a
// demo province whose cycle is approved, and is killed with SIGKILL at its
// k-th crash point (store/crash_point.h: every statement, BEGIN and COMMIT
// included, and every file about to be renamed into place) for every k the
// job has. After each kill the job is simply run again; the database and the
// files must then be exactly what an uninterrupted run leaves — the same
// batches, items, line statuses, ledger transfers and results, the same
// transactions in the files, no temporary file — and `ansinh audit` must be
// clean: no payment lost, none twice, the ledger balanced.
//
// ANSINH_KILL_TEST_LONG=1 also kills the recovering run at each of its crash
// points (every pair k1 × k2), well over a thousand kills per store.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

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

  void ExpectAuditClean(const std::string& url, long k) {
    const CommandResult audit = RunAnsinh("audit --db '" + url + "'");
    EXPECT_EQ(audit.exit_code, 0) << "kill point " << k << ": " << audit.out;
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
  EXPECT_GE(kills, 50) << "kill points on this store";
  RecordProperty("kills", kills);
  std::cout << "[ kills    ] " << kills << " on this store\n";
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(ExactlyOnceKillTest);

}  // namespace
}  // namespace ansinh::app
