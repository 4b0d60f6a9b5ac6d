#include "core/registration_rules.h"

#include <utility>

#include "core/ascii.h"

namespace ansinh::core {
namespace {

constexpr const char* kCitizenIdField = "so_dinh_danh";
constexpr const char* kPhoneField = "so_dien_thoai";
constexpr const char* kRecipientField = "nguoi_nhan";

tl::unexpected<Error> Invalid(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

Finding LegacyCmnd(const char* field) {
  return {field, "citizen_id.legacy_cmnd",
          "Số CMND 9 chữ số đã cũ: cần cập nhật số định danh cá nhân 12 chữ số (CCCD)"};
}

// The reason a non-empty raw ID did not parse, named by the parser itself.
Finding MalformedId(const char* field, const std::string& raw, const ReferenceCodes& codes) {
  Result<CitizenId> reparsed = CitizenId::Parse(raw, codes);
  if (reparsed) {
    // The stored value disagrees with a fresh parse: the codes changed since.
    return {field, "citizen_id.not_parsed", "Số định danh chưa được kiểm tra, cần kiểm tra lại"};
  }
  return {field, reparsed.error().code, reparsed.error().message};
}

void AddCitizenIdFindings(const Beneficiary& person, const ReferenceCodes& codes,
                          std::vector<Finding>& findings) {
  const CitizenIdField& id = person.citizen_id;
  if (!id.parsed && TrimAsciiSpace(id.raw).empty()) {
    findings.push_back({kCitizenIdField, "citizen_id.missing",
                        "Chưa có số định danh cá nhân (CCCD): cần bổ sung để đối chiếu "
                        "với Cơ sở dữ liệu quốc gia về dân cư"});
    return;
  }
  if (!id.parsed) {
    findings.push_back(MalformedId(kCitizenIdField, id.raw, codes));
    return;
  }
  if (id.parsed->is_legacy()) {
    findings.push_back(LegacyCmnd(kCitizenIdField));
    return;
  }
  for (CitizenIdInconsistency& problem :
       CheckConsistency(*id.parsed, person.sex, person.birth_date)) {
    findings.push_back({kCitizenIdField, std::move(problem.code), std::move(problem.message)});
  }
}

void AddPhoneFindings(const PhoneField& phone, const ReferenceCodes& codes,
                      std::vector<Finding>& findings) {
  if (phone.parsed || TrimAsciiSpace(phone.raw).empty()) return;
  Result<Phone> reparsed = Phone::Parse(phone.raw, codes);
  if (reparsed) return;
  findings.push_back({kPhoneField, reparsed.error().code, reparsed.error().message});
}

// The month a date falls in; a year-only date counts as its whole year.
Period MonthOf(const Date& date, bool year_only_as_december) {
  int month = date.is_year_only() ? (year_only_as_december ? 12 : 1) : date.month();
  // Date and Period share their year range, so this cannot fail.
  return *Period::FromYearMonth(date.year(), month);
}

void AddAuthorisationFindings(const Representative& representative, const Period& month,
                              std::vector<Finding>& findings) {
  if (representative.valid_to && MonthOf(*representative.valid_to, true) < month) {
    findings.push_back({kRecipientField, "representative.authorisation_expired",
                        "Giấy ủy quyền / quyết định giám hộ đã hết hạn ngày " +
                            representative.valid_to->ToIso() +
                            ": hình thức chi trả không còn hiệu lực từ tháng sau ngày hết hạn"});
  }
  if (representative.valid_from && month < MonthOf(*representative.valid_from, false)) {
    findings.push_back({kRecipientField, "representative.authorisation_not_yet_valid",
                        "Giấy ủy quyền / quyết định giám hộ chỉ có hiệu lực từ ngày " +
                            representative.valid_from->ToIso()});
  }
}

void AddAccountFindings(const PaymentMethod& method, std::vector<Finding>& findings) {
  if (!method.account || (TrimAsciiSpace(method.account->bin_raw).empty() &&
                          TrimAsciiSpace(method.account->account_raw).empty())) {
    findings.push_back({"so_tai_khoan", "payment_method.account_missing",
                        "Hình thức chi trả qua tài khoản nhưng chưa có mã ngân hàng và số "
                        "tài khoản"});
  } else if (!method.account->parsed) {
    findings.push_back({"so_tai_khoan", "payment_method.account_invalid",
                        "Mã ngân hàng hoặc số tài khoản không hợp lệ"});
  } else {
    bool wallet = method.account->parsed->is_mobile_money();
    if (wallet != (method.channel == PaymentChannel::kMobileMoney)) {
      findings.push_back({"ma_ngan_hang", "payment_method.institution_kind_mismatch",
                          wallet ? "Mã " + method.account->parsed->bin() +
                                       " là ví điện tử nhưng hình thức chi trả là tài khoản "
                                       "ngân hàng"
                                 : "Mã " + method.account->parsed->bin() +
                                       " là ngân hàng nhưng hình thức chi trả là ví điện tử"});
    }
  }
  if (TrimAsciiSpace(method.holder_name).empty()) {
    findings.push_back(
        {"ten_chu_tai_khoan", "payment_method.holder_name_missing", "Chưa có tên chủ tài khoản"});
  }
}

}  // namespace

std::vector<Finding> IdentityFindings(const Beneficiary& beneficiary, const ReferenceCodes& codes) {
  std::vector<Finding> findings;
  AddCitizenIdFindings(beneficiary, codes, findings);
  AddPhoneFindings(beneficiary.phone, codes, findings);
  return findings;
}

std::vector<Finding> RepresentativeFindings(const Representative& representative,
                                            const ReferenceCodes& codes) {
  constexpr const char* kField = "nguoi_nhan_so_dinh_danh";
  std::vector<Finding> findings;
  const CitizenIdField& id = representative.citizen_id;
  if (!id.parsed && TrimAsciiSpace(id.raw).empty()) {
    findings.push_back({kField, "representative.citizen_id_missing",
                        "Chưa có số định danh cá nhân của người nhận thay"});
  } else if (!id.parsed) {
    findings.push_back(MalformedId(kField, id.raw, codes));
  } else if (id.parsed->is_legacy()) {
    findings.push_back(LegacyCmnd(kField));
  }
  if (TrimAsciiSpace(representative.relationship).empty()) {
    findings.push_back({"nguoi_nhan_quan_he", "representative.relationship_missing",
                        "Chưa ghi quan hệ của người nhận thay với đối tượng"});
  }
  return findings;
}

Status CheckChannelAllowed(PaymentChannel channel, const Beneficiary& beneficiary) {
  return CheckChannelAllowed(channel, beneficiary.special_case);
}

Status CheckChannelAllowed(PaymentChannel channel, bool special_case) {
  if (channel == PaymentChannel::kCashHome && !special_case) {
    return Invalid("payment_method.cash_home_not_special_case",
                   "Chỉ chi trả tại nhà (TAI_NHA) cho đối tượng thuộc trường hợp đặc biệt "
                   "(ốm đau, không đi lại được); đối tượng này chưa được đánh dấu "
                   "truong_hop_dac_biet = C");
  }
  return {};
}

Status CheckRecipient(Recipient recipient, const std::optional<Representative>& representative) {
  std::optional<RepresentativeKind> needed = RepresentativeKindFor(recipient);
  if (!needed) return {};
  if (!representative) {
    return Invalid("payment_method.representative_missing",
                   std::string("Người nhận là ") + RecipientImportCode(recipient) +
                       " nhưng chưa có thông tin người được ủy quyền / người giám hộ "
                       "(họ tên)");
  }
  if (representative->kind != *needed) {
    return Invalid("payment_method.representative_kind",
                   *needed == RepresentativeKind::kGuardian
                       ? "Người nhận là người giám hộ nhưng hồ sơ là giấy ủy quyền"
                       : "Người nhận là người được ủy quyền nhưng hồ sơ là quyết định giám hộ");
  }
  return {};
}

Status CheckPolicyGroup(BeneficiaryGroup policy_group, BeneficiaryGroup person_group,
                        const std::string& policy_code) {
  if (policy_group == person_group) return {};
  return Invalid("policy.group_mismatch",
                 "Chế độ " + policy_code + " thuộc nhóm " + BeneficiaryGroupCode(policy_group) +
                     " nhưng đối tượng thuộc nhóm " + BeneficiaryGroupCode(person_group));
}

Status CheckEntitlementPeriod(const Entitlement& entitlement) {
  if (entitlement.end && *entitlement.end < entitlement.start) {
    return Invalid("entitlement.end_before_start",
                   "Tháng kết thúc hưởng " + entitlement.end->ToString() + " trước tháng bắt đầu " +
                       entitlement.start.ToString());
  }
  return {};
}

Status CheckNoOverlap(const Entitlement& added, const Entitlement& existing) {
  if (existing.policy_code != added.policy_code) return {};
  bool added_ends_before = added.end && *added.end < existing.start;
  bool existing_ends_before = existing.end && *existing.end < added.start;
  if (added_ends_before || existing_ends_before) return {};
  return Invalid("entitlement.overlap", "Chế độ " + added.policy_code + " đã được hưởng từ tháng " +
                                            existing.start.ToString() +
                                            ", trùng thời gian với dòng này");
}

std::vector<Finding> PaymentMethodProblems(const PaymentMethod& method,
                                           const std::optional<Representative>& representative,
                                           const Period& month) {
  std::vector<Finding> findings;
  if (IsAccountChannel(method.channel)) AddAccountFindings(method, findings);
  if (!RepresentativeKindFor(method.recipient)) return findings;
  if (!representative) {
    findings.push_back({kRecipientField, "payment_method.representative_missing",
                        "Chưa có thông tin người được ủy quyền / người giám hộ"});
    return findings;
  }
  AddAuthorisationFindings(*representative, month, findings);
  return findings;
}

}  // namespace ansinh::core
