#include "core/name.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <optional>
#include <vector>

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

// The fast path. Vietnamese registers are NFC text made of printable ASCII and
// precomposed Latin letters (ă, ơ, ư, đ and the tone-marked vowels of Latin
// Extended Additional). For such text ICU's result is known per character:
// every one of those letters is NFC-stable, a starter, and composes with no
// neighbour, and case folding is context-free, so the key of the whole is the
// keys of its characters joined. The per-letter keys are computed once by the
// ICU path itself; anything else (combining marks, other scripts, control or
// format characters, other spaces) takes the ICU path.
struct LetterTable {
  static constexpr UChar32 kFirst = 0x00C0;
  static constexpr UChar32 kLast = 0x1EFF;
  // Empty: not a fast-path letter.
  std::vector<std::string> key;

  const std::string* KeyOf(UChar32 c) const {
    if (c < kFirst || c > kLast) return nullptr;
    const std::string& k = key[static_cast<std::size_t>(c - kFirst)];
    return k.empty() ? nullptr : &k;
  }
};

Result<std::string> SlowNormalizeName(std::string_view text) {
  Result<icu::UnicodeString> normalized = NormalizedUnicode(text);
  if (!normalized) return Fail(std::move(normalized.error()));
  return ToUtf8(*normalized);
}

Result<std::string> SlowNameMatchKey(std::string_view text) {
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

bool IsFastLetter(UChar32 c) {
  const int8_t type = u_charType(c);
  if (type != U_UPPERCASE_LETTER && type != U_LOWERCASE_LETTER) return false;
  icu::UnicodeString one(c);
  std::string utf8 = ToUtf8(one);
  Result<std::string> normalized = SlowNormalizeName(utf8);
  return normalized && *normalized == utf8 && u_getCombiningClass(c) == 0;
}

const LetterTable& Letters() {
  static const LetterTable table = [] {
    LetterTable built;
    const auto size = static_cast<std::size_t>(LetterTable::kLast - LetterTable::kFirst + 1);
    built.key.resize(size);
    for (UChar32 c = LetterTable::kFirst; c <= LetterTable::kLast; ++c) {
      if ((c > 0x024F && c < 0x1E00) || !IsFastLetter(c)) continue;
      Result<std::string> key = SlowNameMatchKey(ToUtf8(icu::UnicodeString(c)));
      if (key && !key->empty()) built.key[static_cast<std::size_t>(c - LetterTable::kFirst)] = *key;
    }
    return built;
  }();
  return table;
}

// Walks `text` as the fast path sees it: `ascii(byte)` for printable ASCII
// other than a space, `letter(bytes, key)` for a table letter, `space()` for
// each run of spaces between words. False when the text needs the ICU path.
template <class Ascii, class Letter, class Space>
bool WalkFast(std::string_view text, Ascii ascii, Letter letter, Space space) {
  if (text.empty() || text.size() > kMaxNameBytes) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  bool pending_space = false;
  bool any = false;
  for (int32_t i = 0; i < length;) {
    const uint8_t byte = bytes[i];
    if (byte == ' ') {
      pending_space = any;
      ++i;
      continue;
    }
    if (pending_space) space();
    pending_space = false;
    any = true;
    if (byte > ' ' && byte < 0x7F) {
      ascii(static_cast<char>(byte));
      ++i;
      continue;
    }
    if (byte < 0xC0) return false;  // control, DEL or not a lead byte
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    const std::string* key = c < 0 ? nullptr : Letters().KeyOf(c);
    if (key == nullptr) return false;
    letter(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)), *key);
  }
  return any;
}

std::optional<std::string> FastNormalizeName(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const bool fast = WalkFast(
      text, [&out](char c) { out.push_back(c); },
      [&out](std::string_view bytes, const std::string&) { out.append(bytes); },
      [&out] { out.push_back(' '); });
  if (!fast) return std::nullopt;
  return out;
}

std::optional<std::string> FastNameMatchKey(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const bool fast = WalkFast(
      text,
      [&out](char c) { out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c); },
      [&out](std::string_view, const std::string& key) { out.append(key); },
      [&out] { out.push_back(' '); });
  if (!fast) return std::nullopt;
  return out;
}

}  // namespace

Result<std::string> NormalizeName(std::string_view text) {
  if (std::optional<std::string> fast = FastNormalizeName(text)) return std::move(*fast);
  return SlowNormalizeName(text);
}

Result<std::string> NameMatchKey(std::string_view text) {
  if (std::optional<std::string> fast = FastNameMatchKey(text)) return std::move(*fast);
  return SlowNameMatchKey(text);
}

namespace name_detail {

Result<std::string> IcuNormalizeName(std::string_view text) { return SlowNormalizeName(text); }
Result<std::string> IcuNameMatchKey(std::string_view text) { return SlowNameMatchKey(text); }

}  // namespace name_detail

}  // namespace ansinh::core
