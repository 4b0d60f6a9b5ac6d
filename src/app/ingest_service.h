// `ansinh disburse ingest FILE` (issue 5 item 4, first part): a pain.002.001.10
// status report for one batch. ACSC/ACCC mark the line paid, RJCT failed with
// its reason code; other statuses (pending, accepted for processing) change
// nothing. All or nothing, in one transaction with the ledger postings:
// holder → paid, holder → returned.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "app/audit_log.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct IngestSummary {
  std::string message_id;
  std::string batch_id;
  bool already_ingested = false;  // the same report again: nothing changed
  std::int64_t paid = 0;
  std::int64_t paid_vnd = 0;
  std::int64_t failed = 0;
  std::int64_t failed_vnd = 0;
  std::int64_t unchanged = 0;  // not final, or reported before with the same result
};

nlohmann::json ToJson(const IngestSummary& summary);

// Errors: the reader's (pain002.*); kNotFound ingest.batch_unknown;
// kInvalidInput ingest.unknown_lines (every unknown line id in details;
// nothing is written), ingest.amount_mismatch (each line in details),
// ingest.reason_missing (RJCT without a reason code); kConflict
// ingest.status_conflict (a line already has another final result).
Result<IngestSummary> IngestPain002(store::SqlSession& session, const std::string& xml,
                                    const AuditActor& actor,
                                    std::chrono::system_clock::time_point now);

}  // namespace ansinh::app
