#include "core/beneficiary.h"

#include <gtest/gtest.h>

#include <string>

#include "unit/error_expectations.h"
#include "unit/test_table.h"

namespace ansinh::core {
namespace {

using test::CodeOf;
using test::ExpectError;

TEST(BeneficiaryGroup, ParsesBothGroupsInAnyCase) {
  EXPECT_EQ(ParseBeneficiaryGroup("NCC"), BeneficiaryGroup::kNcc);
  EXPECT_EQ(ParseBeneficiaryGroup(" btxh "), BeneficiaryGroup::kBtxh);
  ExpectError(ParseBeneficiaryGroup("BTX"), "group.unknown");
  ExpectError(ParseBeneficiaryGroup(""), "group.unknown");
  EXPECT_STREQ(BeneficiaryGroupCode(BeneficiaryGroup::kNcc), "NCC");
  EXPECT_STREQ(BeneficiaryGroupCode(BeneficiaryGroup::kBtxh), "BTXH");
}

struct CodeCase {
  const char* text;
  const char* expected;  // the value, or an error code
};

TEST(BeneficiaryCode, AcceptsOfficeCodesAndNamesEachError) {
  const CodeCase cases[] = {
      {"BT-0001", "BT-0001"},
      {"  ncc/2024.15_a ", "ncc/2024.15_a"},
      {"12345678901234567890123456789012", "12345678901234567890123456789012"},
      {"", "beneficiary_code.empty"},
      {"   ", "beneficiary_code.empty"},
      {"123456789012345678901234567890123", "beneficiary_code.too_long"},
      {"BT 01", "beneficiary_code.invalid_character"},
      {"Mã01", "beneficiary_code.invalid_character"},
  };
  for (const CodeCase& c : cases) {
    Result<BeneficiaryCode> code = BeneficiaryCode::Parse(c.text);
    if (test::IsErrorCode(c.expected)) {
      ExpectError(code, c.expected);
    } else {
      ASSERT_TRUE(code.has_value()) << c.text << " " << CodeOf(code);
      EXPECT_EQ(code->value(), c.expected);
    }
  }
}

TEST(BeneficiaryStatus, CodesRoundTrip) {
  for (auto status : {BeneficiaryStatus::kActive, BeneficiaryStatus::kSuspended,
                      BeneficiaryStatus::kTerminated}) {
    EXPECT_EQ(ParseBeneficiaryStatus(BeneficiaryStatusCode(status)), status);
  }
  ExpectError(ParseBeneficiaryStatus("Active"), "beneficiary_status.unknown");
  for (auto reason :
       {TerminationReason::kDeath, TerminationReason::kMovedAway, TerminationReason::kIneligible}) {
    EXPECT_EQ(ParseTerminationReason(TerminationReasonCode(reason)), reason);
  }
  ExpectError(ParseTerminationReason("dead"), "termination_reason.unknown");
}

TEST(PaymentChannel, ParsesDesignAndImportCodes) {
  struct Case {
    const char* text;
    PaymentChannel channel;
  };
  const Case cases[] = {
      {"CASH_PAYPOINT", PaymentChannel::kCashPaypoint},
      {"TIEN_MAT", PaymentChannel::kCashPaypoint},
      {"CASH_HOME", PaymentChannel::kCashHome},
      {"tai_nha", PaymentChannel::kCashHome},
      {"BANK_ACCOUNT", PaymentChannel::kBankAccount},
      {" TAI_KHOAN ", PaymentChannel::kBankAccount},
      {"MOBILE_MONEY", PaymentChannel::kMobileMoney},
      {"VI_DIEN_TU", PaymentChannel::kMobileMoney},
  };
  for (const Case& c : cases) EXPECT_EQ(ParsePaymentChannel(c.text), c.channel) << c.text;
  ExpectError(ParsePaymentChannel("CHUYEN_KHOAN"), "payment_method.channel_unknown");
  ExpectError(ParsePaymentChannel(" "), "payment_method.channel_empty");
}

TEST(PaymentChannel, CodesRoundTripAndAccountChannels) {
  for (auto channel : {PaymentChannel::kCashPaypoint, PaymentChannel::kCashHome,
                       PaymentChannel::kBankAccount, PaymentChannel::kMobileMoney}) {
    EXPECT_EQ(ParsePaymentChannel(PaymentChannelCode(channel)), channel);
    EXPECT_EQ(ParsePaymentChannel(PaymentChannelImportCode(channel)), channel);
  }
  EXPECT_STREQ(PaymentChannelCode(PaymentChannel::kCashHome), "CASH_HOME");
  EXPECT_STREQ(PaymentChannelImportCode(PaymentChannel::kMobileMoney), "VI_DIEN_TU");
  EXPECT_FALSE(IsAccountChannel(PaymentChannel::kCashPaypoint));
  EXPECT_FALSE(IsAccountChannel(PaymentChannel::kCashHome));
  EXPECT_TRUE(IsAccountChannel(PaymentChannel::kBankAccount));
  EXPECT_TRUE(IsAccountChannel(PaymentChannel::kMobileMoney));
}

TEST(Recipient, ParsesBothFormsAndNamesTheRepresentative) {
  EXPECT_EQ(ParseRecipient("BAN_THAN"), Recipient::kSelf);
  EXPECT_EQ(ParseRecipient("SELF"), Recipient::kSelf);
  EXPECT_EQ(ParseRecipient("uy_quyen"), Recipient::kAuthorised);
  EXPECT_EQ(ParseRecipient("GUARDIAN"), Recipient::kGuardian);
  EXPECT_EQ(ParseRecipient(RecipientImportCode(Recipient::kGuardian)), Recipient::kGuardian);
  EXPECT_STREQ(RecipientCode(Recipient::kAuthorised), "AUTHORISED");
  ExpectError(ParseRecipient("NGUOI_THAN"), "payment_method.recipient_unknown");
  ExpectError(ParseRecipient(""), "payment_method.recipient_empty");
  EXPECT_EQ(RepresentativeKindFor(Recipient::kSelf), std::nullopt);
  EXPECT_EQ(RepresentativeKindFor(Recipient::kAuthorised), RepresentativeKind::kAuthorised);
  EXPECT_EQ(RepresentativeKindFor(Recipient::kGuardian), RepresentativeKind::kGuardian);
}

}  // namespace
}  // namespace ansinh::core
