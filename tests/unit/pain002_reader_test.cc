// formats::ParsePain002: statuses, reason codes and amounts of a status
// report; other messages and fractional amounts are refused.
#include "formats/pain002_reader.h"

#include <gtest/gtest.h>

#include "unit/error_expectations.h"
#include "unit/pain002_test_message.h"

namespace ansinh::formats {
namespace {

TEST(Pain002ReaderTest, ReadsStatusesReasonsAndAmounts) {
  auto report = ParsePain002(test::Pain002("STS-1", "202409-001-P-VNPOST-B-1",
                                           {{"202409-5-R-202409", "ACSC", "", "750000"},
                                            {"202409-6-R-202409", "RJCT", "AC04", "750000.00"},
                                            {"202409-7-R-202409", "PDNG", "", ""}}));
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->message_id, "STS-1");
  EXPECT_EQ(report->original_message_id, "202409-001-P-VNPOST-B-1");
  ASSERT_EQ(report->transactions.size(), 3u);
  EXPECT_EQ(report->transactions[0].status, "ACSC");
  EXPECT_EQ(report->transactions[0].amount_vnd, 750'000);
  EXPECT_EQ(report->transactions[1].reason, "AC04");
  EXPECT_EQ(report->transactions[1].amount_vnd, 750'000);
  EXPECT_FALSE(report->transactions[2].amount_vnd);
}

TEST(Pain002ReaderTest, RefusesOtherMessagesAndFractions) {
  test::ExpectError(ParsePain002("<not xml"), "pain002.not_xml");
  test::ExpectError(
      ParsePain002("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>"),
      "pain002.not_pain002");
  test::ExpectError(ParsePain002(test::Pain002("S", "B", {{"L1", "ACSC", "", "750000.5"}})),
                    "pain002.amount");
  test::ExpectError(ParsePain002(test::Pain002("", "B", {})), "pain002.missing");
  test::ExpectError(ParsePain002(test::Pain002("S", "B", {{"L1", "", "", "1"}})),
                    "pain002.missing");
}

}  // namespace
}  // namespace ansinh::formats
