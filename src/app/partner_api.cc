#include "app/partner_api.h"

#include <map>
#include <optional>
#include <utility>

#include "app/auth_scope.h"
#include "app/disbursement_files.h"
#include "app/export_stamp.h"
#include "app/payroll_office.h"
#include "store/api_token_store.h"

namespace ansinh::app {
namespace {

Error PartnerBatchNotFound(const std::string& batch_id) {
  return MakeError(ErrorKind::kNotFound, "partner.batch_not_found",
                   "Không có lô chi trả " + batch_id + " của tổ chức chi trả này.");
}

// Whether the batch's office lies in the principal's scope, asked once per office.
Result<bool> OfficeInScope(store::SqlSession& session, const core::Principal& principal,
                           const store::PartnerBatchRecord& batch,
                           std::map<std::string, bool>& seen) {
  const std::string key = batch.unit_edition + "/" + batch.unit_code;
  if (const auto found = seen.find(key); found != seen.end()) return found->second;
  auto in_scope = IsUnitInScope(session, principal, batch.unit_edition, batch.unit_code);
  if (!in_scope) return Fail(std::move(in_scope.error()));
  seen.emplace(key, *in_scope);
  return *in_scope;
}

bool IsPartnerFormat(const std::string& format) {
  return format == "pain001" || format == "csv" || format == "xlsx" || format == "pdf";
}

}  // namespace

Result<std::string> PartnerProviderOf(store::SqlSession& session,
                                      const core::Principal& principal) {
  auto code = store::MakeApiTokenStore(session)->ProviderCodeOf(principal.user_id);
  if (!code) return Fail(std::move(code.error()));
  if (!*code || principal.role != core::Role::kProviderOperator) {
    return Fail(ErrorKind::kForbidden, "partner.not_a_partner",
                "Tài khoản này không gắn với tổ chức chi trả nào; API đối tác chỉ dùng mã API "
                "tạo với --provider.");
  }
  return std::move(**code);
}

Result<PartnerBatchList> ListPartnerBatches(store::SqlSession& session,
                                            const core::Principal& principal,
                                            const std::string& provider, const std::string& status) {
  if (status != "open" && status != "closed" && status != "all") {
    return Fail(ErrorKind::kInvalidInput, "partner.status_invalid",
                "Tham số status chỉ nhận open, closed hoặc all.");
  }
  // Read one more than is listed, so that "truncated" is known; batches of
  // offices outside the scope are dropped after the read.
  auto rows = store::MakePartnerStore(session)->ListBatches(
      provider, status == "all" ? "" : status, 4 * kMaxPartnerBatchesListed + 1);
  if (!rows) return Fail(std::move(rows.error()));
  PartnerBatchList list{provider, {}, false};
  std::map<std::string, bool> seen;
  for (auto& row : *rows) {
    auto in_scope = OfficeInScope(session, principal, row, seen);
    if (!in_scope) return Fail(std::move(in_scope.error()));
    if (!*in_scope) continue;
    if (static_cast<std::int64_t>(list.batches.size()) == kMaxPartnerBatchesListed) {
      list.truncated = true;
      break;
    }
    list.batches.push_back(std::move(row));
  }
  if (static_cast<std::int64_t>(rows->size()) > 4 * kMaxPartnerBatchesListed) list.truncated = true;
  return list;
}

Result<store::PartnerBatchRecord> FindPartnerBatch(store::SqlSession& session,
                                                   const core::Principal& principal,
                                                   const std::string& provider,
                                                   const std::string& batch_id) {
  auto found = store::MakePartnerStore(session)->FindBatch(batch_id);
  if (!found) return Fail(std::move(found.error()));
  if (!*found || (*found)->batch.provider_code != provider) {
    return Fail(PartnerBatchNotFound(batch_id));
  }
  auto in_scope = IsUnitInScope(session, principal, (*found)->unit_edition, (*found)->unit_code);
  if (!in_scope) return Fail(std::move(in_scope.error()));
  if (!*in_scope) return Fail(PartnerBatchNotFound(batch_id));
  return std::move(**found);
}

std::string DefaultPartnerFormat(const store::BatchRecord& batch) {
  return IsAccountChannel(batch.channel) ? "pain001" : "csv";
}

Result<std::filesystem::path> ExportPartnerBatch(store::SqlSession& session,
                                                 const store::PartnerBatchRecord& batch,
                                                 const std::string& format,
                                                 const std::filesystem::path& out_dir,
                                                 const AuditActor& actor,
                                                 std::chrono::system_clock::time_point now) {
  if (!IsPartnerFormat(format)) {
    return Fail(ErrorKind::kInvalidInput, "partner.format_invalid",
                "Tham số format chỉ nhận pain001, csv, xlsx hoặc pdf.");
  }
  const bool account = IsAccountChannel(batch.batch.channel);
  if ((format == "pain001" && !account) || (format == "pdf" && account)) {
    return Fail(ErrorKind::kInvalidInput, "partner.format_not_applicable",
                format == "pain001" ? "Lô tiền mặt không có tệp pain.001; dùng csv, xlsx hoặc pdf."
                                    : "Danh sách ký nhận PDF chỉ có cho lô tiền mặt.");
  }
  auto office = ResolveOffice(session, batch.unit_code, batch.unit_edition, now);
  if (!office) return Fail(std::move(office.error()));
  if (auto ok = AuditExport(session, actor,
                            ExportRecord{"disburse.export", "disbursement_batch",
                                         batch.batch.batch_id, format, batch.batch.transfer_count,
                                         nlohmann::json{{"via", "partner_api"},
                                                        {"provider", batch.batch.provider_code}}});
      !ok) {
    return Fail(ok.error());
  }
  const BatchFileContext context{office->name, batch.period,     format,
                                 out_dir,      {actor.name, now}, office->communes};
  auto file = WriteBatchFile(session, batch.batch, context);
  if (!file) return Fail(std::move(file.error()));
  if (!*file) {
    return Fail(ErrorKind::kInvalidInput, "partner.format_not_applicable",
                "Lô " + batch.batch.batch_id + " không có gì để chuyển trong định dạng " + format +
                    ".");
  }
  return std::filesystem::path(**file);
}

nlohmann::json ToJson(const store::PartnerBatchRecord& batch) {
  const store::BatchRecord& b = batch.batch;
  return {{"batch_id", b.batch_id},       {"period", batch.period},
          {"unit", batch.unit_code},      {"edition", batch.unit_edition},
          {"provider", b.provider_code},  {"route", b.route_kind},
          {"channel", b.channel},         {"count", b.transfer_count},
          {"amount_vnd", b.total_vnd},    {"fee_vnd", b.fee_vnd},
          {"pay_by_date", b.pay_by_date}, {"status", b.status},
          {"opened_at", b.created_at}};
}

}  // namespace ansinh::app
