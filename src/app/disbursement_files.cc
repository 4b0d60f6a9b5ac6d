#include "app/disbursement_files.h"

#include <fstream>
#include <utility>
#include <vector>

#include "app/disbursement_lists.h"
#include "app/registry_service.h"
#include "core/beneficiary.h"
#include "formats/batch_csv_writer.h"
#include "formats/pain001_writer.h"
#include "store/crash_point.h"
#include "store/payment_method_store.h"

namespace ansinh::app {
namespace {

Result<std::string> Pain001(const store::BatchRecord& batch,
                            const std::vector<store::BatchItemView>& items,
                            const BatchAccounts& accounts, const BatchFileContext& context) {
  formats::Pain001Message message{
      batch.batch_id,
      batch.created_at,
      context.office_name,
      batch.pay_by_date,
      context.office_name,
      batch.source_account,
      batch.provider_code,
      {},
      formats::Pain001Watermark{context.stamp.user, FormatInstant(context.stamp.at)}};
  for (const auto& item : items) {
    if (item.transfer_vnd == 0) continue;
    auto account = accounts.Of(item);
    if (!account) return Fail(std::move(account.error()));
    message.transactions.push_back(
        {item.line_id, item.transfer_vnd, (*account)->holder, (*account)->number, (*account)->bin,
         "Chi trả trợ cấp kỳ " + PeriodMonthYear(context.period) + " " + item.beneficiary_code});
  }
  return formats::WritePain001(message);
}

Result<std::string> Csv(const store::BatchRecord& batch,
                        const std::vector<store::BatchItemView>& items,
                        const BatchAccounts& accounts, const BatchFileContext& context) {
  std::vector<formats::BatchCsvRow> rows;
  for (const auto& item : items) {
    if (item.transfer_vnd == 0) continue;
    auto account = accounts.Of(item);
    if (!account) return Fail(std::move(account.error()));
    formats::BatchCsvRow row{item.line_id,
                             item.beneficiary_code,
                             item.full_name,
                             item.commune_code,
                             batch.channel,
                             "",
                             "",
                             "",
                             item.transfer_vnd,
                             context.period};
    if (*account) {
      row.bin = (*account)->bin;
      row.account_number = (*account)->number;
      row.holder_name = (*account)->holder;
    }
    rows.push_back(std::move(row));
  }
  return formats::WriteBatchCsv(rows, WatermarkLine(context.stamp));
}

// The bytes of a pdf, pain001 or csv file.
Result<std::string> FileBytes(store::SqlSession& session, const store::BatchRecord& batch,
                              const std::vector<store::BatchItemView>& items,
                              const BatchFileContext& context) {
  if (context.format == "pdf") return CashListPdf(session, batch, items, context);
  auto accounts = BatchAccounts::Load(session, batch);
  if (!accounts) return Fail(std::move(accounts.error()));
  return context.format == "pain001" ? Pain001(batch, items, *accounts, context)
                                     : Csv(batch, items, *accounts, context);
}

Status WriteFailed(const std::filesystem::path& path, const std::error_code& error) {
  return Fail(ErrorKind::kInternal, "disburse.write_failed",
              "Không ghi được tệp " + path.string() + ": " + error.message());
}

// The workbook is written beside its place and renamed into it, as the other
// files; the writer removes its own partial file on failure.
Status WriteXlsxAtomically(store::SqlSession& session, const store::BatchRecord& batch,
                           const std::vector<store::BatchItemView>& items,
                           const BatchFileContext& context, const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  const std::filesystem::path temporary = path.string() + ".tmp.xlsx";
  if (auto ok = WriteBatchXlsx(session, batch, items, context, temporary); !ok) return ok;
  store::CrashPoint();
  std::filesystem::rename(temporary, path, error);
  if (error) return WriteFailed(path, error);
  return {};
}

Status WriteAtomically(const std::filesystem::path& path, const std::string& bytes) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) error = std::make_error_code(std::errc::io_error);
  }
  store::CrashPoint();
  if (!error) std::filesystem::rename(temporary, path, error);
  if (error) return WriteFailed(path, error);
  return {};
}

}  // namespace

Result<BatchAccounts> BatchAccounts::Load(store::SqlSession& session,
                                          const store::BatchRecord& batch) {
  BatchAccounts accounts;
  accounts.account_channel_ = IsAccountChannel(batch.channel);
  if (!accounts.account_channel_) return accounts;
  auto methods = store::MakePaymentMethodStore(session)->FindForBatch(batch.id);
  if (!methods) return Fail(std::move(methods.error()));
  accounts.methods_ = std::move(*methods);
  return accounts;
}

Result<std::optional<BatchAccount>> BatchAccounts::Of(const store::BatchItemView& item) const {
  if (!account_channel_) return std::optional<BatchAccount>();
  const auto found = methods_.find(item.beneficiary_id);
  if (found == methods_.end() || !found->second.method.account ||
      found->second.method.account->account_raw.empty()) {
    return Fail(ErrorKind::kConflict, "disburse.account_missing",
                "Dòng chi trả " + item.line_id + " (đối tượng " + item.beneficiary_code +
                    ") không có tài khoản nhận tiền.");
  }
  const auto& method = found->second.method;
  return std::optional<BatchAccount>(
      BatchAccount{method.account->bin_raw, method.account->account_raw, method.holder_name});
}

std::string PeriodMonthYear(const std::string& period) {
  return period.substr(5, 2) + "/" + period.substr(0, 4);
}

bool IsAccountChannel(const std::string& channel) {
  const auto parsed = core::ParsePaymentChannel(channel);
  return parsed && core::IsAccountChannel(*parsed);
}

// The extension of a format's file; empty when the batch has none in it.
std::string FileExtension(const std::string& format, const std::string& channel) {
  if (format == "pain001") return IsAccountChannel(channel) ? ".xml" : "";
  if (format == "pdf") return IsAccountChannel(channel) ? "" : ".pdf";
  return "." + format;
}

Result<std::optional<std::string>> WriteBatchFile(store::SqlSession& session,
                                                  const store::BatchRecord& batch,
                                                  const BatchFileContext& context) {
  const std::string extension = FileExtension(context.format, batch.channel);
  if (batch.transfer_count == 0 || extension.empty()) return std::optional<std::string>();
  auto items = store::MakeBatchStore(session)->ListItems(batch.id);
  if (!items) return Fail(std::move(items.error()));
  const auto path = context.out_dir / (batch.batch_id + extension);
  if (context.format == "xlsx") {
    if (auto ok = WriteXlsxAtomically(session, batch, *items, context, path); !ok) {
      return Fail(ok.error());
    }
    return std::optional<std::string>(path.string());
  }
  auto bytes = FileBytes(session, batch, *items, context);
  if (!bytes) return Fail(std::move(bytes.error()));
  if (auto ok = WriteAtomically(path, *bytes); !ok) return Fail(ok.error());
  return std::optional<std::string>(path.string());
}

}  // namespace ansinh::app
