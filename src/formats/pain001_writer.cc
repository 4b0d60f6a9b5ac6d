#include "formats/pain001_writer.h"

#include <libxml/xmlwriter.h>

#include <memory>
#include <utility>

namespace ansinh::formats {
namespace {

constexpr const char* kNamespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

struct BufferFree {
  void operator()(xmlBuffer* buffer) const { xmlBufferFree(buffer); }
};
struct WriterFree {
  void operator()(xmlTextWriter* writer) const { xmlFreeTextWriter(writer); }
};

const xmlChar* X(const char* text) {
  return reinterpret_cast<const xmlChar*>(text);
}
const xmlChar* X(const std::string& text) {
  return X(text.c_str());
}

// Thin wrappers that remember the first failure, so the writing code reads
// as the document's shape.
class Xml {
 public:
  explicit Xml(xmlTextWriter* writer) : writer_(writer) {}
  void Open(const char* name) { Check(xmlTextWriterStartElement(writer_, X(name))); }
  void Close() { Check(xmlTextWriterEndElement(writer_)); }
  void Leaf(const char* name, const std::string& text) {
    Check(xmlTextWriterWriteElement(writer_, X(name), X(text)));
  }
  void Attribute(const char* name, const std::string& value) {
    Check(xmlTextWriterWriteAttribute(writer_, X(name), X(value)));
  }
  void Text(const std::string& text) { Check(xmlTextWriterWriteString(writer_, X(text))); }
  void Check(int rc) { ok_ = ok_ && rc >= 0; }
  bool ok() const { return ok_; }

