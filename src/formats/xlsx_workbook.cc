#include "formats/xlsx_workbook.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "formats/xlsx_errors.h"
#include "formats/xlsx_values.h"

namespace ansinh::formats::xlsx {
namespace {

constexpr std::string_view kDefaultWorkbookPart = "xl/workbook.xml";
// parse_ws_pcdata_single keeps a cell whose whole text is spaces.
constexpr unsigned kParseOptions =
    pugi::parse_escapes | pugi::parse_eol | pugi::parse_ws_pcdata_single | pugi::parse_fragment;

struct Relationship {
  std::string id;
  std::string type;
  std::string target;  // resolved to a zip entry name
};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string_view DirectoryOf(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
}

// A relationship target is relative to the source part's folder unless it
// starts with '/'; "." and ".." segments are resolved like a file path.
std::string ResolveTarget(std::string_view base_dir, std::string_view target) {
  std::string joined = target.starts_with('/') ? std::string(target.substr(1))
                                               : std::string(base_dir) + std::string(target);
  std::vector<std::string_view> segments;
  const std::string_view path(joined);
  for (std::size_t start = 0; start <= path.size();) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string resolved;
  for (std::string_view segment : segments) {
    if (!resolved.empty()) resolved += '/';
    resolved += segment;
  }
  return resolved;
}

std::string RelationshipsPartOf(std::string_view part) {
  const std::string_view dir = DirectoryOf(part);
  return std::string(dir) + "_rels/" + std::string(part.substr(dir.size())) + ".rels";
}

Result<std::vector<Relationship>> ReadRelationships(const ZipArchive& zip,
                                                    std::string_view source_part,
                                                    std::size_t max_entry_bytes) {
  const std::string rels_part = RelationshipsPartOf(source_part);
  Result<std::string> xml = zip.Read(rels_part, max_entry_bytes);
  if (!xml) return Fail(std::move(xml.error()));
  pugi::xml_document doc;
  if (Status parsed = ParseXml(doc, *xml, rels_part); !parsed) return Fail(parsed.error());
  std::vector<Relationship> relationships;
  for (pugi::xml_node rel : FirstChild(doc, "Relationships").children()) {
    if (LocalName(rel.name()) != "Relationship") continue;
    relationships.push_back(
        Relationship{rel.attribute("Id").value(), rel.attribute("Type").value(),
                     ResolveTarget(DirectoryOf(source_part), rel.attribute("Target").value())});
  }
  return relationships;
}

std::string TargetOfType(const std::vector<Relationship>& relationships, std::string_view suffix) {
  for (const Relationship& rel : relationships) {
    if (EndsWith(rel.type, suffix)) return rel.target;
  }
  return {};
}

// The r:id of a <sheet>, whatever prefix the relationships namespace has.
std::string_view SheetRelationshipId(pugi::xml_node sheet) {
  for (pugi::xml_attribute attribute : sheet.attributes()) {
    const char* name = attribute.name();
    if (std::strchr(name, ':') != nullptr && LocalName(name) == "id") return attribute.value();
  }
  return {};
}

Result<std::string> WorkbookPart(const ZipArchive& zip, std::size_t max_entry_bytes) {
  if (!zip.Contains("_rels/.rels")) return std::string(kDefaultWorkbookPart);
  Result<std::vector<Relationship>> package = ReadRelationships(zip, "", max_entry_bytes);
  if (!package) return Fail(std::move(package.error()));
  std::string part = TargetOfType(*package, "/officeDocument");
  return part.empty() ? std::string(kDefaultWorkbookPart) : part;
}

Status ReadSheetList(pugi::xml_node workbook, const std::vector<Relationship>& relationships,
                     WorkbookLayout& layout) {
  for (pugi::xml_node sheet : FirstChild(workbook, "sheets").children()) {
    if (LocalName(sheet.name()) != "sheet") continue;
    const std::string_view id = SheetRelationshipId(sheet);
    for (const Relationship& rel : relationships) {
      if (rel.id == id)
        layout.sheets.push_back(SheetEntry{sheet.attribute("name").value(), rel.target});
    }
  }
  if (layout.sheets.empty()) {
    return Fail(ErrorKind::kInvalidInput, "xlsx.no_sheets", "Tệp Excel không có trang tính nào");
  }
  return {};
}

}  // namespace

std::string_view LocalName(const char* name) {
  const std::string_view full(name);
  const std::size_t colon = full.find(':');
  return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

pugi::xml_node FirstChild(pugi::xml_node parent, std::string_view local_name) {
  for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && LocalName(child.name()) == local_name) return child;
  }
  return {};
}

