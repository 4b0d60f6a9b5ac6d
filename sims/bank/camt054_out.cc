#include "sims/bank/camt054_out.h"

#include <map>

#include "sims/common/xml_out.h"

namespace ansinh::sims {
namespace {

constexpr const char* kCamt054Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

// Domain PMNT, family ICDT (issued credit transfers), sub-family RRTN
// (reversal due to a payment return): the ISO code of a returned transfer.
void Camt054TxCode(XmlOut& xml) {
  xml.Open("BkTxCd");
  xml.Open("Domn");
  xml.Leaf("Cd", "PMNT");
  xml.Open("Fmly");
  xml.Leaf("Cd", "ICDT");
  xml.Leaf("SubFmlyCd", "RRTN");
  xml.Close();
  xml.Close();
  xml.Close();
}

void Camt054Entry(XmlOut& xml, const Camt054Return& r) {
  xml.Open("Ntry");
  xml.Leaf("NtryRef", std::to_string(r.sequence));
  xml.Amount("Amt", r.amount_vnd);
  xml.Leaf("CdtDbtInd", "CRDT");
  xml.Open("Sts");
  xml.Leaf("Cd", "BOOK");
  xml.Close();
  xml.Open("BookgDt");
  xml.Leaf("Dt", r.booked_on);
  xml.Close();
  Camt054TxCode(xml);
  xml.Open("NtryDtls");
  xml.Open("TxDtls");
  xml.Open("Refs");
  xml.Leaf("MsgId", r.batch_id);
  xml.Leaf("PmtInfId", r.batch_id);
  xml.Leaf("EndToEndId", r.end_to_end_id);
  xml.Close();
  xml.Amount("Amt", r.amount_vnd);
  xml.Leaf("CdtDbtInd", "CRDT");
  xml.Open("RtrInf");
  xml.Open("Rsn");
  xml.Leaf("Cd", r.reason);
  xml.Close();
  xml.Close();
  xml.Close();
  xml.Close();
  xml.Close();
}

}  // namespace

Result<std::string> WriteCamt054(const Camt054Out& notification) {
  if (notification.returns.empty()) {
    return Fail(ErrorKind::kInvalidInput, "sim.camt054_empty", "Không có khoản hoàn trả nào.");
  }
  std::map<std::string, std::vector<const Camt054Return*>> by_account;
  for (const auto& r : notification.returns) by_account[r.debtor_account].push_back(&r);
  XmlOut xml;
  xml.Open("Document");
  xml.Attribute("xmlns", kCamt054Namespace);
  xml.Open("BkToCstmrDbtCdtNtfctn");
  xml.Open("GrpHdr");
  xml.Leaf("MsgId", notification.message_id);
  xml.Leaf("CreDtTm", notification.created_at);
  xml.Close();
  std::size_t index = 0;
  for (const auto& [account, returns] : by_account) {
    xml.Open("Ntfctn");
    xml.Leaf("Id", notification.message_id + "-" + std::to_string(++index));
    xml.Leaf("CreDtTm", notification.created_at);
    xml.Open("Acct");
    xml.Open("Id");
    xml.Open("Othr");
    xml.Leaf("Id", account);
    xml.Close();
    xml.Close();
    xml.Leaf("Ccy", "VND");
    xml.Close();
    for (const Camt054Return* r : returns) Camt054Entry(xml, *r);
    xml.Close();
  }
  xml.Close();
  xml.Close();
  return xml.Finish();
}

}  // namespace ansinh::sims
