#include "formats/pain002_reader.h"

#include <pugixml.hpp>
#include <utility>

#include "formats/iso20022_amount.h"

namespace ansinh::formats {
namespace {

constexpr const char* kPain002Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10";

tl::unexpected<Error> Missing(const std::string& path) {
  return Fail(ErrorKind::kInvalidInput, "pain002.missing",
              "Báo cáo trạng thái thiếu phần tử " + path + ".");
}

// "750000", "750000.0", "750000.00": whole đồng; anything else is refused.
Result<std::int64_t> WholeDong(const std::string& text, const std::string& id) {
  const std::optional<std::int64_t> dong = ParseWholeDongAmount(text);
  if (!dong) {
    return Fail(ErrorKind::kInvalidInput, "pain002.amount",
                "Số tiền \"" + text + "\" của giao dịch " + id + " không phải số đồng nguyên.");
  }
  return *dong;
}

Result<Pain002Transaction> Transaction(const pugi::xml_node& node) {
  Pain002Transaction t;
  t.end_to_end_id = node.child_value("OrgnlEndToEndId");
  t.status = node.child_value("TxSts");
  if (t.end_to_end_id.empty()) return Missing("TxInfAndSts/OrgnlEndToEndId");
  if (t.status.empty()) return Missing("TxInfAndSts/TxSts (" + t.end_to_end_id + ")");
  const pugi::xml_node code = node.child("StsRsnInf").child("Rsn").child("Cd");
  if (code) t.reason = code.child_value();
  const pugi::xml_node amount = node.child("OrgnlTxRef").child("Amt").child("InstdAmt");
  if (amount) {
    auto dong = WholeDong(amount.child_value(), t.end_to_end_id);
    if (!dong) return Fail(std::move(dong.error()));
    t.amount_vnd = *dong;
  }
  return t;
}

}  // namespace

Result<Pain002Report> ParsePain002(std::string_view xml) {
  if (xml.size() > kMaxPain002Bytes) {
    return Fail(ErrorKind::kLimitExceeded, "pain002.too_large",
                "Tệp báo cáo trạng thái lớn quá 256 MiB.");
  }
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) {
    return Fail(ErrorKind::kInvalidInput, "pain002.not_xml", "Tệp không phải XML hợp lệ.");
  }
  const pugi::xml_node root = doc.child("Document");
  const pugi::xml_node report = root.child("CstmrPmtStsRpt");
  if (!report || std::string(root.attribute("xmlns").value()) != kPain002Namespace) {
    return Fail(ErrorKind::kInvalidInput, "pain002.not_pain002",
                "Tệp không phải báo cáo trạng thái pain.002.001.10.");
  }
  Pain002Report out;
  out.message_id = report.child("GrpHdr").child_value("MsgId");
  out.original_message_id = report.child("OrgnlGrpInfAndSts").child_value("OrgnlMsgId");
  if (out.message_id.empty()) return Missing("GrpHdr/MsgId");
  if (out.original_message_id.empty()) return Missing("OrgnlGrpInfAndSts/OrgnlMsgId");
  for (const pugi::xml_node& info : report.children("OrgnlPmtInfAndSts")) {
    for (const pugi::xml_node& node : info.children("TxInfAndSts")) {
      auto t = Transaction(node);
      if (!t) return Fail(std::move(t.error()));
      out.transactions.push_back(std::move(*t));
    }
  }
  return out;
}

}  // namespace ansinh::formats
