#include "app/import_service.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <utility>

#include "app/import_scope.h"
#include "app/registry_service_write.h"
#include "store/import_run_store.h"

namespace ansinh::app {
namespace {

// People per write: large enough that the batched statements run full, small
// enough that a chunk's parsed people and SQL values stay a few megabytes.
constexpr std::size_t kChunkPeople = 4096;

// FNV-1a 64, hex: enough to recognise the same file again, not a security hash.
std::string ContentHash(const std::string& bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : bytes) {
    hash ^= static_cast<std::uint8_t>(c);
    hash *= 1099511628211ull;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

bool LooksLikeXlsx(const std::string& file_name, const std::string& bytes) {
  if (bytes.rfind("PK\x03\x04", 0) == 0) return true;
  const auto extension = std::filesystem::path(file_name).extension().string();
  return extension == ".xlsx" || extension == ".XLSX";
}

Result<formats::ImportCatalog> BuildCatalog(store::SqlSession& session,
                                            const core::ReferenceCodes& codes,
                                            const std::string& edition) {
  formats::ImportCatalog catalog;
  catalog.codes = codes;
  auto policies = LoadPolicies(session);
  if (!policies) return Fail(std::move(policies.error()));
  catalog.policies = std::move(*policies);
  auto communes = session.Query(
      "SELECT code FROM admin_units WHERE edition = ?1 AND level = 'commune'", {store::SqlText(edition)});
  if (!communes) return Fail(std::move(communes.error()));
  for (std::size_t r = 0; r < communes->size(); ++r) catalog.communes.insert(communes->Text(r, 0));
  return catalog;
}

void FillFromParse(ImportReport& report, const formats::BeneficiaryImport& parsed) {
  report.data_rows = parsed.data_rows;
  report.accepted_rows = parsed.accepted_rows;
  report.rejected_rows = parsed.rejected_rows;
  report.error_count = parsed.error_count;
  report.errors_truncated = parsed.rejections_truncated();
  for (const auto& row : parsed.rejected) {
    report.errors.insert(report.errors.end(), row.errors.begin(), row.errors.end());
  }
}

store::ImportRunRecord RunRecord(const ImportReport& report, const ImportSource& source,
                                 const ChangeContext& context) {
  return store::ImportRunRecord{0,
                                report.file_name,
                                source.content_bytes,
                                source.content_hash,
                                report.mode,
                                report.data_rows,
                                report.accepted_rows,
                                report.rejected_rows,
                                report.beneficiaries,
                                report.findings,
                                context.actor,
                                FormatInstant(context.now)};
}

// The one transaction of an import, opened when the first complete people
// arrive and written chunk by chunk while the import may still commit: in
// all-or-nothing mode the first rejected row stops the writing, the parse
// goes on to report every error, and the transaction is rolled back.
class ChunkWriter {
 public:
  ChunkWriter(store::SqlSession& session, const core::ReferenceCodes& codes,
              const std::string& edition, const ImportOptions& options,
              const ChangeContext& context, ImportReport& report)
      : session_(session), codes_(codes), edition_(edition), options_(options),
        context_(context), report_(report) {}

  Status Write(std::vector<formats::ImportedBeneficiary>& people, long rejected_rows_so_far) {
    report_.beneficiaries += static_cast<std::int64_t>(people.size());
    for (const auto& person : people) {
      report_.entitlements += static_cast<std::int64_t>(person.entitlements.size());
      report_.findings += static_cast<std::int64_t>(person.findings.size());
    }
    if (options_.dry_run || (!options_.partial && rejected_rows_so_far > 0)) return {};
    if (!transaction_) {
      if (auto begun = Begin(); !begun) return begun;
    }
    auto counts = WriteImportedBeneficiaries(session_, codes_, people, edition_, existing_max_id_,
                                             context_);
    if (!counts) return Fail(std::move(counts.error()));
    history_entries_ += counts->history_entries;
    return {};
  }

  // Commits what was written, unless the import is refused or wrote nothing.
  Status Finish(const ImportSource& source) {
    const bool refused = !options_.partial && report_.rejected_rows > 0;
    if (!transaction_ || refused) return {};
    report_.history_entries = history_entries_;
    auto run = store::MakeImportRunStore(session_)->Insert(RunRecord(report_, source, context_));
    if (!run) return Fail(std::move(run.error()));
    if (auto audited = AuditImport(*run, source); !audited) return audited;
    if (auto committed = transaction_->Commit(); !committed) return committed;
    report_.import_run_id = *run;
    report_.committed = true;
    return {};
  }

 private:
  // One audit entry per committed import; each person's change is in the
  // history, tagged with the same actor and time.
  Status AuditImport(std::int64_t run_id, const ImportSource& source) {
    return AppendAudit(session_, AuditActorOf(context_),
                       AuditEvent{"import.beneficiaries", "success", "import_run",
                                  std::to_string(run_id), std::nullopt,
                                  nlohmann::json{{"file_name", report_.file_name},
                                                 {"content_hash", source.content_hash},
                                                 {"mode", report_.mode},
                                                 {"accepted_rows", report_.accepted_rows},
                                                 {"rejected_rows", report_.rejected_rows},
                                                 {"beneficiaries", report_.beneficiaries},
                                                 {"history_entries", history_entries_}}});
  }

  Status Begin() {
    auto transaction = store::Transaction::Begin(session_);
    if (!transaction) return Fail(std::move(transaction.error()));
    transaction_.emplace(std::move(*transaction));
    // Ids above this were created by this import: those people have nothing
    // stored to clear or compare with.
    auto max_id = session_.Query("SELECT COALESCE(MAX(id), 0) FROM beneficiaries");
    if (!max_id) return Fail(std::move(max_id.error()));
    existing_max_id_ = max_id->Int64(0, 0);
    return {};
  }

  store::SqlSession& session_;
  const core::ReferenceCodes& codes_;
  const std::string& edition_;
  const ImportOptions& options_;
  const ChangeContext& context_;
  ImportReport& report_;
  std::optional<store::Transaction> transaction_;
  std::int64_t existing_max_id_ = 0;
  std::int64_t history_entries_ = 0;
};

}  // namespace

nlohmann::json ToJson(const ImportReport& r) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : r.errors) {
    errors.push_back({{"row", e.row}, {"column", e.field}, {"code", e.code}, {"message", e.message}});
  }
  return {{"file", r.file_name},
          {"mode", r.mode},
          {"dry_run", r.dry_run},
          {"committed", r.committed},
          {"data_rows", r.data_rows},
          {"accepted_rows", r.accepted_rows},
          {"rejected_rows", r.rejected_rows},
          {"beneficiaries", r.beneficiaries},
          {"entitlements", r.entitlements},
          {"findings", r.findings},
          {"history_entries", r.history_entries},
          {"error_count", r.error_count},
          {"errors_truncated", r.errors_truncated},
          {"errors", std::move(errors)},
          {"import_run_id", r.import_run_id ? nlohmann::json(*r.import_run_id) : nullptr}};
}

