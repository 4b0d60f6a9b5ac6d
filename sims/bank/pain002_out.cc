#include "sims/bank/pain002_out.h"

#include "sims/common/xml_out.h"

namespace ansinh::sims {
namespace {

constexpr const char* kPain002OutNamespace = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10";

void Pain002OutTx(XmlOut& xml, const Pain002OutTransaction& t) {
  xml.Open("TxInfAndSts");
  xml.Leaf("OrgnlEndToEndId", t.end_to_end_id);
  xml.Leaf("TxSts", t.paid ? "ACSC" : "RJCT");
  if (!t.paid) {
    xml.Open("StsRsnInf");
    xml.Open("Rsn");
    xml.Leaf("Cd", t.reason);
    xml.Close();
    xml.Close();
  }
  xml.Open("OrgnlTxRef");
  xml.Open("Amt");
  xml.Amount("InstdAmt", t.amount_vnd);
  xml.Close();
  xml.Close();
  xml.Close();
}

}  // namespace

std::string GroupStatus(const std::vector<Pain002OutTransaction>& transactions) {
  std::size_t paid = 0;
  for (const auto& t : transactions) paid += t.paid ? 1 : 0;
  if (paid == transactions.size()) return "ACCP";
  return paid == 0 ? "RJCT" : "PART";
}

Result<std::string> WritePain002(const Pain002Out& report) {
  std::int64_t sum = 0;
  for (const auto& t : report.transactions) sum += t.amount_vnd;
  const std::string count = std::to_string(report.transactions.size());
  XmlOut xml;
  xml.Open("Document");
  xml.Attribute("xmlns", kPain002OutNamespace);
  xml.Open("CstmrPmtStsRpt");
  xml.Open("GrpHdr");
  xml.Leaf("MsgId", report.message_id);
  xml.Leaf("CreDtTm", report.created_at);
  xml.Close();
  xml.Open("OrgnlGrpInfAndSts");
  xml.Leaf("OrgnlMsgId", report.original_message_id);
  xml.Leaf("OrgnlMsgNmId", "pain.001.001.09");
  xml.Leaf("OrgnlNbOfTxs", count);
  xml.Leaf("OrgnlCtrlSum", std::to_string(sum));
  xml.Leaf("GrpSts", GroupStatus(report.transactions));
  xml.Close();
  xml.Open("OrgnlPmtInfAndSts");
  xml.Leaf("OrgnlPmtInfId", report.original_payment_info_id);
  for (const auto& t : report.transactions) Pain002OutTx(xml, t);
  xml.Close();
  xml.Close();
  xml.Close();
  return xml.Finish();
}

}  // namespace ansinh::sims
