// The partner API's reading side (issue 5 item 8, docs/protocols/partner-api.md):
// a payment provider (Bưu điện, a bank, a mobile-money operator), acting
// through an API token tied to its provider code, lists its batches and
// downloads their files. A batch is the partner's when its provider code is
// the token's and its paying office lies in the token's scope (its unit and
// contracted units); any other batch answers exactly as one that does not
// exist. Results come back through app/partner_results.h.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "core/error.h"
#include "core/permission.h"
#include "store/partner_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

inline constexpr std::int64_t kMaxPartnerBatchesListed = 1000;

// The provider code the principal speaks for: that of its API token. Errors:
// kForbidden partner.not_a_partner (a person, or a token without a provider).
Result<std::string> PartnerProviderOf(store::SqlSession& session,
                                      const core::Principal& principal);

struct PartnerBatchList {
  std::string provider;
  std::vector<store::PartnerBatchRecord> batches;
  bool truncated = false;  // more than kMaxPartnerBatchesListed
};

// The provider's batches in the principal's scope. status: "open", "closed"
// or "all". Errors: kInvalidInput partner.status_invalid.
Result<PartnerBatchList> ListPartnerBatches(store::SqlSession& session,
                                            const core::Principal& principal,
                                            const std::string& provider, const std::string& status);

// The batch when it is the partner's. Errors: kNotFound partner.batch_not_found,
// the same for a batch of another provider or office as for one that does not exist.
Result<store::PartnerBatchRecord> FindPartnerBatch(store::SqlSession& session,
                                                   const core::Principal& principal,
                                                   const std::string& provider,
                                                   const std::string& batch_id);

// The format a batch is downloaded in without ?format=: pain001 for account
// batches, csv for cash.
std::string DefaultPartnerFormat(const store::BatchRecord& batch);

// Writes the batch's file in `format` into out_dir with the writer of
// `disburse export` (app/disbursement_files.h), watermarked with the actor
// and `now`, after one `disburse.export` audit entry. REQUIRES: no
// transaction open. Errors: kInvalidInput partner.format_invalid (not
// pain001|csv|xlsx|pdf), partner.format_not_applicable (pain001 for cash,
// pdf for accounts); WriteBatchFile's.
Result<std::filesystem::path> ExportPartnerBatch(store::SqlSession& session,
                                                 const store::PartnerBatchRecord& batch,
                                                 const std::string& format,
                                                 const std::filesystem::path& out_dir,
                                                 const AuditActor& actor,
                                                 std::chrono::system_clock::time_point now);

// {"batch_id","period","unit","edition","provider","route","channel","count",
//  "amount_vnd","fee_vnd","pay_by_date","status","opened_at"}
nlohmann::json ToJson(const store::PartnerBatchRecord& batch);

}  // namespace ansinh::app
