// Rows sharing a ma_doi_tuong are one person with several entitlements. The
// first accepted row fixes the person; a later row must agree with it.
#include <functional>

#include "formats/beneficiary_import_row.h"

namespace ansinh::formats::import_detail {
namespace {

using Same = std::function<bool(const ImportedBeneficiary&, const ImportedBeneficiary&)>;

struct PersonField {
  Column column;
  Same same;
};

std::string RawId(const std::optional<core::Representative>& representative) {
  return representative ? representative->citizen_id.raw : std::string();
}

const std::vector<PersonField>& PersonFields() {
  using B = ImportedBeneficiary;
  static const std::vector<PersonField> fields = {
      {Column::kHoTen,
       [](const B& a, const B& b) { return a.person.full_name == b.person.full_name; }},
      {Column::kNgaySinh,
       [](const B& a, const B& b) { return a.person.birth_date == b.person.birth_date; }},
      {Column::kGioiTinh, [](const B& a, const B& b) { return a.person.sex == b.person.sex; }},
      {Column::kSoDinhDanh,
       [](const B& a, const B& b) { return a.person.citizen_id.raw == b.person.citizen_id.raw; }},
      {Column::kSoDienThoai,
       [](const B& a, const B& b) { return a.person.phone.raw == b.person.phone.raw; }},
      {Column::kMaXa, [](const B& a, const B& b) { return a.person.commune == b.person.commune; }},
      {Column::kDiaChi,
       [](const B& a, const B& b) { return a.person.address == b.person.address; }},
      {Column::kNhom, [](const B& a, const B& b) { return a.person.group == b.person.group; }},
      {Column::kDaChiDenThang,
       [](const B& a, const B& b) { return a.person.paid_through == b.person.paid_through; }},
      {Column::kTruongHopDacBiet,
       [](const B& a, const B& b) { return a.person.special_case == b.person.special_case; }},
      {Column::kDienThoaiThongMinh,
       [](const B& a, const B& b) { return a.person.has_smartphone == b.person.has_smartphone; }},
      {Column::kHinhThuc,
       [](const B& a, const B& b) { return a.payment_method.channel == b.payment_method.channel; }},
      {Column::kNguoiNhan,
       [](const B& a, const B& b) {
         return a.payment_method.recipient == b.payment_method.recipient;
       }},
      {Column::kMaNganHang,
       [](const B& a, const B& b) {
         return (a.payment_method.account ? a.payment_method.account->bin_raw : "") ==
                (b.payment_method.account ? b.payment_method.account->bin_raw : "");
       }},
      {Column::kSoTaiKhoan,
       [](const B& a, const B& b) {
         return (a.payment_method.account ? a.payment_method.account->account_raw : "") ==
                (b.payment_method.account ? b.payment_method.account->account_raw : "");
       }},
      {Column::kTenChuTaiKhoan,
       [](const B& a, const B& b) {
         return a.payment_method.holder_name == b.payment_method.holder_name;
       }},
      {Column::kNguoiNhanHoTen,
       [](const B& a, const B& b) {
         return (a.representative ? a.representative->full_name : "") ==
                (b.representative ? b.representative->full_name : "");
       }},
      {Column::kNguoiNhanSoDinhDanh,
       [](const B& a, const B& b) { return RawId(a.representative) == RawId(b.representative); }},
      {Column::kNguoiNhanQuanHe,
       [](const B& a, const B& b) {
         return (a.representative ? a.representative->relationship : "") ==
                (b.representative ? b.representative->relationship : "");
       }},
  };
  return fields;
}

long FirstRow(const ImportedBeneficiary& person) {
  return person.entitlements.front().row;
}

}  // namespace

void MergeLaterRow(ImportedBeneficiary& person, ImportedBeneficiary& later, const RowParser& parser,
                   std::vector<ErrorDetail>& errors) {
  const long row = later.entitlements.front().row;
  const std::string code = person.person.code.value();
  for (const PersonField& field : PersonFields()) {
    if (field.same(person, later)) continue;
    errors.push_back(parser.Detail(
        row, field.column, "import.person_conflict",
        "Khác với dòng " + std::to_string(FirstRow(person)) + " của cùng mã đối tượng " + code));
  }
  core::Entitlement& added = later.entitlements.front().entitlement;
  for (const ImportedEntitlement& existing : person.entitlements) {
    if (auto status = core::CheckNoOverlap(added, existing.entitlement); !status) {
      errors.push_back(parser.Detail(row, Column::kThangBatDau, std::move(status.error().code),
                                     status.error().message));
      break;
    }
  }
  if (!errors.empty()) return;
  if (added.start < person.payment_method.effective_from) {
    person.payment_method.effective_from = added.start;
  }
  person.entitlements.push_back(std::move(later.entitlements.front()));
}

}  // namespace ansinh::formats::import_detail
