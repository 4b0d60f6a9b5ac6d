// What the bank simulator reads of a pain.001.001.09 credit transfer
// initiation: the message id, the debtor account and each transaction's
// EndToEndId and amount. The file is checked as a bank would: NbOfTxs and
// CtrlSum must match the transactions, amounts must be whole đồng.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ansinh::sims {

struct Pain001InTransaction {
  std::string end_to_end_id;
  std::int64_t amount_vnd = 0;
};

struct Pain001In {
  std::string message_id;
  std::string payment_info_id;
  std::string requested_date;  // ReqdExctnDt/Dt
  std::string debtor_account;
  std::vector<Pain001InTransaction> transactions;
};

// Errors (kInvalidInput): sim.pain001_not_xml, sim.pain001_not_pain001,
// sim.pain001_missing (names the element), sim.pain001_amount,
// sim.pain001_control (NbOfTxs or CtrlSum differ from the transactions),
// sim.pain001_duplicate (an EndToEndId twice).
Result<Pain001In> ReadPain001(std::string_view xml);

// A stable digest of what was asked (ids and amounts): a message id sent
// again with other transactions is a conflict, not a re-send.
std::string Pain001Fingerprint(const Pain001In& message);

}  // namespace ansinh::sims