 private:
  xmlTextWriter* writer_;
  bool ok_ = true;
};

void Agent(Xml& xml, const char* name, const std::string& member_id) {
  xml.Open(name);
  xml.Open("FinInstnId");
  xml.Open("ClrSysMmbId");
  xml.Leaf("MmbId", member_id);
  xml.Close();
  xml.Close();
  xml.Close();
}

void Account(Xml& xml, const char* name, const std::string& account, bool with_currency) {
  xml.Open(name);
  xml.Open("Id");
  xml.Open("Othr");
  xml.Leaf("Id", account);
  xml.Close();
  xml.Close();
  if (with_currency) xml.Leaf("Ccy", "VND");
  xml.Close();
}

void Party(Xml& xml, const char* name, const std::string& party_name) {
  xml.Open(name);
  xml.Leaf("Nm", party_name);
  xml.Close();
}

void Transaction(Xml& xml, const Pain001Transaction& t) {
  xml.Open("CdtTrfTxInf");
  xml.Open("PmtId");
  xml.Leaf("EndToEndId", t.end_to_end_id);
  xml.Close();
  xml.Open("Amt");
  xml.Open("InstdAmt");
  xml.Attribute("Ccy", "VND");
  xml.Text(std::to_string(t.amount_vnd));
  xml.Close();
  xml.Close();
  Agent(xml, "CdtrAgt", t.creditor_agent_id);
  Party(xml, "Cdtr", t.creditor_name);
  Account(xml, "CdtrAcct", t.creditor_account, false);
  if (!t.remittance.empty()) {
    xml.Open("RmtInf");
    xml.Leaf("Ustrd", t.remittance);
    xml.Close();
  }
  xml.Close();
}

// The schema's extension point: Envlp takes any element, validated laxly.
void Watermark(Xml& xml, const Pain001Watermark& w) {
  xml.Open("SplmtryData");
  xml.Leaf("PlcAndNm", "ansinh:export");
  xml.Open("Envlp");
  xml.Open("Xprt");
  xml.Attribute("xmlns", "urn:ansinh:export:1");
  xml.Leaf("By", w.exported_by);
  xml.Leaf("At", w.exported_at);
  xml.Close();
  xml.Close();
  xml.Close();
}

void Body(Xml& xml, const Pain001Message& m, const std::string& count, const std::string& sum) {
  xml.Open("Document");
  xml.Attribute("xmlns", kNamespace);
  xml.Open("CstmrCdtTrfInitn");
  xml.Open("GrpHdr");
  xml.Leaf("MsgId", m.message_id);
  xml.Leaf("CreDtTm", m.created_at);
  xml.Leaf("NbOfTxs", count);
  xml.Leaf("CtrlSum", sum);
  Party(xml, "InitgPty", m.initiating_party);
  xml.Close();
  xml.Open("PmtInf");
  xml.Leaf("PmtInfId", m.message_id);
  xml.Leaf("PmtMtd", "TRF");
  xml.Leaf("NbOfTxs", count);
  xml.Leaf("CtrlSum", sum);
  xml.Open("ReqdExctnDt");
  xml.Leaf("Dt", m.requested_date);
  xml.Close();
  Party(xml, "Dbtr", m.debtor_name);
  Account(xml, "DbtrAcct", m.debtor_account, true);
  Agent(xml, "DbtrAgt", m.debtor_agent_id);
  for (const Pain001Transaction& t : m.transactions) Transaction(xml, t);
  xml.Close();
  if (m.watermark) Watermark(xml, *m.watermark);
  xml.Close();
  xml.Close();
}

Status TooLong(const std::string& field, const std::string& value, std::size_t limit) {
  if (!value.empty() && value.size() <= limit) return {};
  Error error = MakeError(ErrorKind::kInvalidInput, "pain001.too_long",
                          "Trường " + field + " trống hoặc dài quá " + std::to_string(limit) +
                              " ký tự: \"" + value + "\".");
  error.details.push_back({0, field, "pain001.too_long", error.message});
  return Fail(std::move(error));
}

Status Validate(const Pain001Message& m, std::int64_t& sum_vnd) {
  if (m.transactions.empty()) {
    return Fail(ErrorKind::kInvalidInput, "pain001.empty", "Lô không có giao dịch nào.");
  }
  for (auto [field, value] : {std::pair{"MsgId", &m.message_id},
                              {"DbtrAcct", &m.debtor_account},
                              {"DbtrAgt", &m.debtor_agent_id}}) {
    if (auto ok = TooLong(field, *value, 35); !ok) return ok;
  }
  for (const Pain001Transaction& t : m.transactions) {
    if (auto ok = TooLong("EndToEndId", t.end_to_end_id, 35); !ok) return ok;
    if (auto ok = TooLong("CdtrAcct", t.creditor_account, 34); !ok) return ok;
    if (auto ok = TooLong("CdtrAgt", t.creditor_agent_id, 35); !ok) return ok;
    if (t.amount_vnd <= 0) {
      return Fail(ErrorKind::kInvalidInput, "pain001.amount",
                  "Số tiền của giao dịch " + t.end_to_end_id + " phải lớn hơn 0.");
    }
    if (__builtin_add_overflow(sum_vnd, t.amount_vnd, &sum_vnd)) {
      return Fail(ErrorKind::kInvalidInput, "pain001.overflow", "Tổng tiền lô vượt giới hạn.");
    }
  }
  return {};
}

}  // namespace

Result<std::string> WritePain001(const Pain001Message& message) {
  std::int64_t sum_vnd = 0;
  if (auto ok = Validate(message, sum_vnd); !ok) return Fail(ok.error());
  std::unique_ptr<xmlBuffer, BufferFree> buffer(xmlBufferCreate());
  if (!buffer) return Fail(ErrorKind::kInternal, "pain001.xml", "Không tạo được tệp XML.");
  std::unique_ptr<xmlTextWriter, WriterFree> writer(xmlNewTextWriterMemory(buffer.get(), 0));
  if (!writer) return Fail(ErrorKind::kInternal, "pain001.xml", "Không tạo được tệp XML.");
  xmlTextWriterSetIndent(writer.get(), 1);
  xmlTextWriterSetIndentString(writer.get(), X("  "));
  Xml xml(writer.get());
  xml.Check(xmlTextWriterStartDocument(writer.get(), "1.0", "UTF-8", nullptr));
  Body(xml, message, std::to_string(message.transactions.size()), std::to_string(sum_vnd));
  xml.Check(xmlTextWriterEndDocument(writer.get()));
  writer.reset();  // flushes into the buffer
  if (!xml.ok()) return Fail(ErrorKind::kInternal, "pain001.xml", "Lỗi khi ghi tệp XML.");
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                     static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace ansinh::formats
