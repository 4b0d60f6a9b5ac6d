// `ansinh disburse send` (issue 5 item 7): the cycle's account batches handed
// to the bank over its network protocol, each answer ingested at once.
//
// Exactly once without a distributed transaction: the pain.001 of a batch has
// a stable MsgId (the batch id); the bank answers the same MsgId with the same
// pain.002 and never pays it twice; the ingest records the report's MsgId and
// changes nothing the second time. So a send that crashed anywhere — before the
// post, after the bank answered, during or after the ingest — is finished by
// running it again.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "adapters/bank_client.h"
#include "app/audit_log.h"
#include "app/ingest_service.h"
#include "core/error.h"
#include "core/reference_codes.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct BankSendRequest {
  std::string period;  // "YYYY-MM"
  std::string unit;
  std::optional<std::string> edition;
  AuditActor actor;
  std::chrono::system_clock::time_point now;
};

struct SentBatch {
  std::string batch_id;
  IngestSummary ingest;  // already_ingested on a re-send
};

struct BankSendSummary {
  std::string period;
  std::string unit;
  std::vector<SentBatch> batches;
  std::int64_t paid = 0;    // lines newly paid by this run
  std::int64_t failed = 0;  // lines newly rejected by this run
};

// {"period","unit","paid","failed","batches":[{"batch_id", <ingest summary>}]}
nlohmann::json ToJson(const BankSendSummary& summary);

// Opens what is pending (as `disburse export`), then posts every open
// account batch of the cycle as pain.001 and ingests each answer in its own
// transaction (app::IngestPain002), in batch order. Stops at the first
// error: batches answered before it stay recorded; running again finishes.
// Each answer goes through IngestFile, so the fallbacks of its rejections
// (MD07, account errors) follow as after `disburse ingest`.
// Errors: those of DisbursementService::Export, of the bank (bank.*) and of
// the ingest (pain002.*, ingest.*); kInternal disburse.scratch_failed.
Result<BankSendSummary> SendBatchesToBank(store::SqlSession& session,
                                          const core::ReferenceCodes& codes,
                                          adapters::BankGateway& bank,
                                          const BankSendRequest& request);

struct BankReturnsRequest {
  std::string bank_url;  // names the feed whose cursor is kept
  AuditActor actor;
  std::chrono::system_clock::time_point now;
};

struct BankReturnsSummary {
  std::int64_t since = 0;  // the cursor before
  std::int64_t last = 0;   // and after
  std::vector<IngestSummary> notifications;
};

// {"since","last","notifications":[<ingest summary>]}
nlohmann::json ToJson(const BankReturnsSummary& summary);

// `ansinh disburse returns`: the camt.054 returns the bank booked after the
// stored cursor (feed "bank-returns:<url>"), ingested (app::IngestCamt054),
// then the cursor moved past them. A crash before the move fetches the same
// entries again: the same range has the same MsgId and is ingested once.
// Errors: the bank's (bank.*), the ingest's (camt054.*, ingest.*), the store's.
Result<BankReturnsSummary> IngestBankReturns(store::SqlSession& session,
                                             const core::ReferenceCodes& codes,
                                             adapters::BankGateway& bank,
                                             const BankReturnsRequest& request);

}  // namespace ansinh::app
