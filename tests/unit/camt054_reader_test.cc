// formats::ParseCamt054: booked credits become returns with their line, amount
// and reason; other entries are skipped; the test messages validate against
// the ISO schema; other messages, currencies and fractions are refused.
#include "formats/camt054_reader.h"

#include <gtest/gtest.h>

#include "unit/camt054_test_message.h"
#include "unit/error_expectations.h"
#include "unit/iso20022_schema.h"

namespace ansinh::formats {
namespace {

std::string Camt054Schema() {
  return std::string(ANSINH_REFERENCE_DATA_DIR) + "/iso20022/camt.054.001.08.xsd";
}

TEST(Camt054ReaderTest, ReadsBookedCreditsAsReturnsAndSkipsTheRest) {
  const std::string xml =
      test::Camt054("RTN-1", {{"202409-5-R-202409", "750000", "AC04"},
                              {"202409-6-R-202409", "2789000.00", ""},
                              {"202409-7-R-202409", "1000", "AC01", "PDNG"},
                              {"202409-8-R-202409", "1000", "", "BOOK", "DBIT"}});
  EXPECT_EQ(test::SchemaErrors(Camt054Schema(), xml), "");
  auto notification = ParseCamt054(xml);
  ASSERT_TRUE(notification) << notification.error().message;
  EXPECT_EQ(notification->message_id, "RTN-1");
  EXPECT_EQ(notification->skipped_entries, 2);
  ASSERT_EQ(notification->returns.size(), 2u);
  EXPECT_EQ(notification->returns[0].end_to_end_id, "202409-5-R-202409");
  EXPECT_EQ(notification->returns[0].amount_vnd, 750'000);
  EXPECT_EQ(notification->returns[0].reason, "AC04");
  EXPECT_EQ(notification->returns[0].booked_on, "2024-09-19");
  EXPECT_EQ(notification->returns[1].amount_vnd, 2'789'000);
  EXPECT_FALSE(notification->returns[1].reason);
}

TEST(Camt054ReaderTest, RefusesOtherMessagesCurrenciesAndFractions) {
  test::ExpectError(ParseCamt054("<not xml"), "camt054.not_xml");
  test::ExpectError(
      ParseCamt054("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"/>"),
      "camt054.not_camt054");
  test::ExpectError(ParseCamt054(test::Camt054("R", {{"L1", "750000.5", ""}})),
                    "camt054.amount");
  test::ExpectError(ParseCamt054(test::Camt054("", {})), "camt054.missing");
  test::ExpectError(ParseCamt054(test::Camt054("R", {{"", "1", ""}})), "camt054.missing");
  std::string dollars = test::Camt054("R", {{"L1", "10", ""}});
  for (std::size_t at = dollars.find("Ccy=\"VND\">10<"); at != std::string::npos;
       at = dollars.find("Ccy=\"VND\">10<")) {
    dollars.replace(at, 9, "Ccy=\"USD\"");
  }
  test::ExpectError(ParseCamt054(dollars), "camt054.currency");
}

}  // namespace
}  // namespace ansinh::formats
