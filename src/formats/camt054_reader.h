// ISO 20022 debit/credit notification, camt.054.001.08 (issue 5 item 4): funds
// that came back to the paying account after a payment was reported paid.
// Each booked credit entry names, per transaction, the payment line
// (Refs/EndToEndId), the amount returned and the return reason. Only what the
// ingest needs is read; entries that are not booked credits are counted and
// otherwise ignored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ansinh::formats {

struct Camt054Return {
  std::string end_to_end_id;          // TxDtls/Refs/EndToEndId: the payment line id
  std::int64_t amount_vnd = 0;        // TxDtls/Amt, or the entry's Amt for its only transaction
  std::optional<std::string> reason;  // TxDtls/RtrInf/Rsn/Cd (or Prtry)
  std::string booked_on;              // Ntry/BookgDt as YYYY-MM-DD; empty when absent
};

struct Camt054Notification {
  std::string message_id;  // GrpHdr/MsgId
  std::vector<Camt054Return> returns;
  std::int64_t skipped_entries = 0;  // debits, pending or informational entries
};

inline constexpr std::size_t kMaxCamt054Bytes = 256u << 20;
inline constexpr std::size_t kMaxCamt054Returns = 1'000'000;

// Errors (kInvalidInput): camt054.not_xml, camt054.not_camt054 (another
// message or version), camt054.missing (a required element, named),
// camt054.amount (not whole đồng), camt054.currency (not VND);
// kLimitExceeded camt054.too_large.
Result<Camt054Notification> ParseCamt054(std::string_view xml);

}  // namespace ansinh::formats
