// Results posted by a payment partner over the partner API (issue 5 item 8,
// docs/protocols/partner-api.md), in the shape of G2P Connect's
// disburse/on-disburse:
//   {"header":{"message_id","message_ts"},
//    "message":{"transaction_id":<batch id>,
//               "disbursement_status":[{"reference_id":<line id>,"status":"succ"|"rjct",
//                                       "reason_code","amount_vnd","paid_on"}]}}
// They are applied through the same ingest as the provider's result sheet
// (app/ingest_service.h IngestProviderRows): the same checks, line statuses,
// ledger postings and follow-up of rejections, in one transaction with the
// message's record. Idempotent by message_id per provider: the same message
// again changes nothing; another body under the same id is a conflict.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/ingest_service.h"
#include "core/error.h"
#include "core/permission.h"
#include "core/reference_codes.h"
#include "formats/provider_result_reader.h"
#include "store/sql_session.h"

namespace ansinh::app {

inline constexpr std::size_t kMaxPartnerResultLines = 10'000;

struct PartnerResultMessage {
  std::string message_id;      // [A-Za-z0-9._:-]{1,64}
  std::string message_ts;      // as sent; not interpreted
  std::string transaction_id;  // the batch id
  std::vector<formats::ProviderResultRow> rows;  // row_number = position in the list, from 1
  std::string body_sha256;     // hex, of the canonical JSON of "message"
};

// Reads and checks the shape of a body; every problem is named in details
// (field "message.disbursement_status[3].amount_vnd" …). Errors: kInvalidInput
// partner.body_invalid; kLimitExceeded partner.too_many_lines.
Result<PartnerResultMessage> ParsePartnerResults(const nlohmann::json& body);

// Applies the message to batch `batch_id` of `provider`, then follows up
// rejections (ApplyPaymentFallbacks), also for a repeated message. The
// summary's message_id is "partner:<provider>:<message_id>". Errors: kNotFound
// partner.batch_not_found (not the partner's, or missing); kInvalidInput
// partner.transaction_mismatch (transaction_id is not the batch in the path),
// ingest.unknown_lines (lines not live in this batch, every id named),
// ingest.duplicate_lines, ingest.amount_mismatch, ingest.reason_missing,
// ingest.paid_on_missing; kConflict partner.message_conflict (another body
// under this message_id), ingest.status_conflict. Nothing is written on error.
Result<IngestSummary> IngestPartnerResults(store::SqlSession& session,
                                           const core::ReferenceCodes& codes,
                                           const core::Principal& principal,
                                           const std::string& provider,
                                           const std::string& batch_id,
                                           const PartnerResultMessage& message,
                                           const AuditActor& actor,
                                           std::chrono::system_clock::time_point now);

}  // namespace ansinh::app
