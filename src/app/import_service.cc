#include "app/import_service.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <utility>

#include "app/registry_service_write.h"
#include "store/import_run_store.h"

namespace ansinh::app {
namespace {

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
  report.beneficiaries = static_cast<std::int64_t>(parsed.beneficiaries.size());
  for (const auto& row : parsed.rejected) {
    report.errors.insert(report.errors.end(), row.errors.begin(), row.errors.end());
  }
  for (const auto& person : parsed.beneficiaries) {
    report.entitlements += static_cast<std::int64_t>(person.entitlements.size());
    report.findings += static_cast<std::int64_t>(person.findings.size());
  }
}

store::ImportRunRecord RunRecord(const ImportReport& report, const std::string& bytes,
                                 const ChangeContext& context) {
  return store::ImportRunRecord{0,
                                report.file_name,
                                static_cast<std::int64_t>(bytes.size()),
                                ContentHash(bytes),
                                report.mode,
                                report.data_rows,
                                report.accepted_rows,
                                report.rejected_rows,
                                report.beneficiaries,
                                report.findings,
                                context.actor,
                                FormatInstant(context.now)};
}

// The one transaction of an import.
Status Write(store::SqlSession& session, const core::ReferenceCodes& codes,
             const formats::BeneficiaryImport& parsed, const std::string& edition,
             const std::string& bytes, const ChangeContext& context, ImportReport& report) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto counts = WriteImportedBeneficiaries(session, codes, parsed.beneficiaries, edition, context);
  if (!counts) return Fail(std::move(counts.error()));
  report.history_entries = counts->history_entries;
  auto run = store::MakeImportRunStore(session)->Insert(RunRecord(report, bytes, context));
  if (!run) return Fail(std::move(run.error()));
  if (auto committed = transaction->Commit(); !committed) return committed;
  report.import_run_id = *run;
  report.committed = true;
  return {};
}

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

Result<ImportReport> ImportBeneficiaryBytes(store::SqlSession& session,
                                            const core::ReferenceCodes& codes,
                                            const std::string& file_name, std::string bytes,
                                            const ImportOptions& options,
                                            const ChangeContext& context) {
  const std::string edition = options.commune_edition.value_or(CommuneEditionOn(context.now));
  auto catalog = BuildCatalog(session, codes, edition);
  if (!catalog) return Fail(std::move(catalog.error()));
  const bool xlsx = LooksLikeXlsx(file_name, bytes);
  auto parsed = xlsx ? formats::ParseBeneficiaryXlsx(bytes, *catalog, options.limits)
                     : formats::ParseBeneficiaryCsv(bytes, *catalog, options.limits);
  if (!parsed) return Fail(std::move(parsed.error()));
  ImportReport report;
  report.file_name = file_name;
  report.mode = options.partial ? "partial" : "all_or_nothing";
  report.dry_run = options.dry_run;
  FillFromParse(report, *parsed);
  const bool refused = !options.partial && parsed->rejected_rows > 0;
  if (options.dry_run || refused || parsed->beneficiaries.empty()) return report;
  if (auto written = Write(session, codes, *parsed, edition, bytes, context, report); !written) {
    return Fail(std::move(written.error()));
  }
  return report;
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
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ImportBeneficiaryBytes(session, codes, file.filename().string(), std::move(bytes), options,
                                context);
}

}  // namespace ansinh::app
