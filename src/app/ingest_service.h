// `ansinh disburse ingest FILE` (issue 5 item 4): what came back for the lines
// of sent batches, in one of three forms, each ingested all or nothing in one
// transaction with its ledger postings, and each idempotent:
//   - a pain.002.001.10 status report for one batch (keyed by its MsgId):
//     ACSC/ACCC mark the line paid, RJCT failed with its reason code; other
//     statuses change nothing; ledger holder → paid, holder → returned;
//   - a camt.054.001.08 notification of returned funds (keyed
//     "camt054:<MsgId>"): a paid line becomes returned; ledger paid → returned;
//   - a provider's result sheet, XLSX or CSV (keyed "sha256:<hex of the
//     file>"): paid (in cash with its date: paid_cash) or not paid with a
//     reason; ledger as for pain.002.
// A file naming a line that has no live attempt (or not in the report's
// batch) is rejected whole with every such line named; every amount must
// equal the line's transfer; nothing is ever silently accepted.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/payment_fallback.h"
#include "core/error.h"
#include "core/reference_codes.h"
#include "formats/provider_result_reader.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct IngestSummary {
  std::string kind;        // "pain.002" | "camt.054" | "sheet"
  std::string message_id;  // as recorded: the MsgId, "camt054:<MsgId>", "sha256:<hex>"
  std::string batch_id;    // the report's batch; for the other kinds the only batch, or ""
  std::vector<std::string> batch_ids;  // every batch the file touched
  bool already_ingested = false;       // the same file again: nothing changed
  std::int64_t paid = 0;
  std::int64_t paid_vnd = 0;
  std::int64_t failed = 0;
  std::int64_t failed_vnd = 0;
  std::int64_t returned = 0;
  std::int64_t returned_vnd = 0;
  std::int64_t unchanged = 0;  // not final, reported before with the same result, or re-issued
  std::optional<FallbackSummary> fallbacks;  // set by IngestFile
};

// {"kind","message_id","batch_id","batch_ids":[…],"already_ingested",
//  "paid":{"count","amount_vnd"},"failed":{…},"returned":{…},"unchanged",
//  "fallbacks":{…} (IngestFile only)}
nlohmann::json ToJson(const IngestSummary& summary);

// Errors: the reader's (pain002.*); kNotFound ingest.batch_unknown;
// kInvalidInput ingest.unknown_lines (every unknown line id in details;
// nothing is written), ingest.amount_mismatch (each line in details),
// ingest.reason_missing (RJCT without a reason code); kConflict
// ingest.status_conflict (a line already has another final result).
Result<IngestSummary> IngestPain002(store::SqlSession& session, const std::string& xml,
                                    const AuditActor& actor,
                                    std::chrono::system_clock::time_point now);

// Errors: the reader's (camt054.*); kInvalidInput ingest.unknown_lines,
// ingest.duplicate_lines, ingest.amount_mismatch; kConflict
// ingest.status_conflict (a line not reported paid, each in details).
Result<IngestSummary> IngestCamt054(store::SqlSession& session, const std::string& xml,
                                    const AuditActor& actor,
                                    std::chrono::system_clock::time_point now);

// Errors: the reader's (provider_result.*, xlsx.*, csv.*); kInvalidInput
// ingest.unknown_lines, ingest.duplicate_lines, ingest.batch_mismatch,
// ingest.amount_mismatch, ingest.reason_missing, ingest.paid_on_missing
// (cash paid without its date), each row and field in details; kConflict
// ingest.status_conflict.
Result<IngestSummary> IngestProviderResults(store::SqlSession& session, const std::string& bytes,
                                            const AuditActor& actor,
                                            std::chrono::system_clock::time_point now);

// Where the rows of a provider's results are posted in the ledger: transfer
// keys "<ledger_key_prefix>:<batch id>" under event `ledger_event`.
struct ProviderRowsKey {
  std::string ledger_key_prefix;  // "sheet:<sha256>", "partner:<provider>:<message id>"
  std::string ledger_event;       // "sheet.ingest", "partner.results"
};

// The seam the sheet and the partner API (app/partner_results.h) share: the
// rows of a provider's results, already read, with every check, status
// change, result, ledger posting and the report recorded under
// summary.message_id (summary.kind as set by the caller). REQUIRES: a
// transaction open on `session` (the caller commits) and the report not
// recorded yet. Errors: as IngestProviderResults past its reader.
Status IngestProviderRows(store::SqlSession& session,
                          const std::vector<formats::ProviderResultRow>& rows,
                          const ProviderRowsKey& key, const AuditActor& actor,
                          const std::string& now, IngestSummary& summary);

// "pain.002", "camt.054" or "sheet", from the content (the XML namespace, a
// zip, or a header naming a line-id and a result column); "" when none.
std::string DetectIngestKind(const std::string& bytes);

// Detects the kind, ingests, then does the follow-up of every rejection or
// return not yet followed up (ApplyPaymentFallbacks; also after a file that
// was ingested already, so an interrupted follow-up is finished by ingesting
// the file again). Errors: kInvalidInput ingest.kind_unknown, then as the
// ingest of that kind and ApplyPaymentFallbacks.
Result<IngestSummary> IngestFile(store::SqlSession& session, const core::ReferenceCodes& codes,
                                 const std::string& bytes, const AuditActor& actor,
                                 std::chrono::system_clock::time_point now);

}  // namespace ansinh::app
