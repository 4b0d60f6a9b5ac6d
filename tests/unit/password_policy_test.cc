// The password policy: length, UTF-8, username and common passwords.
#include "core/password_policy.h"

#include <gtest/gtest.h>

#include <string>

namespace ansinh::core {
namespace {

std::string CodeOf(std::string_view password, std::string_view username = "xa01") {
  const auto checked = CheckPassword(password, username);
  return checked ? "ok" : checked.error().code;
}

TEST(PasswordPolicyTest, AcceptsALongPassphrase) {
  EXPECT_EQ(CodeOf("ngựa-vằn-ăn-cỏ-bên-sông"), "ok");
  EXPECT_EQ(CodeOf(std::string(64, 'a') + "b"), "ok");  // long passphrases allowed
}

TEST(PasswordPolicyTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(CodeOf("ăâđêôơưăâđê"), "password.too_short");  // 11 letters, 22 bytes
  EXPECT_EQ(CodeOf("ăâđêôơưăâđêô"), "ok");                 // 12 letters
}

TEST(PasswordPolicyTest, RejectsWhatTheTableSays) {
  struct Case {
    std::string password;
    const char* code;
  };
  const Case cases[] = {
      {"short", "password.too_short"},
      {std::string(257, 'x') + "y", "password.too_long"},
      {"abc\xff\xfe" "defghijklm", "password.invalid_utf8"},
      {"\xc0\xaf" "abcdefghijkl", "password.invalid_utf8"},  // overlong
      {"abcdef\tghijklmn", "password.control_character"},
      {"my-XA01-password-long", "password.contains_username"},
      {"Password1234", "password.too_common"},
      {"zzzzzzzzzzzzzzzz", "password.too_common"},
  };
  for (const auto& c : cases) EXPECT_EQ(CodeOf(c.password), c.code) << c.password;
}

TEST(PasswordPolicyTest, MessagesAreVietnamese) {
  const auto checked = CheckPassword("short", "xa01");
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(checked.error().message.find("Mật khẩu"), std::string::npos);
}

}  // namespace
}  // namespace ansinh::core
