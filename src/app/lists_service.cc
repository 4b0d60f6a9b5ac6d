#include "app/lists_service.h"

#include <fstream>
#include <utility>

#include "app/registry_service.h"
#include "formats/xlsx_writer.h"

namespace ansinh::app {
namespace {

using store::RegistrationListRow;

struct ListSpec {
  const char* key;
  const char* sheet;  // at most 31 characters: Excel's limit
  const char* title;  // the plan's own wording
};

constexpr std::array<ListSpec, kRegistrationListCount> kSpecs = {{
    {"a", "a) NCC - tài khoản",
     "Danh sách đối tượng đăng ký nhận trợ cấp ưu đãi người có công với cách mạng qua tài "
     "khoản thanh toán"},
    {"b", "b) NCC - người nhận thay",
     "Danh sách người được ủy quyền/người giám hộ đăng ký nhận trợ cấp ưu đãi người có công "
     "với cách mạng qua tài khoản thanh toán"},
    {"c", "c) BTXH - tài khoản",
     "Danh sách đối tượng đăng ký nhận trợ cấp chính sách trợ giúp xã hội qua tài khoản thanh "
     "toán"},
    {"d", "d) BTXH - người nhận thay",
     "Danh sách người được ủy quyền/người giám hộ đăng ký nhận trợ cấp chính sách trợ giúp xã "
     "hội qua tài khoản thanh toán"},
    {"cash_paypoint", "Tiền mặt - điểm chi trả",
     "Danh sách nhận trợ cấp bằng tiền mặt tại điểm chi trả"},
    {"cash_home", "Tiền mặt - tại nhà", "Danh sách nhận trợ cấp bằng tiền mặt tại nhà"},
}};

const ListSpec& Spec(RegistrationList list) {
  return kSpecs[static_cast<std::size_t>(list)];
}

bool IsCashList(RegistrationList list) {
  return list == RegistrationList::kCashPaypoint || list == RegistrationList::kCashHome;
}

bool IsRepresentativeList(RegistrationList list) {
  return list == RegistrationList::kNccRepresentativeAccount ||
         list == RegistrationList::kBtxhRepresentativeAccount;
}

// What a cell needs besides the row: commune names and bank names.
struct CellContext {
  const RegistrationLists& lists;
  const core::ReferenceCodes& codes;
  RegistrationList list;
};

using CellFunction = std::string (*)(const RegistrationListRow&, const CellContext&);

struct ListColumn {
  const char* key;  // the JSON field
  const char* header;
  int width_chars;
  CellFunction value;
};

std::string BirthDateText(const std::string& stored) {
  if (stored.size() != 10) return stored;  // year only
  return stored.substr(8, 2) + "/" + stored.substr(5, 2) + "/" + stored.substr(0, 4);
}

std::string CommuneText(const RegistrationListRow& row, const CellContext& context) {
  const auto found = context.lists.commune_names.find(row.commune_code);
  return found == context.lists.commune_names.end() ? row.commune_code : found->second;
}

std::string BankText(const RegistrationListRow& row, const CellContext& context) {
  const auto found = context.codes.institutions.find(row.bin);
  if (found == context.codes.institutions.end()) return row.bin;
  return found->second.short_name + " (" + row.bin + ")";
}

// An invalid method stays on the list, flagged with what the commune must fix.
std::string StatusText(const RegistrationListRow& row, const CellContext& context) {
  if (row.valid) return "Hợp lệ";
  std::string text = IsCashList(context.list) ? "Chưa hợp lệ" : "Tài khoản chưa hợp lệ";
  for (std::size_t i = 0; i < row.problems.size(); ++i) {
    text += (i == 0 ? ": " : "; ") + row.problems[i];
  }
  return text;
}

std::string RepresentativeName(const RegistrationListRow& row, const CellContext&) {
  return row.representative ? row.representative->full_name : "";
}
std::string RepresentativeId(const RegistrationListRow& row, const CellContext&) {
  return row.representative ? row.representative->citizen_id : "";
}
std::string RepresentativeRelationship(const RegistrationListRow& row, const CellContext&) {
  return row.representative ? row.representative->relationship : "";
}

const std::vector<ListColumn>& PersonColumns() {
  static const std::vector<ListColumn> columns = {
      {"ma_doi_tuong", "Mã đối tượng", 14, [](const auto& r, const auto&) { return r.code; }},
      {"ho_ten", "Họ và tên", 28, [](const auto& r, const auto&) { return r.full_name; }},
      {"ngay_sinh", "Ngày sinh", 12,
       [](const auto& r, const auto&) { return BirthDateText(r.birth_date); }},
      {"gioi_tinh", "Giới tính", 9,
       [](const auto& r, const auto&) { return std::string(core::SexLabel(r.sex)); }},
      {"so_dinh_danh", "Số định danh", 16, [](const auto& r, const auto&) { return r.citizen_id; }},
      {"xa_phuong", "Xã/phường", 24, CommuneText}};
  return columns;
}

const std::vector<ListColumn>& RecipientColumns() {
  static const std::vector<ListColumn> columns = {
      {"tu_cach_nguoi_nhan", "Tư cách người nhận", 20,
       [](const auto& r, const auto&) { return std::string(core::RecipientLabel(r.recipient)); }},
      {"nguoi_nhan", "Người nhận", 28, RepresentativeName},
      {"so_dinh_danh_nguoi_nhan", "Số định danh người nhận", 16, RepresentativeId},
      {"quan_he", "Quan hệ", 14, RepresentativeRelationship}};
  return columns;
}

const std::vector<ListColumn>& AccountColumns() {
  static const std::vector<ListColumn> columns = {
      {"ngan_hang", "Ngân hàng", 20, BankText},
      {"so_tai_khoan", "Số tài khoản", 18,
       [](const auto& r, const auto&) { return r.account_number; }},
      {"ten_chu_tai_khoan", "Tên chủ tài khoản", 24,
       [](const auto& r, const auto&) { return r.holder_name; }}};
  return columns;
}

std::vector<ListColumn> ColumnsFor(RegistrationList list) {
  std::vector<ListColumn> columns = PersonColumns();
  if (IsCashList(list)) {
    columns.push_back({"nhom", "Nhóm", 8, [](const auto& r, const auto&) {
                         return std::string(core::BeneficiaryGroupCode(r.group));
                       }});
  }
  if (IsCashList(list) || IsRepresentativeList(list)) {
    columns.insert(columns.end(), RecipientColumns().begin(), RecipientColumns().end());
  }
  columns.push_back({"hinh_thuc", "Hình thức", 24, [](const auto& r, const auto&) {
                       return std::string(core::PaymentChannelLabel(r.channel));
                     }});
  if (!IsCashList(list)) {
    columns.insert(columns.end(), AccountColumns().begin(), AccountColumns().end());
  }
  columns.push_back(
      {"tinh_trang", IsCashList(list) ? "Tình trạng" : "Tình trạng tài khoản", 40, StatusText});
  return columns;
}

store::AdminEdition EditionOf(const std::string& edition) {
  return edition == "2025" ? store::AdminEdition::k2025 : store::AdminEdition::kPre2025;
}

// The unit a code of this length names; the 2025 map has no districts.
Result<store::AdminUnit> FindUnit(store::AdminUnitStore& units, const std::string& edition,
                                  const std::string& code) {
  const std::size_t length = code.size();
  const auto level = length == 5   ? store::AdminLevel::kCommune
                     : length == 3 ? store::AdminLevel::kDistrict
                                   : store::AdminLevel::kProvince;
  if (length == 5 || length == 3 || length == 2) {
    auto found = units.Find(EditionOf(edition), level, code);
    if (!found) return Fail(std::move(found.error()));
    if (*found) return std::move(**found);
  }
  return Fail(
      ErrorKind::kNotFound, "lists.unit_not_found",
      "Không tìm thấy đơn vị hành chính có mã \"" + code + "\" (xã: 5 chữ số, huyện: 3, tỉnh: 2).");
}

// Every commune under `unit` (itself when it is one), by code.
Status CollectCommunes(store::AdminUnitStore& units, const store::AdminUnit& unit,
                       std::map<std::string, std::string>& names) {
  if (unit.level == store::AdminLevel::kCommune) {
    names.emplace(unit.code, unit.name);
    return {};
  }
  auto children = units.Children(unit.id);
  if (!children) return Fail(std::move(children.error()));
  for (const store::AdminUnit& child : *children) {
    if (auto ok = CollectCommunes(units, child, names); !ok) return ok;
  }
  return {};
}

// The export date as read in Vietnam (UTC+7 all year).
std::string ExportDate(std::chrono::system_clock::time_point now) {
  const std::string iso = FormatInstant(now + std::chrono::hours(7)).substr(0, 10);
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::vector<std::string> TitleLines(const ListSpec& spec, const RegistrationLists& lists,
                                    const ExportStamp& stamp) {
  return {spec.title, "Đơn vị: " + lists.unit.name + " (mã " + lists.unit.code + ")",
          "Ngày xuất: " + ExportDate(stamp.at), WatermarkLine(stamp)};
}

std::string CountLine(std::size_t count) {
  return "Tổng số người: " + std::to_string(count);
}

Status WriteSheet(formats::XlsxWriter& writer, const CellContext& context,
                  const ExportStamp& stamp) {
  const ListSpec& spec = Spec(context.list);
  const std::vector<ListColumn> columns = ColumnsFor(context.list);
  std::vector<formats::XlsxColumn> headers{{"STT", 6}};
  for (const ListColumn& c : columns) headers.push_back({c.header, c.width_chars});
  auto sheet = writer.AddSheet(spec.sheet, std::move(headers));
  if (!sheet) return Fail(std::move(sheet.error()));
  if (auto ok = (*sheet)->SetPrintFooter(WatermarkLine(stamp)); !ok) return ok;
  for (const std::string& line : TitleLines(spec, context.lists, stamp)) {
    if (auto ok = (*sheet)->AddTextLine(line, line == spec.title); !ok) return ok;
  }
  if (auto ok = (*sheet)->AddHeader(); !ok) return ok;
  const auto& rows = context.lists.rows[static_cast<std::size_t>(context.list)];
  for (std::size_t i = 0; i < rows.size(); ++i) {
    // Identifiers go in as text so that Excel keeps their leading zeros.
    std::vector<formats::XlsxValue> cells{
        formats::XlsxValue::Integer(static_cast<std::int64_t>(i + 1))};
    for (const ListColumn& c : columns) {
      cells.push_back(formats::XlsxValue::Text(c.value(rows[i], context)));
    }
    if (auto ok = (*sheet)->AddRow(cells); !ok) return ok;
  }
  return (*sheet)->AddTextLine(CountLine(rows.size()), true);
}

nlohmann::json ListJson(const CellContext& context, const ExportStamp& stamp) {
  const ListSpec& spec = Spec(context.list);
  const auto& rows = context.lists.rows[static_cast<std::size_t>(context.list)];
  nlohmann::json out{{"title", spec.title},
                     {"sheet", spec.sheet},
                     {"count", rows.size()},
                     {"header_lines", TitleLines(spec, context.lists, stamp)},
                     {"rows", nlohmann::json::array()}};
  const std::vector<ListColumn> columns = ColumnsFor(context.list);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    nlohmann::json row{{"stt", i + 1}};
    for (const ListColumn& c : columns) row[c.key] = c.value(rows[i], context);
    out["rows"].push_back(std::move(row));
  }
  return out;
}

Status WriteJsonFile(const std::filesystem::path& path, const nlohmann::json& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  file.close();
  if (file) return {};
  return Fail(ErrorKind::kUnavailable, "lists.write_failed",
              "Không ghi được tệp " + path.string() + ".");
}

}  // namespace

const char* RegistrationListKey(RegistrationList list) {
  return Spec(list).key;
}

RegistrationList ListFor(const RegistrationListRow& row) {
  if (row.channel == core::PaymentChannel::kCashPaypoint) return RegistrationList::kCashPaypoint;
  if (row.channel == core::PaymentChannel::kCashHome) return RegistrationList::kCashHome;
  const bool self = row.recipient == core::Recipient::kSelf;
  if (row.group == core::BeneficiaryGroup::kNcc) {
    return self ? RegistrationList::kNccAccount : RegistrationList::kNccRepresentativeAccount;
  }
  return self ? RegistrationList::kBtxhAccount : RegistrationList::kBtxhRepresentativeAccount;
}

Result<RegistrationLists> CollectRegistrationLists(store::SqlSession& session,
                                                   const std::string& unit_code,
                                                   std::chrono::system_clock::time_point now,
                                                   const std::optional<std::string>& edition) {
  RegistrationLists lists;
  lists.edition = edition.value_or(CommuneEditionOn(now));
  auto units = store::MakeAdminUnitStore(session);
  auto unit = FindUnit(*units, lists.edition, unit_code);
  if (!unit) return Fail(std::move(unit.error()));
  lists.unit = std::move(*unit);
  if (auto ok = CollectCommunes(*units, lists.unit, lists.commune_names); !ok) {
    return Fail(std::move(ok.error()));
  }
  std::vector<std::string> communes;
  for (const auto& entry : lists.commune_names) communes.push_back(entry.first);
  auto rows = store::MakeRegistrationListStore(session)->ActiveInCommunes(lists.edition, communes);
  if (!rows) return Fail(std::move(rows.error()));
  for (RegistrationListRow& row : *rows) {
    lists.rows[static_cast<std::size_t>(ListFor(row))].push_back(std::move(row));
  }
  return lists;
}

nlohmann::json ToJson(const ListsExportReport& report) {
  nlohmann::json counts;
  for (std::size_t i = 0; i < kRegistrationListCount; ++i) {
    counts[kSpecs[i].key] = report.counts[i];
  }
  return {{"unit", {{"code", report.unit_code}, {"name", report.unit_name}}},
          {"files", {report.xlsx_file.string(), report.json_file.string()}},
          {"counts", counts}};
}

std::int64_t RowCount(const RegistrationLists& lists) {
  std::int64_t rows = 0;
  for (const auto& list : lists.rows) rows += static_cast<std::int64_t>(list.size());
  return rows;
}

Status AuditListsExport(store::SqlSession& session, const AuditActor& actor,
                        const RegistrationLists& lists, const std::string& format,
                        nlohmann::json detail) {
  detail["edition"] = lists.edition;
  return AuditExport(session, actor,
                     ExportRecord{"lists.export", "registration_list", lists.unit.code, format,
                                  RowCount(lists), std::move(detail)});
}

Result<ListsExportReport> WriteRegistrationLists(const RegistrationLists& lists,
                                                 const core::ReferenceCodes& codes,
                                                 const std::filesystem::path& out_dir,
                                                 const ExportStamp& stamp) {
  const std::string stem = "danh-sach-dang-ky-" + lists.unit.code;
  ListsExportReport report{
      lists.unit.code, lists.unit.name, out_dir / (stem + ".xlsx"), out_dir / (stem + ".json"), {}};
  auto writer = formats::XlsxWriter::Create(report.xlsx_file);
  if (!writer) return Fail(std::move(writer.error()));
  const std::string title = "Danh sách đăng ký hình thức chi trả - " + lists.unit.name;
  if (auto ok = (*writer)->SetProperties(StampProperties(stamp, title)); !ok) {
    return Fail(std::move(ok.error()));
  }
  nlohmann::json content{{"unit", {{"code", lists.unit.code}, {"name", lists.unit.name}}},
                         {"edition", lists.edition},
                         {"exported_on", ExportDate(stamp.at)},
                         {"lists", nlohmann::json::object()}};
  StampJson(content, stamp);
  for (std::size_t i = 0; i < kRegistrationListCount; ++i) {
    const CellContext context{lists, codes, static_cast<RegistrationList>(i)};
    if (auto ok = WriteSheet(**writer, context, stamp); !ok) return Fail(std::move(ok.error()));
    content["lists"][kSpecs[i].key] = ListJson(context, stamp);
    report.counts[i] = static_cast<std::int64_t>(lists.rows[i].size());
  }
  if (auto ok = (*writer)->Finish(); !ok) return Fail(std::move(ok.error()));
  if (auto ok = WriteJsonFile(report.json_file, content); !ok) return Fail(std::move(ok.error()));
  return report;
}

}  // namespace ansinh::app
