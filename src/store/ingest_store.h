// Ingested reports (pain.002 status reports, camt.054 notifications, provider
// sheets) and the results they carried (db/migrations/*/0008_disbursement.sql,
// 0009_payment_results.sql). Plain rows; the rules are
// app/ingest_service's.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct ReportRecord {
  std::string message_id;
  std::string batch_id;
  std::int64_t transactions = 0;
  std::string ingested_by;
  std::string ingested_at;
  std::string kind = "pain.002";  // "pain.002" | "camt.054" | "sheet"
};

struct ResultRecord {
  std::int64_t batch_ref = 0;
  std::int64_t line_ref = 0;
  std::int64_t report_ref = 0;
  std::string status;  // "paid" | "failed"
  std::optional<std::string> reason_code;
  std::optional<std::string> paid_on;  // cash paid, from a provider's sheet
};

// Thread safety: as the session it works on (one thread at a time).
class IngestStore {
 public:
  virtual ~IngestStore() = default;
  virtual Result<bool> ReportExists(const std::string& message_id) = 0;
  // Returns the id. Errors: db.unique_violation (message id ingested already).
  virtual Result<std::int64_t> InsertReport(const ReportRecord& report) = 0;
  virtual Status InsertResults(const std::vector<ResultRecord>& results) = 0;
  // from → to; returns whether the line was in `from`.
  virtual Result<bool> SetLineStatus(std::int64_t line_ref, const std::string& from,
                                     const std::string& to) = 0;
  // The same for many lines in one statement per chunk; returns how many were
  // in `from`. `from` and `to` are line states (payment_lines.status).
  // Errors: kInternal ingest.status_unknown for anything else.
  virtual Result<std::int64_t> SetLinesStatus(const std::vector<std::int64_t>& line_refs,
                                              const std::string& from,
                                              const std::string& to) = 0;
};

// `session` must outlive the store.
std::unique_ptr<IngestStore> MakeIngestStore(SqlSession& session);

}  // namespace ansinh::store
