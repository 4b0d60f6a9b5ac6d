#include "formats/camt054_reader.h"

#include <pugixml.hpp>
#include <utility>

#include "formats/iso20022_amount.h"

namespace ansinh::formats {
namespace {

constexpr const char* kCamt054Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

tl::unexpected<Error> Camt054Missing(const std::string& path) {
  return Fail(ErrorKind::kInvalidInput, "camt054.missing",
              "Thông báo hoàn trả thiếu phần tử " + path + ".");
}

// A VND amount in whole đồng ("750000", "750000.00"); anything else is refused.
Result<std::int64_t> Camt054Amount(const pugi::xml_node& amount, const std::string& id) {
  const std::string currency = amount.attribute("Ccy").value();
  if (currency != "VND") {
    return Fail(ErrorKind::kInvalidInput, "camt054.currency",
                "Giao dịch " + id + " không bằng đồng Việt Nam (" + currency + ").");
  }
  const std::string text = amount.child_value();
  const std::optional<std::int64_t> dong = ParseWholeDongAmount(text);
  if (!dong) {
    return Fail(ErrorKind::kInvalidInput, "camt054.amount",
                "Số tiền \"" + text + "\" của giao dịch " + id + " không phải số đồng nguyên.");
  }
  return *dong;
}

std::string Camt054BookingDate(const pugi::xml_node& entry) {
  const pugi::xml_node booked = entry.child("BookgDt");
  const std::string date = booked.child_value("Dt");
  if (!date.empty()) return date.substr(0, 10);
  return std::string(booked.child_value("DtTm")).substr(0, 10);
}

// One transaction of a booked credit entry; `only` when it is the entry's
// single transaction, which may take the entry's amount.
Result<Camt054Return> Camt054ReturnOf(const pugi::xml_node& tx, const pugi::xml_node& entry,
                                      bool only) {
  Camt054Return r;
  r.end_to_end_id = tx.child("Refs").child_value("EndToEndId");
  if (r.end_to_end_id.empty() || r.end_to_end_id == "NOTPROVIDED") {
    return Camt054Missing("Ntry/NtryDtls/TxDtls/Refs/EndToEndId");
  }
  pugi::xml_node amount = tx.child("Amt");
  if (!amount && only) amount = entry.child("Amt");
  if (!amount) return Camt054Missing("TxDtls/Amt (" + r.end_to_end_id + ")");
  auto dong = Camt054Amount(amount, r.end_to_end_id);
  if (!dong) return Fail(std::move(dong.error()));
  r.amount_vnd = *dong;
  const pugi::xml_node reason = tx.child("RtrInf").child("Rsn");
  if (reason.child("Cd")) r.reason = reason.child_value("Cd");
  if (!r.reason && reason.child("Prtry")) r.reason = reason.child_value("Prtry");
  r.booked_on = Camt054BookingDate(entry);
  return r;
}

Status Camt054Entry(const pugi::xml_node& entry, Camt054Notification& out) {
  const std::string direction = entry.child_value("CdtDbtInd");
  const std::string status = entry.child("Sts").child_value("Cd");
  if (direction != "CRDT" || status != "BOOK") {
    ++out.skipped_entries;
    return {};
  }
  std::vector<pugi::xml_node> txs;
  for (const pugi::xml_node& details : entry.children("NtryDtls")) {
    for (const pugi::xml_node& tx : details.children("TxDtls")) txs.push_back(tx);
  }
  if (txs.empty()) return Camt054Missing("Ntry/NtryDtls/TxDtls");
  for (const pugi::xml_node& tx : txs) {
    auto r = Camt054ReturnOf(tx, entry, txs.size() == 1);
    if (!r) return Fail(std::move(r.error()));
    if (out.returns.size() >= kMaxCamt054Returns) {
      return Fail(ErrorKind::kLimitExceeded, "camt054.too_large",
                  "Thông báo hoàn trả có quá 1.000.000 giao dịch.");
    }
    out.returns.push_back(std::move(*r));
  }
  return {};
}

}  // namespace

Result<Camt054Notification> ParseCamt054(std::string_view xml) {
  if (xml.size() > kMaxCamt054Bytes) {
    return Fail(ErrorKind::kLimitExceeded, "camt054.too_large",
                "Tệp thông báo hoàn trả lớn quá 256 MiB.");
  }
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) {
    return Fail(ErrorKind::kInvalidInput, "camt054.not_xml", "Tệp không phải XML hợp lệ.");
  }
  const pugi::xml_node root = doc.child("Document");
  const pugi::xml_node message = root.child("BkToCstmrDbtCdtNtfctn");
  if (!message || std::string(root.attribute("xmlns").value()) != kCamt054Namespace) {
    return Fail(ErrorKind::kInvalidInput, "camt054.not_camt054",
                "Tệp không phải thông báo ghi nợ/ghi có camt.054.001.08.");
  }
  Camt054Notification out;
  out.message_id = message.child("GrpHdr").child_value("MsgId");
  if (out.message_id.empty()) return Camt054Missing("GrpHdr/MsgId");
  for (const pugi::xml_node& notification : message.children("Ntfctn")) {
    for (const pugi::xml_node& entry : notification.children("Ntry")) {
      if (auto ok = Camt054Entry(entry, out); !ok) return Fail(ok.error());
    }
  }
  return out;
}

}  // namespace ansinh::formats
