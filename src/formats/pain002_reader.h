// ISO 20022 payment status report, pain.002.001.10 (issue 5 item 4): which
// transactions of a pain.001 message were paid (ACSC, ACCC) or rejected
// (RJCT with a reason code such as AC01, AC04, AC06, MD07). Only what the
// ingest needs is read; everything else in the message is ignored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ansinh::formats {

struct Pain002Transaction {
  std::string end_to_end_id;               // OrgnlEndToEndId: the payment line id
  std::string status;                      // TxSts: ACSC, ACCC, RJCT, PDNG, ...
  std::optional<std::string> reason;       // StsRsnInf/Rsn/Cd
  std::optional<std::int64_t> amount_vnd;  // OrgnlTxRef/Amt/InstdAmt, whole đồng
};

struct Pain002Report {
  std::string message_id;           // GrpHdr/MsgId
  std::string original_message_id;  // OrgnlGrpInfAndSts/OrgnlMsgId: the batch id
  std::vector<Pain002Transaction> transactions;
};

inline constexpr std::size_t kMaxPain002Bytes = 256u << 20;

// Errors (kInvalidInput): pain002.not_xml, pain002.not_pain002 (another
// message or version), pain002.missing (a required element, named in the
// message), pain002.amount (not whole đồng or not a number); kLimitExceeded
// pain002.too_large.
Result<Pain002Report> ParsePain002(std::string_view xml);

}  // namespace ansinh::formats
