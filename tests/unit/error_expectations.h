// Shared checks on the error half of a Result: the stable code, the kind, and
// a Vietnamese message that is present and in Unicode NFC (STYLE.md, DESIGN §6).
#pragma once

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>

#include "core/error.h"

namespace ansinh::test {

inline bool IsNfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return false;
  return nfc->isNormalized(icu::UnicodeString::fromUTF8(text), status) && U_SUCCESS(status);
}

template <class T>
void ExpectError(const Result<T>& result, const std::string& code,
                 ErrorKind kind = ErrorKind::kInvalidInput) {
  ASSERT_FALSE(result.has_value()) << "expected error " << code;
  EXPECT_EQ(result.error().code, code);
  EXPECT_EQ(result.error().kind, kind);
  EXPECT_FALSE(result.error().message.empty());
  EXPECT_TRUE(IsNfc(result.error().message)) << result.error().message;
}

// The error code, or "" on success, for messages in table-driven failures.
template <class T>
std::string CodeOf(const Result<T>& result) {
  return result.has_value() ? std::string() : result.error().code;
}

}  // namespace ansinh::test
