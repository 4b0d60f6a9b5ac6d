// The floor under the import benchmark (bench/import_bench.sh): the same
// people, parsed from the same file, written into the same tables of a fresh
// `ansinh init` database with InsertBatched and nothing else: no validation,
// no lookups, no upsert, ids assigned here. Only the inserts and the commit
// are timed; parsing and building the bound values are not.
//   ansinh_import_raw DB_URL FILE.csv
// Prints one JSON object: rows (CSV data rows), people, seconds and
// rows_per_s (wall clock), cpu_seconds and rows_per_cpu_s (this process's
// CPU time over the same sections: on a shared machine wall time measures
// the other tenants too).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "app/import_service_snapshot.h"
#include "app/registry_service.h"
#include "app/registry_service_write.h"
#include "formats/beneficiary_import.h"
#include "store/beneficiary_columns.h"
#include "store/registry_sql.h"
#include "store/sql_session.h"

namespace ansinh {
namespace {

using Clock = std::chrono::steady_clock;

double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

struct Spent {
  double wall = 0;
  double cpu = 0;
};

// Adds the wall and CPU time of `run` to `spent`.
template <class Run>
void Timed(Spent& spent, Run run) {
  const auto wall = Clock::now();
  const double cpu = CpuSeconds();
  run();
  spent.cpu += CpuSeconds() - cpu;
  spent.wall += std::chrono::duration<double>(Clock::now() - wall).count();
}
using store::SqlInt;
using store::SqlNull;
using store::SqlParams;
using store::SqlText;

[[noreturn]] void Die(const Error& error) {
  std::cerr << error.code << ": " << error.message << "\n";
  std::exit(1);
}

template <class T>
T Must(Result<T> result) {
  if (!result) Die(result.error());
  return std::move(*result);
}

store::SqlValue OptionalDate(const std::optional<core::Date>& date) {
  return date ? SqlText(date->ToIso()) : SqlNull();
}

// The bound values of one chunk, table by table, in the stores' column order.
struct ChunkValues {
  SqlParams beneficiaries, entitlements, methods, representatives, findings, history;
  std::size_t beneficiary_params = 0;  // per row: the id and the store's columns
};

void AddPerson(const store::SensitiveFields& fields, const formats::ImportedBeneficiary& imported,
               std::int64_t id, const core::ReferenceCodes& codes, const std::string& now,
               ChunkValues& out) {
  const store::BeneficiaryRecord record{id, imported.person, "pre2025", now, now};
  out.beneficiaries.push_back(SqlInt(id));
  const SqlParams values = Must(store::BeneficiaryValues(fields, record));
  out.beneficiaries.insert(out.beneficiaries.end(), values.begin(), values.end());
  out.beneficiary_params = values.size() + 1;
  store::PersonAggregate aggregate{record, {}, imported.representative,
                                   app::CheckedMethod(imported.payment_method,
                                                      imported.representative, codes)};
  for (const auto& e : imported.entitlements) {
    const core::Entitlement& t = e.entitlement;
    aggregate.entitlements.push_back(t);
    out.entitlements.insert(out.entitlements.end(),
                            {SqlInt(id), SqlText(t.policy_code), SqlText(t.start.ToString()),
                             t.end ? SqlText(t.end->ToString()) : SqlNull(),
                             SqlText(t.decision_number),
                             t.fixed_amount ? SqlInt(t.fixed_amount->dong()) : SqlNull()});
  }
  const auto& record_method = *aggregate.payment_method;
  const core::PaymentMethod& m = record_method.method;
  out.methods.insert(out.methods.end(),
                     {SqlInt(id), SqlText(core::PaymentChannelCode(m.channel)),
                      SqlText(core::RecipientCode(m.recipient)),
                      SqlText(m.account ? m.account->bin_raw : ""),
                      SqlText(m.account ? m.account->account_raw : ""), SqlText(m.holder_name),
                      SqlInt(m.consent ? 1 : 0), SqlText(m.effective_from.ToString()),
                      SqlInt(record_method.valid ? 1 : 0), SqlText(record_method.problems)});
  if (const auto& p = imported.representative) {
    out.representatives.insert(
        out.representatives.end(),
        {SqlInt(id), SqlText(p->kind == core::RepresentativeKind::kGuardian ? "guardian" : "authorised"),
         SqlText(p->full_name), SqlText(p->citizen_id.raw), SqlText(p->phone.raw),
         SqlText(p->relationship), SqlText(p->authorisation_number),
         OptionalDate(p->authorisation_date), OptionalDate(p->valid_from),
         OptionalDate(p->valid_to), SqlText(p->confirmed_by), OptionalDate(p->confirmed_on)});
  }
  for (const auto& f : imported.findings) {
    out.findings.insert(out.findings.end(), {SqlInt(id), SqlText(f.field), SqlText(f.code),
                                             SqlText(f.message), SqlText("open"), SqlText(now)});
  }
  out.history.insert(out.history.end(),
                     {SqlInt(id), SqlText(now), SqlText("bench"), SqlText("imported"),
                      SqlText("bench"), SqlText(imported.payment_method.effective_from.ToString()),
                      SqlInt(0), SqlNull(), SqlText(app::SnapshotText(aggregate))});
}

// Writes one chunk.
void Insert(store::SqlSession& session, const ChunkValues& v) {
  const std::string id_override =
      session.dialect() == store::Dialect::kPostgres ? " OVERRIDING SYSTEM VALUE" : "";
  auto insert = [&session](std::string head, const char* row, std::size_t count,
                           const SqlParams& values) {
    if (values.empty()) return;
    Must(store::InsertBatched(session, head, row, count, values, ""));
  };
  const std::string beneficiary_row = "(" + store::Placeholders(v.beneficiary_params) + ")";
  insert("INSERT INTO beneficiaries (id, " + store::BeneficiaryInsertColumns() + ")" + id_override,
         beneficiary_row.c_str(), v.beneficiary_params, v.beneficiaries);
  insert("INSERT INTO entitlements (beneficiary_id, policy_code, start_month, end_month, "
         "decision_number, fixed_amount_vnd)",
         "(?1, ?2, ?3, ?4, ?5, ?6)", 6, v.entitlements);
  insert("INSERT INTO payment_methods (beneficiary_id, channel, recipient, bin, account_number, "
         "holder_name, consent, effective_month, valid, problems)",
         "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", 10, v.methods);
  insert("INSERT INTO representatives (beneficiary_id, kind, full_name, citizen_id, phone, "
         "relationship, authorisation_number, authorisation_date, valid_from, valid_to, "
         "confirmed_by, confirmed_on)",
         "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", 12, v.representatives);
  insert("INSERT INTO findings (beneficiary_id, field, code, message, status, created_at)",
         "(?1, ?2, ?3, ?4, ?5, ?6)", 6, v.findings);
  insert("INSERT INTO beneficiary_history (beneficiary_id, changed_at, changed_by, change_kind, "
         "reason, effective_month, security_relevant, before_json, after_json)",
         "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", 9, v.history);
}

formats::ImportCatalog Catalog(store::SqlSession& session, const core::ReferenceCodes& codes) {
  formats::ImportCatalog catalog;
  catalog.codes = codes;
  catalog.policies = Must(app::LoadPolicies(session));
  auto communes = Must(session.Query(
      "SELECT code FROM admin_units WHERE edition = 'pre2025' AND level = 'commune'"));
  for (std::size_t r = 0; r < communes.size(); ++r) catalog.communes.insert(communes.Text(r, 0));
  return catalog;
}

int Run(const std::string& url, const std::string& file) {
  auto connection = Must(app::ConnectRegistry(url));
  auto session = Must(connection.database->Acquire());
  if (const char* pragma = std::getenv("ANSINH_RAW_PRAGMA")) {  // experiments only
    if (auto set = session->ExecuteScript(pragma); !set) Die(set.error());
  }
  const formats::ImportCatalog catalog = Catalog(*session, connection.codes);
  const store::SensitiveFields fields(*session);
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  formats::BeneficiaryImportLimits limits;
  limits.max_data_rows = 10'000'000;
  limits.max_file_bytes = bytes.size() + 1;
  auto transaction = Must(store::Transaction::Begin(*session));
  Spent spent;
  std::int64_t next_id = 1;
  std::int64_t people = 0;
  const std::string now = "2025-03-01T00:00:00Z";
  auto parsed = Must(formats::StreamBeneficiaryCsv(
      bytes, catalog, limits, 4096,
      [&](std::vector<formats::ImportedBeneficiary>& chunk, long) -> Status {
        ChunkValues values;
        for (const auto& person : chunk) {
          AddPerson(fields, person, next_id++, connection.codes, now, values);
        }
        people += static_cast<std::int64_t>(chunk.size());
        Timed(spent, [&] { Insert(*session, values); });
        return {};
      }));
  Timed(spent, [&] {
    if (auto committed = transaction.Commit(); !committed) Die(committed.error());
  });
  const auto rows = static_cast<double>(parsed.data_rows);
  std::printf(
      "{\"rows\":%ld,\"people\":%lld,\"seconds\":%.3f,\"rows_per_s\":%.0f,"
      "\"cpu_seconds\":%.3f,\"rows_per_cpu_s\":%.0f}\n",
      parsed.data_rows, static_cast<long long>(people), spent.wall, rows / spent.wall, spent.cpu,
      rows / spent.cpu);
  return 0;
}

}  // namespace
}  // namespace ansinh

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: ansinh_import_raw DB_URL FILE.csv\n";
    return 2;
  }
  return ansinh::Run(argv[1], argv[2]);
}
