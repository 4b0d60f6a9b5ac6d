// ISO 20022 customer credit transfer initiation, pain.001.001.09 (issue 5
// item 3): one message per batch, one payment information block, one
// CdtTrfTxInf per payment line with EndToEndId = the line's stable id. VND
// has no minor unit, so amounts are whole đồng without a fractional part.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace ansinh::formats {

struct Pain001Transaction {
  std::string end_to_end_id;    // the payment line id, ≤ 35 characters
  std::int64_t amount_vnd = 0;  // > 0
  std::string creditor_name;
  std::string creditor_account;   // ≤ 34 characters
  std::string creditor_agent_id;  // the NAPAS BIN (or wallet provider code)
  std::string remittance;         // ≤ 140 characters, shown to the beneficiary
};

// Who exported the file and when (issue 6 item 5), carried in the message's
// SplmtryData so that the file stays a valid pain.001 that banks process as is.
struct Pain001Watermark {
  std::string exported_by;
  std::string exported_at;  // ISO date-time, UTC
};

struct Pain001Message {
  std::string message_id;  // the batch id, ≤ 35 characters
  std::string created_at;  // ISO date-time, e.g. "2026-11-23T04:44:35Z"
  std::string initiating_party;
  std::string requested_date;  // YYYY-MM-DD
  std::string debtor_name;
  std::string debtor_account;
  std::string debtor_agent_id;
  std::vector<Pain001Transaction> transactions;
  std::optional<Pain001Watermark> watermark;
};

// The XML document, UTF-8. GrpHdr and PmtInf carry NbOfTxs and CtrlSum
// computed here from the transactions; a watermark becomes
// <SplmtryData><PlcAndNm>ansinh:export</PlcAndNm><Envlp><Xprt
// xmlns="urn:ansinh:export:1"><By/><At/></Xprt></Envlp></SplmtryData>. Errors (kInvalidInput):
// pain001.empty (no transaction), pain001.amount (an amount ≤ 0),
// pain001.too_long (an identifier over its ISO length; details name it),
// pain001.overflow; kInternal pain001.xml when libxml2 fails.
Result<std::string> WritePain001(const Pain001Message& message);

}  // namespace ansinh::formats
