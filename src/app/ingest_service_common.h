// What the three ingests share (ingest_service*.cc only): line-by-line
// errors, recording the report, and posting one transfer per batch.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/ingest_service.h"
#include "core/ledger.h"
#include "store/ingest_store.h"

namespace ansinh::app::ingest_detail {

inline constexpr std::size_t kMaxIngestDetails = 100;

// One problem of a file: the row (0 for XML), the field, and the message.
struct LineProblem {
  long row = 0;
  std::string field;  // the line id for XML; the column key for a sheet
  std::string message;
};

// kInvalidInput (or `kind`) `code` with every problem in details (at most
// kMaxIngestDetails) and "Không ghi nhận gì từ tệp này." appended.
Error ProblemsError(const std::string& code, std::string message,
                    const std::vector<LineProblem>& problems,
                    ErrorKind kind = ErrorKind::kInvalidInput);

// "a, b, c" (the first ten, then "…").
std::string JoinIds(const std::vector<std::string>& ids);

// Writes a transfer; a key posted before is a broken invariant (kInternal
// ledger.key_reused), since every ingest checks its file was not seen first.
Status PostIngestTransfer(store::SqlSession& session, const std::string& key,
                          std::int64_t cycle_id, const std::string& event,
                          const std::string& reference, const std::string& now,
                          std::vector<core::LedgerLeg> legs);

// The batch ids in first-seen order, and the summary's batch_id: the only one or "".
void SetBatches(IngestSummary& summary, std::vector<std::string> batch_ids);

// Records the report and returns its id; writes the audit event
// "disburse.ingest" with the summary.
Result<std::int64_t> RecordIngest(store::SqlSession& session, const IngestSummary& summary,
                                  std::int64_t transactions, const AuditActor& actor,
                                  const std::string& now);

// The line-state changes of one ingest, decided from the states read in its
// transaction and written at the end with one statement per chunk of lines
// (one UPDATE per line made a 160,000-line sheet spend a third of its time
// there).
class LineStatusChanges {
 public:
  enum class Outcome { kChanged, kUnchanged, kConflict };
  // `current`: the line's state as read in this transaction. A line already
  // queued is unchanged when asked for the same state again, else a conflict.
  Outcome Add(std::int64_t line_ref, const std::string& current, const std::string& to);
  // Errors: the store's; kConflict ingest.status_conflict when a line left
  // `sent` after it was read (nothing is kept: the caller's transaction rolls back).
  Status Apply(store::IngestStore& ingest) const;

 private:
  std::map<std::int64_t, std::string> queued_;  // line → its new state
};

}  // namespace ansinh::app::ingest_detail