std::string RichText(pugi::xml_node string_item) {
  std::string text;
  for (pugi::xml_node child = string_item.first_child(); child; child = child.next_sibling()) {
    const std::string_view name = LocalName(child.name());
    if (name == "t") {
      text += child.child_value();
    } else if (name == "r") {
      text += FirstChild(child, "t").child_value();
    }
  }
  DecodeExcelEscapes(text);
  return text;
}

Status ParseXmlInPlace(pugi::xml_document& doc, char* text, std::size_t size, std::string_view part,
                       long row) {
  if (size == 0) return Fail(MalformedXml(part, row));
  const pugi::xml_parse_result result =
      doc.load_buffer_inplace(text, size, kParseOptions, pugi::encoding_utf8);
  if (!result) return Fail(MalformedXml(part, row));
  return {};
}

Status ParseXml(pugi::xml_document& doc, std::string& xml, std::string_view part) {
  return ParseXmlInPlace(doc, xml.data(), xml.size(), part);
}

Result<WorkbookLayout> ReadWorkbookLayout(const ZipArchive& zip, std::size_t max_entry_bytes) {
  Result<std::string> part = WorkbookPart(zip, max_entry_bytes);
  if (!part) return Fail(std::move(part.error()));
  Result<std::string> xml = zip.Read(*part, max_entry_bytes);
  if (!xml) return Fail(std::move(xml.error()));
  pugi::xml_document doc;
  if (Status parsed = ParseXml(doc, *xml, *part); !parsed) return Fail(parsed.error());
  const pugi::xml_node workbook = FirstChild(doc, "workbook");
  if (!workbook) return Fail(MalformedXml(*part));
  Result<std::vector<Relationship>> relationships = ReadRelationships(zip, *part, max_entry_bytes);
  if (!relationships) return Fail(std::move(relationships.error()));
  WorkbookLayout layout;
  const std::string_view date1904 =
      FirstChild(workbook, "workbookPr").attribute("date1904").value();
  layout.date1904 = date1904 == "1" || date1904 == "true";
  if (Status listed = ReadSheetList(workbook, *relationships, layout); !listed) {
    return Fail(listed.error());
  }
  layout.shared_strings_part = TargetOfType(*relationships, "/sharedStrings");
  layout.styles_part = TargetOfType(*relationships, "/styles");
  return layout;
}

Result<std::vector<std::string>> ReadSharedStrings(const ZipArchive& zip, const std::string& part,
                                                   std::size_t max_entry_bytes) {
  std::vector<std::string> strings;
  if (part.empty()) return strings;
  Result<std::string> xml = zip.Read(part, max_entry_bytes);
  if (!xml) return Fail(std::move(xml.error()));
  pugi::xml_document doc;
  if (Status parsed = ParseXml(doc, *xml, part); !parsed) return Fail(parsed.error());
  for (pugi::xml_node item : FirstChild(doc, "sst").children()) {
    if (LocalName(item.name()) == "si") strings.push_back(RichText(item));
  }
  return strings;
}

Result<std::vector<bool>> ReadDateStyles(const ZipArchive& zip, const std::string& part,
                                         std::size_t max_entry_bytes) {
  std::vector<bool> is_date;
  if (part.empty()) return is_date;
  Result<std::string> xml = zip.Read(part, max_entry_bytes);
  if (!xml) return Fail(std::move(xml.error()));
  pugi::xml_document doc;
  if (Status parsed = ParseXml(doc, *xml, part); !parsed) return Fail(parsed.error());
  const pugi::xml_node style_sheet = FirstChild(doc, "styleSheet");
  std::vector<long> custom_date_ids;
  for (pugi::xml_node format : FirstChild(style_sheet, "numFmts").children()) {
    if (LocalName(format.name()) == "numFmt" &&
        IsDateFormatCode(format.attribute("formatCode").value())) {
      custom_date_ids.push_back(static_cast<long>(format.attribute("numFmtId").as_llong()));
    }
  }
  for (pugi::xml_node xf : FirstChild(style_sheet, "cellXfs").children()) {
    if (LocalName(xf.name()) != "xf") continue;
    const long id = static_cast<long>(xf.attribute("numFmtId").as_llong());
    bool date = IsBuiltInDateFormat(id);
    for (long custom : custom_date_ids) date = date || custom == id;
    is_date.push_back(date);
  }
  return is_date;
}

}  // namespace ansinh::formats::xlsx
