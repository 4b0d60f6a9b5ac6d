#include "core/registration_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/core_test_codes.h"
#include "unit/error_expectations.h"

namespace ansinh::core {
namespace {

using test::ExpectError;
using test::TestCodes;

Period Month(const char* iso) {
  return *Period::Parse(iso);
}

Beneficiary Person(const std::string& id, const char* sex, const char* birth,
                   const std::string& phone = "") {
  Beneficiary person{*BeneficiaryCode::Parse("BT01"),
                     "Nguyễn Văn An",
                     *Date::Parse(birth),
                     *ParseSex(sex),
                     {id, std::nullopt},
                     {phone, std::nullopt},
                     *AdminUnitCode::Parse("00001"),
                     "",
                     BeneficiaryGroup::kBtxh,
                     BeneficiaryStatus::kActive,
                     std::nullopt,
                     false,
                     false,
                     std::nullopt};
  if (auto parsed = CitizenId::Parse(id, TestCodes())) person.citizen_id.parsed = *parsed;
  if (auto parsed = Phone::Parse(phone, TestCodes())) person.phone.parsed = *parsed;
  return person;
}

std::vector<std::string> Codes(const std::vector<Finding>& findings) {
  std::vector<std::string> codes;
  for (const Finding& finding : findings) {
    EXPECT_TRUE(test::IsNfc(finding.message)) << finding.message;
    EXPECT_FALSE(finding.message.empty());
    codes.push_back(finding.field + ":" + finding.code);
  }
  return codes;
}

struct IdentityCase {
  const char* id;
  const char* sex;
  const char* birth;
  const char* phone;
  std::vector<std::string> expected;
};

TEST(IdentityFindings, NamesEveryIdentityProblem) {
  const IdentityCase cases[] = {
      {"001050123456", "Nam", "07/03/1950", "0912345678", {}},
      {"001150123456", "Nữ", "1950", "", {}},
      {"", "Nam", "1950", "", {"so_dinh_danh:citizen_id.missing"}},
      {"  ", "Nam", "1950", "", {"so_dinh_danh:citizen_id.missing"}},
      {"12345", "Nam", "1950", "", {"so_dinh_danh:citizen_id.length"}},
      {"01050123456", "Nam", "1950", "", {"so_dinh_danh:citizen_id.leading_zero_lost"}},
      {"999050123456", "Nam", "1950", "", {"so_dinh_danh:citizen_id.province_unknown"}},
      {"00105012345A", "Nam", "1950", "", {"so_dinh_danh:citizen_id.non_digit"}},
      {"123456789", "Nam", "1950", "", {"so_dinh_danh:citizen_id.legacy_cmnd"}},
      {"001050123456", "Nữ", "1950", "", {"so_dinh_danh:citizen_id.sex_mismatch"}},
      {"001051123456", "Nam", "1950", "", {"so_dinh_danh:citizen_id.birth_year_mismatch"}},
      {"001250123456", "Nam", "1950", "", {"so_dinh_danh:citizen_id.century_mismatch"}},
      {"001050123456", "Nam", "1950", "12345", {"so_dien_thoai:phone.length"}},
      {"",
       "Nam",
       "1950",
       "0012345678",
       {"so_dinh_danh:citizen_id.missing", "so_dien_thoai:phone.unknown_prefix"}},
  };
  for (const IdentityCase& c : cases) {
    EXPECT_EQ(Codes(IdentityFindings(Person(c.id, c.sex, c.birth, c.phone), TestCodes())),
              c.expected)
        << c.id << " " << c.sex << " " << c.birth << " " << c.phone;
  }
}

Representative Authorised(const std::string& id, const std::string& relationship) {
  Representative representative;
  representative.full_name = "Trần Thị Bình";
  representative.citizen_id.raw = id;
  if (auto parsed = CitizenId::Parse(id, TestCodes())) representative.citizen_id.parsed = *parsed;
  representative.relationship = relationship;
  return representative;
}

TEST(RepresentativeFindings, NamesMissingPapers) {
  EXPECT_TRUE(RepresentativeFindings(Authorised("001180123456", "con"), TestCodes()).empty());
  EXPECT_EQ(Codes(RepresentativeFindings(Authorised("", ""), TestCodes())),
            (std::vector<std::string>{"nguoi_nhan_so_dinh_danh:representative.citizen_id_missing",
                                      "nguoi_nhan_quan_he:representative.relationship_missing"}));
  EXPECT_EQ(Codes(RepresentativeFindings(Authorised("1234", "con"), TestCodes())),
            std::vector<std::string>{"nguoi_nhan_so_dinh_danh:citizen_id.length"});
  EXPECT_EQ(Codes(RepresentativeFindings(Authorised("123456789", "con"), TestCodes())),
            std::vector<std::string>{"nguoi_nhan_so_dinh_danh:citizen_id.legacy_cmnd"});
}

TEST(CheckChannelAllowed, CashHomeOnlyForSpecialCases) {
  Beneficiary person = Person("001050123456", "Nam", "1950");
  ExpectError(CheckChannelAllowed(PaymentChannel::kCashHome, person),
              "payment_method.cash_home_not_special_case");
  EXPECT_TRUE(CheckChannelAllowed(PaymentChannel::kCashPaypoint, person));
  EXPECT_TRUE(CheckChannelAllowed(PaymentChannel::kBankAccount, person));
  person.special_case = true;
  EXPECT_TRUE(CheckChannelAllowed(PaymentChannel::kCashHome, person));
  EXPECT_TRUE(CheckChannelAllowed(PaymentChannel::kCashHome, true));
}

TEST(CheckRecipient, RequiresTheMatchingRepresentative) {
  Representative authorised = Authorised("001180123456", "con");
  Representative guardian = authorised;
  guardian.kind = RepresentativeKind::kGuardian;
  EXPECT_TRUE(CheckRecipient(Recipient::kSelf, std::nullopt));
  EXPECT_TRUE(CheckRecipient(Recipient::kAuthorised, authorised));
  EXPECT_TRUE(CheckRecipient(Recipient::kGuardian, guardian));
  ExpectError(CheckRecipient(Recipient::kAuthorised, std::nullopt),
              "payment_method.representative_missing");
  ExpectError(CheckRecipient(Recipient::kGuardian, std::nullopt),
              "payment_method.representative_missing");
  ExpectError(CheckRecipient(Recipient::kGuardian, authorised),
              "payment_method.representative_kind");
  ExpectError(CheckRecipient(Recipient::kAuthorised, guardian),
              "payment_method.representative_kind");
}

TEST(CheckPolicyGroup, RefusesThePolicyOfTheOtherGroup) {
  EXPECT_TRUE(CheckPolicyGroup(BeneficiaryGroup::kNcc, BeneficiaryGroup::kNcc, "NCC-1"));
  Status status = CheckPolicyGroup(BeneficiaryGroup::kNcc, BeneficiaryGroup::kBtxh, "NCC-1");
  ExpectError(status, "policy.group_mismatch");
  EXPECT_NE(status.error().message.find("NCC-1"), std::string::npos);
}

Entitlement Span(const char* policy, const char* start, std::optional<const char*> end) {
  return Entitlement{policy, Month(start), end ? std::optional(Month(*end)) : std::nullopt, "",
                     std::nullopt};
}

TEST(Entitlement, PeriodAndOverlap) {
  EXPECT_TRUE(CheckEntitlementPeriod(Span("A", "2024-01", "2024-01")));
  ExpectError(CheckEntitlementPeriod(Span("A", "2024-02", "2024-01")),
              "entitlement.end_before_start");
  struct Case {
    Entitlement added;
    Entitlement existing;
    bool overlaps;
  };
  const Case cases[] = {
      {Span("A", "2024-01", std::nullopt), Span("B", "2024-01", std::nullopt), false},
      {Span("A", "2024-01", std::nullopt), Span("A", "2020-01", std::nullopt), true},
      {Span("A", "2024-01", std::nullopt), Span("A", "2020-01", "2023-12"), false},
      {Span("A", "2024-01", std::nullopt), Span("A", "2020-01", "2024-01"), true},
      {Span("A", "2020-01", "2020-06"), Span("A", "2020-07", std::nullopt), false},
      {Span("A", "2020-01", "2020-07"), Span("A", "2020-07", std::nullopt), true},
  };
  for (const Case& c : cases) {
    Status status = CheckNoOverlap(c.added, c.existing);
    if (c.overlaps) {
      ExpectError(status, "entitlement.overlap");
    } else {
      EXPECT_TRUE(status) << c.added.start.ToString() << " " << c.existing.start.ToString();
    }
  }
}

PaymentMethod Method(PaymentChannel channel, const char* bin, const char* account,
                     const char* holder) {
  PaymentMethod method{channel, Recipient::kSelf, std::nullopt, holder, true, Month("2024-01")};
  if (IsAccountChannel(channel)) {
    method.account = AccountField{bin, account, std::nullopt};
    if (auto parsed = BankRef::Parse(bin, account, TestCodes())) method.account->parsed = *parsed;
  }
  return method;
}

TEST(PaymentMethodProblems, AccountChannels) {
  const Period month = Month("2024-05");
  struct Case {
    PaymentMethod method;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {Method(PaymentChannel::kCashPaypoint, "", "", ""), {}},
      {Method(PaymentChannel::kBankAccount, "970436", "0011001234567", "NGUYEN VAN AN"), {}},
      {Method(PaymentChannel::kMobileMoney, "971005", "0912345678", "NGUYEN VAN AN"), {}},
      {Method(PaymentChannel::kBankAccount, "", "", "NGUYEN VAN AN"),
       {"so_tai_khoan:payment_method.account_missing"}},
      {Method(PaymentChannel::kBankAccount, "999999", "0011001234567", "NGUYEN VAN AN"),
       {"so_tai_khoan:payment_method.account_invalid"}},
      {Method(PaymentChannel::kBankAccount, "971005", "0912345678", "NGUYEN VAN AN"),
       {"ma_ngan_hang:payment_method.institution_kind_mismatch"}},
      {Method(PaymentChannel::kMobileMoney, "970436", "0011001234567", "NGUYEN VAN AN"),
       {"ma_ngan_hang:payment_method.institution_kind_mismatch"}},
      {Method(PaymentChannel::kBankAccount, "970436", "0011001234567", " "),
       {"ten_chu_tai_khoan:payment_method.holder_name_missing"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Codes(PaymentMethodProblems(c.method, std::nullopt, month)), c.expected)
        << PaymentChannelCode(c.method.channel) << " " << c.method.holder_name;
  }
}

TEST(PaymentMethodProblems, AuthorisationExpiresTheMonthAfterValidTo) {
  PaymentMethod method = Method(PaymentChannel::kCashPaypoint, "", "", "");
  method.recipient = Recipient::kAuthorised;
  EXPECT_EQ(Codes(PaymentMethodProblems(method, std::nullopt, Month("2024-05"))),
            std::vector<std::string>{"nguoi_nhan:payment_method.representative_missing"});
  Representative representative = Authorised("001180123456", "con");
  representative.valid_from = *Date::Parse("15/03/2024");
  representative.valid_to = *Date::Parse("10/05/2024");
  EXPECT_TRUE(PaymentMethodProblems(method, representative, Month("2024-03")).empty());
  EXPECT_TRUE(PaymentMethodProblems(method, representative, Month("2024-05")).empty());
  EXPECT_EQ(Codes(PaymentMethodProblems(method, representative, Month("2024-06"))),
            std::vector<std::string>{"nguoi_nhan:representative.authorisation_expired"});
  EXPECT_EQ(Codes(PaymentMethodProblems(method, representative, Month("2024-02"))),
            std::vector<std::string>{"nguoi_nhan:representative.authorisation_not_yet_valid"});
  representative.valid_to = *Date::Parse("2024");  // year only: valid through December
  EXPECT_TRUE(PaymentMethodProblems(method, representative, Month("2024-12")).empty());
  EXPECT_FALSE(PaymentMethodProblems(method, representative, Month("2025-01")).empty());
}

}  // namespace
}  // namespace ansinh::core
