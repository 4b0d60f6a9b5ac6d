// A thin libxml2 text writer for the simulators' ISO 20022 answers: remembers
// the first failure so the writing code reads as the document's shape.
#pragma once

#include <libxml/xmlwriter.h>

#include <memory>
#include <string>

#include "core/error.h"

namespace ansinh::sims {

class XmlOut {
 public:
  XmlOut();
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;
  ~XmlOut();

  void Open(const char* name);
  void Close();
  void Leaf(const char* name, const std::string& text);
  void Attribute(const char* name, const std::string& value);
  void Text(const std::string& text);
  // <name Ccy="VND">amount</name>
  void Amount(const char* name, std::int64_t amount_vnd);

  // The finished UTF-8 document. Errors: kInternal sim.xml when libxml2 failed.
  Result<std::string> Finish();

 private:
  void Check(int rc) { ok_ = ok_ && rc >= 0; }

  xmlBuffer* buffer_ = nullptr;
  xmlTextWriter* writer_ = nullptr;
  bool ok_ = true;
};

}  // namespace ansinh::sims
