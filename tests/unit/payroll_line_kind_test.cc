#include <gtest/gtest.h>

#include "core/payroll.h"
#include "unit/error_expectations.h"

namespace ansinh::core {
namespace {

TEST(PayrollLineKindTest, CodesRoundTrip) {
  for (LineKind kind :
       {LineKind::kRegular, LineKind::kArrears, LineKind::kRecovery, LineKind::kOneOff}) {
    EXPECT_EQ(ParseLineKind(LineKindCode(kind)), kind);
  }
  EXPECT_STREQ(LineKindCode(LineKind::kOneOff), "ONE_OFF");
}

TEST(PayrollLineKindTest, UnknownCodeIsAnError) {
  test::ExpectError(ParseLineKind("regular"), "payroll.line_kind_unknown");
  test::ExpectError(ParseLineKind(""), "payroll.line_kind_unknown");
}

}  // namespace
}  // namespace ansinh::core
