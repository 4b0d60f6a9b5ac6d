// Builds a pain.002.001.10 status report for tests: one transaction per
// (line id, status, reason, amount).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ansinh::test {

struct StatusLine {
  std::string line_id;
  std::string status;  // ACSC, ACCC, RJCT, PDNG
  std::string reason;  // "" for none
  std::string amount;  // "" for none
};

inline std::string Pain002(const std::string& message_id, const std::string& batch_id,
                           const std::vector<StatusLine>& lines) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"><CstmrPmtStsRpt>"
      "<GrpHdr><MsgId>" +
      message_id +
      "</MsgId><CreDtTm>2024-09-16T08:00:00</CreDtTm></GrpHdr>"
      "<OrgnlGrpInfAndSts><OrgnlMsgId>" +
      batch_id +
      "</OrgnlMsgId>"
      "<OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>"
      "<OrgnlPmtInfAndSts><OrgnlPmtInfId>" +
      batch_id + "</OrgnlPmtInfId>";
  for (const StatusLine& l : lines) {
    xml += "<TxInfAndSts><OrgnlEndToEndId>" + l.line_id + "</OrgnlEndToEndId><TxSts>" + l.status +
           "</TxSts>";
    if (!l.reason.empty()) xml += "<StsRsnInf><Rsn><Cd>" + l.reason + "</Cd></Rsn></StsRsnInf>";
    if (!l.amount.empty()) {
      xml +=
          "<OrgnlTxRef><Amt><InstdAmt Ccy=\"VND\">" + l.amount + "</InstdAmt></Amt></OrgnlTxRef>";
    }
    xml += "</TxInfAndSts>";
  }
  return xml + "</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>\n";
}

}  // namespace ansinh::test