Result<ImportReport> ImportBeneficiarySource(store::SqlSession& session,
                                             const core::ReferenceCodes& codes,
                                             const ImportSource& source,
                                             const ImportOptions& options,
                                             const ChangeContext& context) {
  const std::string edition = options.commune_edition.value_or(CommuneEditionOn(context.now));
  auto catalog = BuildCatalog(session, codes, edition);
  if (!catalog) return Fail(std::move(catalog.error()));
  ImportReport report;
  report.file_name = source.file_name;
  report.mode = options.partial ? "partial" : "all_or_nothing";
  report.dry_run = options.dry_run;
  ChunkWriter writer(session, codes, edition, options, context, report);
  std::optional<ImportScopeFilter> scope;  // an upload: only the caller's communes
  if (options.commune_in_scope) scope.emplace(session, edition, options.commune_in_scope);
  auto parsed = source.parse(*catalog, [&writer, &scope](auto& people, long rejected) -> Status {
    if (scope) {
      if (auto ok = scope->Apply(people); !ok) return ok;
      rejected += scope->rejected_rows();
    }
    return writer.Write(people, rejected);
  });
  if (!parsed) return Fail(std::move(parsed.error()));
  if (scope) scope->MergeInto(*parsed);
  FillFromParse(report, *parsed);
  if (auto finished = writer.Finish(source); !finished) return Fail(std::move(finished.error()));
  return report;
}

Result<ImportReport> ImportBeneficiaryBytes(store::SqlSession& session,
                                            const core::ReferenceCodes& codes,
                                            const std::string& file_name, std::string bytes,
                                            const ImportOptions& options,
                                            const ChangeContext& context) {
  ImportSource source;
  source.file_name = file_name;
  source.content_bytes = static_cast<std::int64_t>(bytes.size());
  source.content_hash = ContentHash(bytes);
  const bool xlsx = LooksLikeXlsx(file_name, bytes);
  source.parse = [&bytes, &options, xlsx](const formats::ImportCatalog& catalog,
                                          const formats::ImportedPeopleSink& sink) {
    return xlsx ? formats::StreamBeneficiaryXlsx(std::move(bytes), catalog, options.limits,
                                                 kChunkPeople, sink)
                : formats::StreamBeneficiaryCsv(bytes, catalog, options.limits, kChunkPeople,
                                                sink);
  };
  return ImportBeneficiarySource(session, codes, source, options, context);
}

Result<ImportReport> ImportBeneficiaryFile(store::SqlSession& session,
                                           const core::ReferenceCodes& codes,
                                           const std::filesystem::path& file,
                                           const ImportOptions& options,
                                           const ChangeContext& context) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    return Fail(ErrorKind::kNotFound, "import.file_not_found",
                "Không đọc được tệp " + file.string() + ": " + ec.message());
  }
  const std::size_t limit =
      std::max(options.limits.max_file_bytes, options.limits.xlsx.max_file_bytes);
  if (size > limit) {
    return Fail(ErrorKind::kLimitExceeded, "import.file_too_large",
                "Tệp " + file.string() + " vượt quá giới hạn " + std::to_string(limit) + " byte.");
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return ImportBeneficiaryBytes(session, codes, file.filename().string(), std::move(bytes), options,
                                context);
}

}  // namespace ansinh::app
