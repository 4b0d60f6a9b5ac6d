// Builds a camt.054.001.08 notification of returned funds for tests: one
// booked credit entry per returned line (line id, amount, reason), plus
// optional entries that are not returns (a debit, a pending credit).
#pragma once

#include <string>
#include <vector>

namespace ansinh::test {

struct ReturnLine {
  std::string line_id;
  std::string amount;  // as written in the file, e.g. "750000" or "750000.00"
  std::string reason;  // ExternalReturnReason1Code, e.g. "AC04"; "" for none
  std::string status = "BOOK";
  std::string direction = "CRDT";
};

inline std::string Camt054(const std::string& message_id, const std::vector<ReturnLine>& lines) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn>"
      "<GrpHdr><MsgId>" +
      message_id +
      "</MsgId><CreDtTm>2024-09-20T08:00:00</CreDtTm></GrpHdr>"
      "<Ntfctn><Id>" +
      message_id +
      "-1</Id><Acct><Id><Othr><Id>3713.0.1055555</Id></Othr></Id><Ccy>VND</Ccy></Acct>";
  for (const ReturnLine& l : lines) {
    xml += "<Ntry><Amt Ccy=\"VND\">" + l.amount + "</Amt><CdtDbtInd>" + l.direction +
           "</CdtDbtInd><Sts><Cd>" + l.status +
           "</Cd></Sts><BookgDt><Dt>2024-09-19</Dt></BookgDt>"
           "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly>"
           "</Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>" +
           l.line_id + "</EndToEndId></Refs><Amt Ccy=\"VND\">" + l.amount +
           "</Amt><CdtDbtInd>" + l.direction + "</CdtDbtInd>";
    if (!l.reason.empty()) xml += "<RtrInf><Rsn><Cd>" + l.reason + "</Cd></Rsn></RtrInf>";
    xml += "</TxDtls></NtryDtls></Ntry>";
  }
  return xml + "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n";
}

}  // namespace ansinh::test
