#include "formats/beneficiary_import_row.h"

#include <utility>

#include "core/ascii.h"
#include "core/name.h"

namespace ansinh::formats::import_detail {
namespace {

// Printable ASCII with single inner spaces is already in NormalizeName form
// (NFC of ASCII is itself), so most holder names and many names skip ICU.
bool IsNormalAscii(std::string_view text) {
  if (text.empty() || text.size() > core::kMaxNameBytes) return false;
  if (text.front() == ' ' || text.back() == ' ') return false;
  char previous = 'x';
  for (char c : text) {
    if (c < ' ' || c > '~' || (c == ' ' && previous == ' ')) return false;
    previous = c;
  }
  return true;
}

// The spellings seen in real sheets, byte for byte (NFC); anything else goes
// through core::ParseSex, which folds case, form and diacritics.
std::optional<core::Sex> FastSex(std::string_view text) {
  if (text == "Nam" || text == "nam" || text == "NAM") return core::Sex::kMale;
  if (text == "N\u1eef" || text == "n\u1eef" || text == "N\u1eee") return core::Sex::kFemale;
  return std::nullopt;
}

std::optional<bool> FlagValue(std::string_view text) {
  if (text.empty()) return false;
  for (std::string_view yes : {"C", "c", "X", "x", "1", "C\u00f3", "c\u00f3", "C\u00d3"}) {
    if (text == yes) return true;
  }
  for (std::string_view no : {"K", "k", "0", "Kh\u00f4ng", "kh\u00f4ng", "KH\u00d4NG"}) {
    if (text == no) return false;
  }
  return std::nullopt;
}

}  // namespace

std::string PlacedMessage(long row, const std::string& label, std::string_view message) {
  std::string placed = "Dòng " + std::to_string(row) + ", cột \"" + label + "\": ";
  placed.append(message);
  return placed;
}

RowParser::RowParser(const ImportCatalog& catalog, const ColumnMap& columns, std::size_t max_errors)
    : catalog_(catalog), columns_(columns), max_errors_(max_errors) {}

ErrorDetail RowParser::Detail(long row, Column column, std::string code,
                              std::string_view message) const {
  const std::string& label = columns_.LabelOf(column);
  return ErrorDetail{
      row, ColumnKey(column), std::move(code),
      PlacedMessage(row, label.empty() ? std::string(ColumnKey(column)) : label, message)};
}

std::string_view RowParser::Cell(Column column) const {
  std::size_t index = columns_.IndexOf(column);
  if (index == kNoCell || index >= cells_.size()) return {};
  return core::TrimAsciiSpace(cells_[index]);
}

void RowParser::AddError(Column column, std::string code, std::string_view message) {
  if (errors_->size() >= max_errors_) return;
  errors_->push_back(Detail(row_, column, std::move(code), message));
}

std::optional<std::string_view> RowParser::Required(Column column) {
  std::string_view text = Cell(column);
  if (!text.empty()) return text;
  AddError(column, "import.required_missing",
           std::string("Thiếu giá trị bắt buộc (") + ColumnKey(column) + ")");
  return std::nullopt;
}

template <class T>
std::optional<T> RowParser::Take(Column column, Result<T> result) {
  if (result) return std::move(*result);
  AddError(column, std::move(result.error().code), result.error().message);
  return std::nullopt;
}

std::optional<core::Period> RowParser::ParseMonth(Column column) {
  std::string_view text = Cell(column);
  if (text.empty()) return std::nullopt;
  Result<core::Period> month = core::Period::ParseMonthYear(text);
  if (!month) {
    // Excel turns a typed "07/2024" into the date 01/07/2024; take its month.
    Result<core::Date> date = core::Date::Parse(text);
    if (date && !date->is_year_only() && date->day() == 1) {
      return core::Period::FromYearMonth(date->year(), date->month()).value();
    }
  }
  return Take(column, std::move(month));
}

bool RowParser::ParseFlag(Column column) {
  std::optional<bool> value = FlagValue(Cell(column));
  if (value) return *value;
  AddError(column, "import.flag_invalid", "Chỉ được ghi C (có) hoặc K (không)");
  return false;
}

std::optional<std::string> RowParser::ParseName(Column column, bool required) {
  std::string_view text = Cell(column);
  if (text.empty()) {
    if (required) Required(column);
    return std::nullopt;
  }
  if (IsNormalAscii(text)) return std::string(text);
  return Take(column, core::NormalizeName(text));
}

void RowParser::ParsePerson(RowValues& values) {
  if (auto text = Required(Column::kMaDoiTuong)) {
    values.code = Take(Column::kMaDoiTuong, core::BeneficiaryCode::Parse(*text));
  }
  values.full_name = ParseName(Column::kHoTen, true);
  if (auto text = Required(Column::kNgaySinh)) {
    values.birth = Take(Column::kNgaySinh, core::Date::Parse(*text));
  }
  if (auto text = Required(Column::kGioiTinh)) {
    values.sex = FastSex(*text);
    if (!values.sex) values.sex = Take(Column::kGioiTinh, core::ParseSex(*text));
  }
  if (auto text = Required(Column::kMaXa)) {
    values.commune =
        Take(Column::kMaXa, core::AdminUnitCode::ParseAtLevel(*text, core::AdminLevel::kCommune));
    if (values.commune && catalog_.communes.count(values.commune->value()) == 0) {
      AddError(Column::kMaXa, "import.commune_unknown",
               "Mã xã " + values.commune->value() + " không có trong danh mục đơn vị hành chính");
      values.commune.reset();
    }
  }
  if (auto text = Required(Column::kNhom)) {
    values.group = Take(Column::kNhom, core::ParseBeneficiaryGroup(*text));
  }
  values.paid_through = ParseMonth(Column::kDaChiDenThang);
  values.special_case = ParseFlag(Column::kTruongHopDacBiet);
  values.has_smartphone = ParseFlag(Column::kDienThoaiThongMinh);
}

void RowParser::ParseEntitlement(RowValues& values) {
  if (auto text = Required(Column::kMaCheDo)) {
    values.policy_code.assign(*text);
    auto found = catalog_.policies.find(values.policy_code);
    if (found == catalog_.policies.end()) {
      AddError(Column::kMaCheDo, "import.policy_unknown",
               "Mã chế độ " + values.policy_code + " không có trong danh mục chế độ");
    } else {
      values.policy = &found->second;
    }
  }
  std::string_view amount = Cell(Column::kSoTien);
  if (!amount.empty()) {
    values.amount = Take(Column::kSoTien, core::MoneyVnd::Parse(amount));
    if (values.amount && values.amount->dong() <= 0) {
      AddError(Column::kSoTien, "import.amount_not_positive", "Số tiền phải lớn hơn 0");
    }
  }
  if (Required(Column::kThangBatDau)) values.start = ParseMonth(Column::kThangBatDau);
  values.end = ParseMonth(Column::kThangKetThuc);
}

void RowParser::ParsePayment(RowValues& values) {
  if (auto text = Required(Column::kHinhThuc)) {
    values.channel = Take(Column::kHinhThuc, core::ParsePaymentChannel(*text));
  }
  if (auto text = Required(Column::kNguoiNhan)) {
    values.recipient = Take(Column::kNguoiNhan, core::ParseRecipient(*text));
  }
}

void RowParser::ParseRepresentative(RowValues& values) {
  if (!values.recipient) return;
  std::optional<core::RepresentativeKind> kind = core::RepresentativeKindFor(*values.recipient);
  if (!kind) return;
  std::optional<std::string> name = ParseName(Column::kNguoiNhanHoTen, false);
  if (name) {
    core::Representative representative;
    representative.kind = *kind;
    representative.full_name = std::move(*name);
    std::string_view id = Cell(Column::kNguoiNhanSoDinhDanh);
    representative.citizen_id.raw.assign(id);
    if (auto parsed = core::CitizenId::Parse(id, catalog_.codes)) {
      representative.citizen_id.parsed = std::move(*parsed);
    }
    representative.relationship.assign(Cell(Column::kNguoiNhanQuanHe));
    values.representative = std::move(representative);
  }
  if (auto status = core::CheckRecipient(*values.recipient, values.representative); !status) {
    AddError(Column::kNguoiNhanHoTen, std::move(status.error().code), status.error().message);
  }
}

void RowParser::CheckCrossFields(const RowValues& values) {
  if (values.policy && values.group) {
    if (auto status =
            core::CheckPolicyGroup(values.policy->group, *values.group, values.policy_code);
        !status) {
      AddError(Column::kMaCheDo, std::move(status.error().code), status.error().message);
    }
  }
  if (values.policy && values.policy->basis == PolicyBasis::kFixed && !values.amount &&
      Cell(Column::kSoTien).empty()) {
    AddError(Column::kSoTien, "import.amount_required",
             "Chế độ " + values.policy_code + " hưởng số tiền cố định: phải ghi số tiền");
  }
  if (values.policy && values.policy->basis == PolicyBasis::kCoefficient &&
      !Cell(Column::kSoTien).empty()) {
    AddError(Column::kSoTien, "import.amount_not_allowed",
             "Chế độ " + values.policy_code + " tính theo hệ số nhân mức chuẩn: không ghi số tiền");
  }
  if (values.start && values.end) {
    core::Entitlement span{values.policy_code, *values.start, values.end, {}, {}};
    if (auto status = core::CheckEntitlementPeriod(span); !status) {
      AddError(Column::kThangKetThuc, std::move(status.error().code), status.error().message);
    }
  }
  if (values.channel) {
    if (auto status = core::CheckChannelAllowed(*values.channel, values.special_case); !status) {
      AddError(Column::kHinhThuc, std::move(status.error().code), status.error().message);
    }
  }
}

std::optional<ImportedBeneficiary> RowParser::Parse(long row, std::span<const std::string> cells,
                                                    std::vector<ErrorDetail>& errors) {
  row_ = row;
  cells_ = cells;
  errors.clear();
  errors_ = &errors;
  for (std::size_t i = columns_.header_cells; i < cells.size(); ++i) {
    if (core::TrimAsciiSpace(cells[i]).empty()) continue;
    errors.push_back(ErrorDetail{row, "", "import.extra_cell",
                                 "Dòng " + std::to_string(row) + ", cột " + std::to_string(i + 1) +
                                     ": có dữ liệu ngoài các cột tiêu đề"});
    break;
  }
  RowValues values;
  ParsePerson(values);
  ParseEntitlement(values);
  ParsePayment(values);
  ParseRepresentative(values);
  CheckCrossFields(values);
  if (!errors.empty()) return std::nullopt;
  return Assemble(values);
}

}  // namespace ansinh::formats::import_detail
