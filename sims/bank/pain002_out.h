// The bank simulator's answer to a pain.001: a pain.002.001.10 payment status
// report with the group status and one TxInfAndSts per transaction (ACSC, or
// RJCT with its reason), each repeating the original amount so the ingest can
// compare it with the line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace ansinh::sims {

struct Pain002OutTransaction {
  std::string end_to_end_id;
  std::int64_t amount_vnd = 0;
  bool paid = true;
  std::string reason;  // when rejected
};

struct Pain002Out {
  std::string message_id;           // the report's own id, ≤ 35 characters
  std::string created_at;           // ISO date-time
  std::string original_message_id;  // the pain.001 MsgId (the batch id)
  std::string original_payment_info_id;
  std::vector<Pain002OutTransaction> transactions;
};

// ACCP when every transaction is paid, RJCT when none is, PART otherwise.
std::string GroupStatus(const std::vector<Pain002OutTransaction>& transactions);

// Errors: kInternal sim.xml.
Result<std::string> WritePain002(const Pain002Out& report);

}  // namespace ansinh::sims
