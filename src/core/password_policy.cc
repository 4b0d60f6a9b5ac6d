#include "core/password_policy.h"

#include <array>
#include <optional>
#include <string>

namespace ansinh::core {
namespace {

// Passwords that meet the length rule yet are among the first an attacker
// tries; a longer breached-password list is a deployment concern (docs/security.md).
constexpr std::array<std::string_view, 16> kCommonPasswords = {
    "123456789012", "1234567890123", "12345678901234", "123456789abc",
    "qwertyuiop12", "qwertyuiopas",  "password1234",   "password12345",
    "matkhau12345", "matkhau123456", "abc123456789",   "iloveyou1234",
    "admin1234567", "administrator", "111111111111",   "000000000000",
};

// Bytes of the UTF-8 sequence starting with lead; 0 for an invalid lead byte
// (continuation bytes, overlong 0xC0/0xC1, and 0xF5.. beyond U+10FFFF).
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Number of code points, or nullopt when the bytes are not well-formed UTF-8.
// Structural check only: the password is hashed as bytes, never displayed.
std::optional<std::size_t> CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    const std::size_t length = SequenceLength(static_cast<unsigned char>(text[i]));
    if (length == 0 || i + length > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return std::nullopt;
    }
    i += length;
  }
  return count;
}

bool HasControlCharacter(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return true;
  }
  return false;
}

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

bool IsCommon(std::string_view password) {
  const std::string lower = LowerAscii(password);
  bool all_same = true;
  for (const char c : lower) all_same = all_same && c == lower.front();
  if (all_same) return true;
  for (const auto common : kCommonPasswords) {
    if (lower == common) return true;
  }
  return false;
}

}  // namespace

Status CheckPassword(std::string_view password, std::string_view username,
                     const PasswordPolicy& policy) {
  const auto code_points = CountCodePoints(password);
  if (!code_points) {
    return Fail(ErrorKind::kInvalidInput, "password.invalid_utf8",
                "Mật khẩu chứa ký tự không hợp lệ (không phải UTF-8).");
  }
  if (HasControlCharacter(password)) {
    return Fail(ErrorKind::kInvalidInput, "password.control_character",
                "Mật khẩu không được chứa ký tự điều khiển (xuống dòng, tab, ...).");
  }
  if (*code_points < policy.min_code_points) {
    return Fail(ErrorKind::kInvalidInput, "password.too_short",
                "Mật khẩu phải có ít nhất " + std::to_string(policy.min_code_points) + " ký tự.");
  }
  if (password.size() > policy.max_bytes) {
    return Fail(ErrorKind::kInvalidInput, "password.too_long",
                "Mật khẩu dài quá " + std::to_string(policy.max_bytes) + " byte.");
  }
  if (!username.empty() && LowerAscii(password).find(LowerAscii(username)) != std::string::npos) {
    return Fail(ErrorKind::kInvalidInput, "password.contains_username",
                "Mật khẩu không được chứa tên đăng nhập.");
  }
  if (IsCommon(password)) {
    return Fail(ErrorKind::kInvalidInput, "password.too_common",
                "Mật khẩu quá phổ biến, dễ đoán; hãy chọn một cụm từ dài hơn.");
  }
  return {};
}

}  // namespace ansinh::core
