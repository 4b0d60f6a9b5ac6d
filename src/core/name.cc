#include "core/name.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace ansinh::core {
namespace {

constexpr UChar32 kSmallDStroke = 0x0111;  // đ; folding maps Đ to it
constexpr UChar32 kSmallEth = 0x00F0;      // ð; legacy-font conversions put Ð for Đ

tl::unexpected<Error> NameError(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

tl::unexpected<Error> IcuUnavailable() {
  return Fail(ErrorKind::kInternal, "name.unicode_data_unavailable",
              "Không tải được dữ liệu Unicode (ICU) để chuẩn hoá họ tên");
}

const icu::Normalizer2* Normalizer(UNormalization2Mode mode) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getInstance(nullptr, "nfc", mode, status);
  return U_SUCCESS(status) ? normalizer : nullptr;
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const nfc = Normalizer(UNORM2_COMPOSE);
  return nfc;
}

const icu::Normalizer2* Nfd() {
  static const icu::Normalizer2* const nfd = Normalizer(UNORM2_DECOMPOSE);
  return nfd;
}

// Decodes strict UTF-8, collapsing whitespace and dropping format characters.
Result<icu::UnicodeString> DecodeCollapsed(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  icu::UnicodeString decoded;
  bool pending_space = false;
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return NameError("name.invalid_utf8", "Họ tên chứa byte không phải UTF-8 hợp lệ");
    if (u_isUWhiteSpace(c)) {
      pending_space = !decoded.isEmpty();
      continue;
    }
    int8_t type = u_charType(c);
    if (type == U_FORMAT_CHAR) continue;
    if (type == U_CONTROL_CHAR) {
      return NameError("name.control_character", "Họ tên chứa ký tự điều khiển không hợp lệ");
    }
    if (pending_space) decoded.append(static_cast<char16_t>(u' '));
    pending_space = false;
    decoded.append(c);
  }
  return decoded;
}

Result<icu::UnicodeString> NormalizedUnicode(std::string_view text) {
  if (text.size() > kMaxNameBytes) {
    return NameError("name.too_long",
                     "Họ tên quá dài (tối đa " + std::to_string(kMaxNameBytes) + " byte)");
  }
  Result<icu::UnicodeString> decoded = DecodeCollapsed(text);
  if (!decoded) return decoded;
  if (decoded->isEmpty()) return NameError("name.empty", "Họ tên không được để trống");
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return IcuUnavailable();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString composed = nfc->normalize(*decoded, status);
  if (U_FAILURE(status)) return IcuUnavailable();
  return composed;
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

}  // namespace

Result<std::string> NormalizeName(std::string_view text) {
  Result<icu::UnicodeString> normalized = NormalizedUnicode(text);
  if (!normalized) return Fail(std::move(normalized.error()));
  return ToUtf8(*normalized);
}

Result<std::string> NameMatchKey(std::string_view text) {
  Result<icu::UnicodeString> normalized = NormalizedUnicode(text);
  if (!normalized) return Fail(std::move(normalized.error()));
  normalized->foldCase(U_FOLD_CASE_DEFAULT);
  const icu::Normalizer2* nfd = Nfd();
  if (nfd == nullptr) return IcuUnavailable();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfd->normalize(*normalized, status);
  if (U_FAILURE(status)) return IcuUnavailable();
  icu::UnicodeString key;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    key.append(c == kSmallDStroke || c == kSmallEth ? UChar32{'d'} : c);
  }
  return ToUtf8(key);
}

}  // namespace ansinh::core
