#include "sims/bank/pain001_in.h"

#include <algorithm>
#include <pugixml.hpp>
#include <set>
#include <utility>

#include "sims/common/sim_hash.h"

namespace ansinh::sims {
namespace {

constexpr const char* kPain001InNamespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

tl::unexpected<Error> Pain001InMissing(const std::string& path) {
  return Fail(ErrorKind::kInvalidInput, "sim.pain001_missing",
              "Lệnh chuyển tiền thiếu phần tử " + path + ".");
}

// Whole đồng only: VND has no minor unit; "500000" and "500000.00" pass.
bool Pain001InWholeDong(const std::string& text, std::int64_t& out) {
  const std::size_t dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  if (whole.empty() || whole.size() > 15) return false;
  for (char c : whole) {
    if (c < '0' || c > '9') return false;
  }
  if (dot != std::string::npos) {
    for (char c : text.substr(dot + 1)) {
      if (c != '0') return false;
    }
  }
  out = std::stoll(whole);
  return true;
}

Status Pain001InTransactions(const pugi::xml_node& payment, Pain001In& out) {
  std::set<std::string> seen;
  for (const pugi::xml_node& tx : payment.children("CdtTrfTxInf")) {
    Pain001InTransaction t;
    t.end_to_end_id = tx.child("PmtId").child_value("EndToEndId");
    if (t.end_to_end_id.empty()) return Pain001InMissing("CdtTrfTxInf/PmtId/EndToEndId");
    const std::string amount = tx.child("Amt").child_value("InstdAmt");
    if (!Pain001InWholeDong(amount, t.amount_vnd) || t.amount_vnd <= 0) {
      return Fail(ErrorKind::kInvalidInput, "sim.pain001_amount",
                  "Số tiền «" + amount + "» của giao dịch " + t.end_to_end_id +
                      " không phải số đồng nguyên dương.");
    }
    if (!seen.insert(t.end_to_end_id).second) {
      return Fail(ErrorKind::kInvalidInput, "sim.pain001_duplicate",
                  "Mã EndToEndId " + t.end_to_end_id + " xuất hiện hai lần.");
    }
    out.transactions.push_back(std::move(t));
  }
  return {};
}

Status Pain001InControls(const pugi::xml_node& header, const Pain001In& out) {
  std::int64_t sum = 0;
  for (const auto& t : out.transactions) sum += t.amount_vnd;
  std::int64_t control_sum = -1;
  const bool sum_ok = Pain001InWholeDong(header.child_value("CtrlSum"), control_sum);
  if (header.child_value("NbOfTxs") != std::to_string(out.transactions.size()) || !sum_ok ||
      control_sum != sum) {
    return Fail(ErrorKind::kInvalidInput, "sim.pain001_control",
                "NbOfTxs hoặc CtrlSum không khớp với các giao dịch trong lệnh.");
  }
  return {};
}

}  // namespace

Result<Pain001In> ReadPain001(std::string_view xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) {
    return Fail(ErrorKind::kInvalidInput, "sim.pain001_not_xml", "Nội dung không phải XML hợp lệ.");
  }
  const pugi::xml_node root = doc.child("Document");
  const pugi::xml_node initiation = root.child("CstmrCdtTrfInitn");
  if (!initiation || std::string(root.attribute("xmlns").value()) != kPain001InNamespace) {
    return Fail(ErrorKind::kInvalidInput, "sim.pain001_not_pain001",
                "Nội dung không phải lệnh chuyển tiền pain.001.001.09.");
  }
  const pugi::xml_node header = initiation.child("GrpHdr");
  const pugi::xml_node payment = initiation.child("PmtInf");
  Pain001In out;
  out.message_id = header.child_value("MsgId");
  if (out.message_id.empty()) return Pain001InMissing("GrpHdr/MsgId");
  if (!payment) return Pain001InMissing("PmtInf");
  out.payment_info_id = payment.child_value("PmtInfId");
  out.requested_date = payment.child("ReqdExctnDt").child_value("Dt");
  out.debtor_account = payment.child("DbtrAcct").child("Id").child("Othr").child_value("Id");
  if (out.debtor_account.empty()) return Pain001InMissing("PmtInf/DbtrAcct");
  if (auto ok = Pain001InTransactions(payment, out); !ok) return Fail(ok.error());
  if (out.transactions.empty()) return Pain001InMissing("PmtInf/CdtTrfTxInf");
  if (auto ok = Pain001InControls(header, out); !ok) return Fail(ok.error());
  return out;
}

std::string Pain001Fingerprint(const Pain001In& message) {
  std::vector<std::string> parts;
  parts.reserve(message.transactions.size());
  for (const auto& t : message.transactions) {
    parts.push_back(t.end_to_end_id + "=" + std::to_string(t.amount_vnd));
  }
  std::sort(parts.begin(), parts.end());
  std::string joined = message.debtor_account;
  for (const auto& part : parts) joined += "\n" + part;
  return std::to_string(SimHash(0, "pain001", joined));
}

}  // namespace ansinh::sims
