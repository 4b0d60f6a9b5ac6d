// Validates an ISO 20022 document against the schema shipped in data/iso20022
// with libxml2 (xmlSchemaValidateDoc), for unit and integration tests.
#pragma once

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <cstdarg>
#include <cstdio>
#include <memory>
#include <string>

namespace ansinh::test {

inline void CollectSchemaError(void* context, const char* format, ...) {
  char buffer[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  *static_cast<std::string*>(context) += buffer;
}

// The libxml2 errors of the document, empty when it is valid.
inline std::string SchemaErrors(const std::string& schema_file, const std::string& xml) {
  std::string errors;
  std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> parser(
      xmlSchemaNewParserCtxt(schema_file.c_str()), xmlSchemaFreeParserCtxt);
  if (!parser) return "cannot read " + schema_file;
  std::unique_ptr<xmlSchema, decltype(&xmlSchemaFree)> schema(xmlSchemaParse(parser.get()),
                                                              xmlSchemaFree);
  if (!schema) return "cannot parse " + schema_file;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "message.xml", nullptr,
                    XML_PARSE_NONET),
      xmlFreeDoc);
  if (!doc) return "not well-formed XML";
  std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> validator(
      xmlSchemaNewValidCtxt(schema.get()), xmlSchemaFreeValidCtxt);
  xmlSchemaSetValidErrors(validator.get(), CollectSchemaError, CollectSchemaError, &errors);
  const int rc = xmlSchemaValidateDoc(validator.get(), doc.get());
  if (rc != 0 && errors.empty()) errors = "invalid (rc " + std::to_string(rc) + ")";
  return errors;
}

inline std::string Pain001Schema() {
  return std::string(ANSINH_REFERENCE_DATA_DIR) + "/iso20022/pain.001.001.09.xsd";
}

}  // namespace ansinh::test
