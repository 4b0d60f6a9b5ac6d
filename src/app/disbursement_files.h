// The files of a batch (app/disbursement_service.h Export): pain.001 for
// account batches, the CSV and XLSX lists for every batch, the PDF signature
// list for cash batches (app/disbursement_lists.h), each watermarked with who
// exported it and when. Account numbers are read
// through the payment-method store, as the register holds them today.
#pragma once

#include <filesystem>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/export_stamp.h"
#include "core/error.h"
#include "store/batch_store.h"
#include "store/payment_method_store.h"
#include "store/payroll_facts_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct BatchFileContext {
  std::string office_name;  // initiating party and debtor
  std::string period;       // "YYYY-MM"
  std::string format;       // "pain001" | "csv" | "xlsx" | "pdf"
  std::filesystem::path out_dir;
  ExportStamp stamp;               // who exports and when: the files' watermark
  store::OfficeCommunes communes;  // the office's pay points, in both maps
};

// Where an account line is paid to, as the register holds it today.
struct BatchAccount {
  std::string bin;
  std::string number;
  std::string holder;
};

// The accounts of a batch's lines as the register holds them today, read in
// one query per batch (a file of 250,000 lines must not cost 250,000 queries).
class BatchAccounts {
 public:
  // Reads nothing for a cash batch. Errors: the store's.
  static Result<BatchAccounts> Load(store::SqlSession& session, const store::BatchRecord& batch);

  // The account of an item's person; none for cash. Errors: kConflict
  // disburse.account_missing naming the line.
  Result<std::optional<BatchAccount>> Of(const store::BatchItemView& item) const;

 private:
  bool account_channel_ = false;
  std::unordered_map<std::int64_t, store::PaymentMethodRecord> methods_;
};

// "2026-11" → "11/2026".
std::string PeriodMonthYear(const std::string& period);

// Writes <out_dir>/<batch id>.xml|.csv|.xlsx|.pdf (through a temporary file
// renamed into place, so a reader never sees half a file) and returns its
// path; nullopt when the format does not apply (pain001 for cash, pdf for
// accounts, or nothing to transfer).
// Errors: kConflict disburse.account_missing naming the line; the writers'
// errors; kInternal disburse.write_failed.
Result<std::optional<std::string>> WriteBatchFile(store::SqlSession& session,
                                                  const store::BatchRecord& batch,
                                                  const BatchFileContext& context);

bool IsAccountChannel(const std::string& channel);

}  // namespace ansinh::app
