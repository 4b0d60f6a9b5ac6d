#include "sims/common/xml_out.h"

namespace ansinh::sims {
namespace {

const xmlChar* SimXmlText(const char* text) {
  return reinterpret_cast<const xmlChar*>(text);
}

}  // namespace

XmlOut::XmlOut() : buffer_(xmlBufferCreate()) {
  if (buffer_ != nullptr) writer_ = xmlNewTextWriterMemory(buffer_, 0);
  ok_ = writer_ != nullptr;
  if (!ok_) return;
  xmlTextWriterSetIndent(writer_, 1);
  xmlTextWriterSetIndentString(writer_, SimXmlText("  "));
  Check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
}

XmlOut::~XmlOut() {
  if (writer_ != nullptr) xmlFreeTextWriter(writer_);
  if (buffer_ != nullptr) xmlBufferFree(buffer_);
}

void XmlOut::Open(const char* name) {
  if (ok_) Check(xmlTextWriterStartElement(writer_, SimXmlText(name)));
}
void XmlOut::Close() {
  if (ok_) Check(xmlTextWriterEndElement(writer_));
}
void XmlOut::Leaf(const char* name, const std::string& text) {
  if (ok_) Check(xmlTextWriterWriteElement(writer_, SimXmlText(name), SimXmlText(text.c_str())));
}
void XmlOut::Attribute(const char* name, const std::string& value) {
  if (ok_) {
    Check(xmlTextWriterWriteAttribute(writer_, SimXmlText(name), SimXmlText(value.c_str())));
  }
}
void XmlOut::Text(const std::string& text) {
  if (ok_) Check(xmlTextWriterWriteString(writer_, SimXmlText(text.c_str())));
}
void XmlOut::Amount(const char* name, std::int64_t amount_vnd) {
  Open(name);
  Attribute("Ccy", "VND");
  Text(std::to_string(amount_vnd));
  Close();
}

Result<std::string> XmlOut::Finish() {
  if (ok_) Check(xmlTextWriterEndDocument(writer_));
  if (writer_ != nullptr) {
    xmlFreeTextWriter(writer_);  // flushes into the buffer
    writer_ = nullptr;
  }
  if (!ok_) return Fail(ErrorKind::kInternal, "sim.xml", "Lỗi khi ghi tài liệu XML.");
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                     static_cast<std::size_t>(xmlBufferLength(buffer_)));
}

}  // namespace ansinh::sims
