#include "core/beneficiary.h"

#include <array>

#include "core/ascii.h"

namespace ansinh::core {
namespace {

tl::unexpected<Error> Invalid(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

constexpr char AsciiUpper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Codes are ASCII; case-insensitive so that "ncc" or "Tai_Khoan" typed by hand still match.
bool EqualsIgnoreCase(std::string_view text, std::string_view code) {
  if (text.size() != code.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (AsciiUpper(text[i]) != AsciiUpper(code[i])) return false;
  }
  return true;
}

bool IsCodeCharacter(char c) {
  return IsAsciiDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
         c == '_' || c == '/' || c == '-';
}

// One enum value with its English (DESIGN.md) code and its import code.
template <class Enum>
struct CodePair {
  Enum value;
  const char* code;
  const char* import_code;
};

constexpr std::array<CodePair<PaymentChannel>, 4> kChannels = {{
    {PaymentChannel::kCashPaypoint, "CASH_PAYPOINT", "TIEN_MAT"},
    {PaymentChannel::kCashHome, "CASH_HOME", "TAI_NHA"},
    {PaymentChannel::kBankAccount, "BANK_ACCOUNT", "TAI_KHOAN"},
    {PaymentChannel::kMobileMoney, "MOBILE_MONEY", "VI_DIEN_TU"},
}};

constexpr std::array<CodePair<Recipient>, 3> kRecipients = {{
    {Recipient::kSelf, "SELF", "BAN_THAN"},
    {Recipient::kAuthorised, "AUTHORISED", "UY_QUYEN"},
    {Recipient::kGuardian, "GUARDIAN", "GIAM_HO"},
}};

template <class Enum, std::size_t N>
const CodePair<Enum>* FindPair(const std::array<CodePair<Enum>, N>& pairs, Enum value) {
  for (const auto& pair : pairs) {
    if (pair.value == value) return &pair;
  }
  return nullptr;
}

template <class Enum, std::size_t N>
const CodePair<Enum>* FindPair(const std::array<CodePair<Enum>, N>& pairs, std::string_view text) {
  for (const auto& pair : pairs) {
    if (EqualsIgnoreCase(text, pair.code) || EqualsIgnoreCase(text, pair.import_code)) {
      return &pair;
    }
  }
  return nullptr;
}

}  // namespace

Result<BeneficiaryGroup> ParseBeneficiaryGroup(std::string_view text) {
  text = TrimAsciiSpace(text);
  if (EqualsIgnoreCase(text, "NCC")) return BeneficiaryGroup::kNcc;
  if (EqualsIgnoreCase(text, "BTXH")) return BeneficiaryGroup::kBtxh;
  return Invalid("group.unknown",
                 "Nhóm đối tượng phải là \"NCC\" (người có công) hoặc \"BTXH\" (bảo trợ xã hội)");
}

const char* BeneficiaryGroupCode(BeneficiaryGroup group) {
  return group == BeneficiaryGroup::kNcc ? "NCC" : "BTXH";
}

Result<BeneficiaryCode> BeneficiaryCode::Parse(std::string_view text) {
  text = TrimAsciiSpace(text);
  if (text.empty()) {
    return Invalid("beneficiary_code.empty", "Mã đối tượng không được để trống");
  }
  if (text.size() > kMaxLength) {
    return Invalid("beneficiary_code.too_long",
                   "Mã đối tượng dài quá " + std::to_string(kMaxLength) + " ký tự");
  }
  for (char c : text) {
    if (!IsCodeCharacter(c)) {
      return Invalid("beneficiary_code.invalid_character",
                     "Mã đối tượng chỉ được gồm chữ cái không dấu, chữ số và các ký tự . _ / -");
    }
  }
  return BeneficiaryCode(std::string(text));
}

const char* BeneficiaryStatusCode(BeneficiaryStatus status) {
  switch (status) {
    case BeneficiaryStatus::kActive:
      return "active";
    case BeneficiaryStatus::kSuspended:
      return "suspended";
    case BeneficiaryStatus::kTerminated:
      return "terminated";
  }
  return "active";
}

Result<BeneficiaryStatus> ParseBeneficiaryStatus(std::string_view code) {
  for (BeneficiaryStatus status : {BeneficiaryStatus::kActive, BeneficiaryStatus::kSuspended,
                                   BeneficiaryStatus::kTerminated}) {
    if (code == BeneficiaryStatusCode(status)) return status;
  }
  return Invalid("beneficiary_status.unknown",
                 "Trạng thái đối tượng phải là active, suspended hoặc terminated");
}

const char* TerminationReasonCode(TerminationReason reason) {
  switch (reason) {
    case TerminationReason::kDeath:
      return "death";
    case TerminationReason::kMovedAway:
      return "moved";
    case TerminationReason::kIneligible:
      return "ineligible";
  }
  return "ineligible";
}

Result<TerminationReason> ParseTerminationReason(std::string_view code) {
  for (TerminationReason reason :
       {TerminationReason::kDeath, TerminationReason::kMovedAway, TerminationReason::kIneligible}) {
    if (code == TerminationReasonCode(reason)) return reason;
  }
  return Invalid("termination_reason.unknown",
                 "Lý do thôi hưởng phải là death, moved hoặc ineligible");
}

const char* PaymentChannelCode(PaymentChannel channel) {
  return FindPair(kChannels, channel)->code;
}

const char* PaymentChannelImportCode(PaymentChannel channel) {
  return FindPair(kChannels, channel)->import_code;
}

Result<PaymentChannel> ParsePaymentChannel(std::string_view code) {
  code = TrimAsciiSpace(code);
  if (code.empty()) {
    return Invalid("payment_method.channel_empty", "Hình thức chi trả không được để trống");
  }
  if (const auto* pair = FindPair(kChannels, code)) return pair->value;
  return Invalid("payment_method.channel_unknown",
                 "Hình thức chi trả phải là TIEN_MAT, TAI_NHA, TAI_KHOAN hoặc VI_DIEN_TU");
}

bool IsAccountChannel(PaymentChannel channel) {
  return channel == PaymentChannel::kBankAccount || channel == PaymentChannel::kMobileMoney;
}

const char* RecipientCode(Recipient recipient) {
  return FindPair(kRecipients, recipient)->code;
}

const char* RecipientImportCode(Recipient recipient) {
  return FindPair(kRecipients, recipient)->import_code;
}

const char* RecipientLabel(Recipient recipient) {
  switch (recipient) {
    case Recipient::kSelf:
      return "Bản thân";
    case Recipient::kAuthorised:
      return "Người được ủy quyền";
    case Recipient::kGuardian:
      return "Người giám hộ";
  }
  return "";
}

const char* PaymentChannelLabel(PaymentChannel channel) {
  switch (channel) {
    case PaymentChannel::kCashPaypoint:
      return "Tiền mặt tại điểm chi trả";
    case PaymentChannel::kCashHome:
      return "Tiền mặt tại nhà";
    case PaymentChannel::kBankAccount:
      return "Tài khoản ngân hàng";
    case PaymentChannel::kMobileMoney:
      return "Ví điện tử (Mobile Money)";
  }
  return "";
}

Result<Recipient> ParseRecipient(std::string_view code) {
  code = TrimAsciiSpace(code);
  if (code.empty()) {
    return Invalid("payment_method.recipient_empty", "Người nhận tiền không được để trống");
  }
  if (const auto* pair = FindPair(kRecipients, code)) return pair->value;
  return Invalid("payment_method.recipient_unknown",
                 "Người nhận tiền phải là BAN_THAN, UY_QUYEN hoặc GIAM_HO");
}

std::optional<RepresentativeKind> RepresentativeKindFor(Recipient recipient) {
  switch (recipient) {
    case Recipient::kSelf:
      return std::nullopt;
    case Recipient::kAuthorised:
      return RepresentativeKind::kAuthorised;
    case Recipient::kGuardian:
      return RepresentativeKind::kGuardian;
  }
  return std::nullopt;
}

}  // namespace ansinh::core
