// What the partner API (app/partner_api.h, docs/protocols/partner-api.md)
// reads and writes: a provider's batches with their cycle's office and
// period, and the result messages partners posted
// (db/migrations/*/0013_partner_api.sql).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/batch_store.h"
#include "store/sql_session.h"

namespace ansinh::store {

// A batch and the cycle it belongs to (the paying office decides the scope).
struct PartnerBatchRecord {
  BatchRecord batch;
  std::string unit_code;     // the paying office
  std::string unit_edition;  // "pre2025" | "2025"
  std::string period;        // "YYYY-MM"
};

// One result message accepted from a partner.
struct PartnerMessageRecord {
  std::string provider_code;
  std::string message_id;         // the partner's header.message_id
  std::string body_sha256;        // hex, of the canonical JSON of its "message"
  std::string batch_id;
  std::string report_message_id;  // its key in ingested_reports
  std::string received_by;
  std::string received_at;
};

// Thread safety: as the session it works on (one thread at a time).
class PartnerStore {
 public:
  virtual ~PartnerStore() = default;

  // The provider's batches, oldest first, at most `limit`; `status` "open" or
  // "closed", or empty for both.
  virtual Result<std::vector<PartnerBatchRecord>> ListBatches(const std::string& provider_code,
                                                              const std::string& status,
                                                              std::int64_t limit) = 0;
  virtual Result<std::optional<PartnerBatchRecord>> FindBatch(const std::string& batch_id) = 0;
  virtual Result<std::optional<PartnerMessageRecord>> FindMessage(
      const std::string& provider_code, const std::string& message_id) = 0;
  // Errors: kConflict db.unique_violation when the (provider, message id) exists.
  virtual Status InsertMessage(const PartnerMessageRecord& message) = 0;
};

// `session` must outlive the store.
std::unique_ptr<PartnerStore> MakePartnerStore(SqlSession& session);

}  // namespace ansinh::store
