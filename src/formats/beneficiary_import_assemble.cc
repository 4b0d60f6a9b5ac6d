// The second half of one row: the checked values become a person with one
// entitlement, a payment method and its findings.
#include <utility>

#include "core/ascii.h"
#include "core/name.h"
#include "formats/beneficiary_import_row.h"

namespace ansinh::formats::import_detail {
namespace {

Column ColumnOfKey(const std::string& key) {
  for (std::size_t i = 0; i < kColumnCount; ++i) {
    if (key == ColumnKey(static_cast<Column>(i))) return static_cast<Column>(i);
  }
  return Column::kMaDoiTuong;  // every rule names an import column; see registration_rules.h
}

bool IsBinCode(const std::string& code) {
  return code.rfind("bank_ref.bin", 0) == 0;
}

core::AccountField ReadAccount(std::string_view bin, std::string_view account,
                               const core::ReferenceCodes& codes,
                               std::vector<core::Finding>& findings) {
  core::AccountField field{std::string(bin), std::string(account), std::nullopt};
  if (bin.empty() && account.empty()) return field;  // PaymentMethodProblems names it
  Result<core::BankRef> parsed = core::BankRef::Parse(bin, account, codes);
  if (parsed) {
    field.parsed = std::move(*parsed);
  } else {
    findings.push_back({IsBinCode(parsed.error().code) ? "ma_ngan_hang" : "so_tai_khoan",
                        std::move(parsed.error().code), std::move(parsed.error().message)});
  }
  return field;
}

}  // namespace

core::PaymentMethod RowParser::BuildPaymentMethod(const RowValues& values,
                                                  std::vector<core::Finding>& findings) const {
  core::PaymentMethod method{*values.channel, *values.recipient, std::nullopt, {},
                             false,           *values.start};
  std::string_view bin = Cell(Column::kMaNganHang);
  std::string_view account = Cell(Column::kSoTaiKhoan);
  std::string_view holder = Cell(Column::kTenChuTaiKhoan);
  if (!core::IsAccountChannel(method.channel)) {
    if (!bin.empty() || !account.empty()) {
      findings.push_back({"so_tai_khoan", "payment_method.account_unused",
                          "Hình thức chi trả bằng tiền mặt nên số tài khoản đã ghi không được "
                          "dùng"});
    }
    return method;
  }
  method.account = ReadAccount(bin, account, catalog_.codes, findings);
  if (!holder.empty()) {
    Result<std::string> name = core::NormalizeName(holder);
    if (name) {
      method.holder_name = std::move(*name);
    } else {
      findings.push_back({"ten_chu_tai_khoan", name.error().code, name.error().message});
    }
  }
  return method;
}

void RowParser::AddFindings(ImportedBeneficiary& record,
                            std::vector<core::Finding>& findings) const {
  record.findings.reserve(findings.size());
  for (core::Finding& finding : findings) {
    record.findings.push_back(
        Detail(row_, ColumnOfKey(finding.field), std::move(finding.code), finding.message));
  }
}

ImportedBeneficiary RowParser::Assemble(RowValues& values) const {
  core::Beneficiary person{*values.code,
                           std::move(*values.full_name),
                           *values.birth,
                           *values.sex,
                           {std::string(Cell(Column::kSoDinhDanh)), std::nullopt},
                           {std::string(Cell(Column::kSoDienThoai)), std::nullopt},
                           *values.commune,
                           std::string(Cell(Column::kDiaChi)),
                           *values.group,
                           core::BeneficiaryStatus::kActive,
                           std::nullopt,
                           values.special_case,
                           values.has_smartphone,
                           values.paid_through};
  if (!person.citizen_id.raw.empty()) {
    if (auto id = core::CitizenId::Parse(person.citizen_id.raw, catalog_.codes)) {
      person.citizen_id.parsed = std::move(*id);
    }
  }
  if (!person.phone.raw.empty()) {
    if (auto phone = core::Phone::Parse(person.phone.raw, catalog_.codes)) {
      person.phone.parsed = std::move(*phone);
    }
  }
  std::vector<core::Finding> findings = core::IdentityFindings(person, catalog_.codes);
  std::vector<core::Finding> method_findings;
  core::PaymentMethod method = BuildPaymentMethod(values, method_findings);
  bool reader_named_account = !method_findings.empty();
  for (core::Finding& problem :
       core::PaymentMethodProblems(method, values.representative, method.effective_from)) {
    if (reader_named_account && problem.code == "payment_method.account_invalid") continue;
    method_findings.push_back(std::move(problem));
  }
  bool method_valid = true;
  for (const core::Finding& finding : method_findings) {
    method_valid = method_valid && finding.code == "payment_method.account_unused";
  }
  findings.insert(findings.end(), std::make_move_iterator(method_findings.begin()),
                  std::make_move_iterator(method_findings.end()));
  if (values.representative) {
    for (core::Finding& finding :
         core::RepresentativeFindings(*values.representative, catalog_.codes)) {
      findings.push_back(std::move(finding));
    }
  }
  core::Entitlement entitlement{std::move(values.policy_code), *values.start, values.end,
                                std::string(Cell(Column::kSoQuyetDinh)), values.amount};
  ImportedBeneficiary record{std::move(person),
                             std::move(method),
                             std::move(values.representative),
                             method_valid,
                             {ImportedEntitlement{row_, std::move(entitlement)}},
                             {}};
  AddFindings(record, findings);
  return record;
}

}  // namespace ansinh::formats::import_detail
