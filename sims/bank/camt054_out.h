// Returned transfers as an ISO 20022 camt.054.001.08 debit/credit
// notification (docs/protocols/bank.md): one Ntfctn per debtor account, one
// credit entry (CRDT, booked, PMNT/ICDT/RRTN) per returned transfer, with the
// original batch id, the EndToEndId and the return reason. Validates against
// data/iso20022/camt.054.001.08.xsd (tests/unit/camt054_out_test.cc).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace ansinh::sims {

struct Camt054Return {
  std::int64_t sequence = 0;  // NtryRef: the cursor of GET /camt054?since=
  std::string batch_id;       // the pain.001 MsgId and PmtInfId
  std::string end_to_end_id;
  std::int64_t amount_vnd = 0;
  std::string reason;          // AC04, AC06, MD07
  std::string debtor_account;  // the office's account the money returns to
  std::string booked_on;       // YYYY-MM-DD
};

struct Camt054Out {
  std::string message_id;              // ≤ 35 characters
  std::string created_at;              // ISO date-time
  std::vector<Camt054Return> returns;  // not empty
};

// Errors: kInvalidInput sim.camt054_empty; kInternal sim.xml.
Result<std::string> WriteCamt054(const Camt054Out& notification);

}  // namespace ansinh::sims
