#include "core/bank_ref.h"

#include "core/ascii.h"

namespace ansinh::core {
namespace {

constexpr std::size_t kBinLength = 6;
constexpr std::size_t kVisibleCharacters = 4;

tl::unexpected<Error> BankError(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

Result<const PaymentInstitution*> FindInstitution(std::string_view bin_text,
                                                  const ReferenceCodes& codes) {
  std::string_view bin = TrimAsciiSpace(bin_text);
  if (bin.empty()) return BankError("bank_ref.bin_empty", "Mã ngân hàng (BIN) không được để trống");
  if (bin.size() != kBinLength || !IsAsciiDigits(bin)) {
    return BankError("bank_ref.bin_format", "Mã ngân hàng (BIN NAPAS) phải gồm đúng 6 chữ số");
  }
  auto found = codes.institutions.find(std::string(bin));
  if (found == codes.institutions.end()) {
    return BankError("bank_ref.bin_unknown", "Mã BIN " + std::string(bin) +
                                                 " không thuộc ngân hàng hay tổ chức trung gian "
                                                 "thanh toán nào đã biết");
  }
  return &found->second;
}

Result<std::string> NormalizeAccount(std::string_view account_text) {
  std::string account;
  for (char c : TrimAsciiSpace(account_text)) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!IsAsciiDigit(c) && !(c >= 'A' && c <= 'Z')) {
      return BankError("bank_ref.account_invalid_character",
                       "Số tài khoản chỉ được gồm chữ số và chữ cái Latin không dấu");
    }
    account.push_back(c);
  }
  if (account.empty()) {
    return BankError("bank_ref.account_empty", "Số tài khoản không được để trống");
  }
  if (account.size() < BankRef::kMinAccountLength || account.size() > BankRef::kMaxAccountLength) {
    return BankError("bank_ref.account_length",
                     "Số tài khoản phải có từ 6 đến 19 ký tự, giá trị đã nhập có " +
                         std::to_string(account.size()) + " ký tự");
  }
  return account;
}

}  // namespace

Result<BankRef> BankRef::Parse(std::string_view bin_text, std::string_view account_text,
                               const ReferenceCodes& codes) {
  Result<const PaymentInstitution*> institution = FindInstitution(bin_text, codes);
  if (!institution) return Fail(std::move(institution.error()));
  Result<std::string> account = NormalizeAccount(account_text);
  if (!account) return Fail(std::move(account.error()));
  return BankRef(std::string(TrimAsciiSpace(bin_text)), **institution, std::move(*account));
}

std::string BankRef::Masked() const {
  return MaskAllButLast(account_, kVisibleCharacters);
}

}  // namespace ansinh::core
