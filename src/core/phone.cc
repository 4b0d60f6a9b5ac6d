#include "core/phone.h"

#include "core/ascii.h"

namespace ansinh::core {
namespace {

constexpr std::size_t kNationalLength = 10;
constexpr std::size_t kPrefixLength = 3;
constexpr std::size_t kVisibleDigits = 4;
constexpr std::string_view kCountryCode = "84";

tl::unexpected<Error> PhoneError(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

bool IsIgnoredSeparator(char c) {
  return IsAsciiSpace(c) || c == '.' || c == '-' || c == '(' || c == ')';
}

// The digits of text without separators; a '+' is kept only as the first
// character so the caller can require "+84".
Result<std::string> StripSeparators(std::string_view text) {
  std::string kept;
  for (char c : text) {
    if (IsIgnoredSeparator(c)) continue;
    if (IsAsciiDigit(c) || (c == '+' && kept.empty())) {
      kept.push_back(c);
      continue;
    }
    return PhoneError("phone.invalid_character",
                      "Số điện thoại chỉ được gồm chữ số, có thể bắt đầu bằng +84");
  }
  return kept;
}

// Rewrites "+84…" and "84…" (11 digits) to the national "0…" form.
Result<std::string> ToNational(std::string digits) {
  bool plus = !digits.empty() && digits.front() == '+';
  if (plus) digits.erase(0, 1);
  std::string_view view(digits);
  bool has_country_code = view.substr(0, kCountryCode.size()) == kCountryCode;
  if (plus && !has_country_code) {
    return PhoneError("phone.invalid_character",
                      "Số điện thoại có dấu + phải bắt đầu bằng +84 (số Việt Nam)");
  }
  if (!has_country_code || (!plus && digits.size() != kNationalLength + 1)) return digits;
  std::string_view rest = view.substr(kCountryCode.size());
  // "+84 0912…" repeats the trunk 0; tolerate it.
  if (rest.size() == kNationalLength && rest.front() == '0') return std::string(rest);
  // Built by append: GCC 12 reports a false -Wrestrict on `"0" + std::string` at -O3.
  std::string national(1, '0');
  national.append(rest);
  return national;
}

Status CheckShape(std::string_view digits) {
  if (digits.size() == kNationalLength + 1 && digits.substr(0, 2) == "01") {
    return PhoneError("phone.legacy_11_digit",
                      "Số điện thoại 11 số (đầu 01…) đã được chuyển sang 10 số từ năm 2018; "
                      "hãy cập nhật số mới");
  }
  if (digits.size() == kNationalLength - 1 && digits.front() != '0') {
    return PhoneError("phone.leading_zero_lost",
                      "Số điện thoại chỉ có 9 chữ số: có thể bảng tính đã làm mất số 0 ở đầu; "
                      "hãy định dạng ô là văn bản và nhập đủ 10 chữ số");
  }
  if (digits.size() != kNationalLength) {
    return PhoneError("phone.length",
                      "Số điện thoại di động phải có 10 chữ số, giá trị đã nhập có " +
                          std::to_string(digits.size()) + " chữ số");
  }
  return {};
}

}  // namespace

Result<Phone> Phone::Parse(std::string_view text, const ReferenceCodes& codes) {
  text = TrimAsciiSpace(text);
  if (text.empty()) return PhoneError("phone.empty", "Số điện thoại không được để trống");
  Result<std::string> stripped = StripSeparators(text);
  if (!stripped) return Fail(std::move(stripped.error()));
  Result<std::string> national = ToNational(std::move(*stripped));
  if (!national) return Fail(std::move(national.error()));
  if (Status shape = CheckShape(*national); !shape) return Fail(std::move(shape.error()));
  std::string prefix = national->substr(0, kPrefixLength);
  auto found = codes.mobile_prefixes.find(prefix);
  if (found == codes.mobile_prefixes.end()) {
    return PhoneError("phone.unknown_prefix",
                      "Đầu số " + prefix + " không phải đầu số di động Việt Nam đã biết");
  }
  return Phone(std::move(*national), found->second.carrier);
}

std::string Phone::Masked() const {
  return MaskAllButLast(digits_, kVisibleDigits);
}

}  // namespace ansinh::core
