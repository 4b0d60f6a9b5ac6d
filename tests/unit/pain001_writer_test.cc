// formats::WritePain001: the message validates against the ISO schema
// (data/iso20022/pain.001.001.09.xsd, with libxml2), carries the control
// totals, one transaction per line with the line id as EndToEndId and whole
// đồng amounts, and refuses what the schema would not hold.
#include "formats/pain001_writer.h"

#include <gtest/gtest.h>

#include "unit/error_expectations.h"
#include "unit/iso20022_schema.h"

namespace ansinh::formats {
namespace {

Pain001Message Sample() {
  return Pain001Message{
      "202611-38-P-970405-B-1",
      "2026-11-23T04:44:35Z",
      "Sở LĐTBXH Thanh Hóa",
      "2026-11-15",
      "Phòng LĐTBXH huyện Đông Sơn",
      "3713.0.1055555",
      "970405",
      {{"202611-123-R-202611", 750'000, "NGUYỄN VĂN AN", "0123456789", "970436",
        "Trợ cấp tháng 11/2026"},
       {"202611-124-A-202610", 1'250'000, "LÊ THỊ BÌNH", "100012345678", "970418", ""}},
      std::nullopt};
}

TEST(Pain001WriterTest, TheMessageValidatesAgainstTheIsoSchema) {
  auto xml = WritePain001(Sample());
  ASSERT_TRUE(xml) << xml.error().message;
  EXPECT_EQ(test::SchemaErrors(test::Pain001Schema(), *xml), "");
  // The check has teeth: a payment method the schema does not know fails it.
  std::string broken = *xml;
  broken.replace(broken.find("<PmtMtd>TRF"), 12, "<PmtMtd>XXX");
  EXPECT_NE(test::SchemaErrors(test::Pain001Schema(), broken), "");
}

TEST(Pain001WriterTest, TheWatermarkRidesInSupplementaryDataAndStillValidates) {
  Pain001Message message = Sample();
  message.watermark = Pain001Watermark{"huyen01", "2026-11-23T04:44:35Z"};
  auto xml = WritePain001(message);
  ASSERT_TRUE(xml) << xml.error().message;
  EXPECT_EQ(test::SchemaErrors(test::Pain001Schema(), *xml), "");
  EXPECT_NE(xml->find("<PlcAndNm>ansinh:export</PlcAndNm>"), std::string::npos);
  EXPECT_NE(xml->find("<Xprt xmlns=\"urn:ansinh:export:1\">"), std::string::npos) << *xml;
  EXPECT_NE(xml->find("<By>huyen01</By>"), std::string::npos);
  EXPECT_NE(xml->find("<At>2026-11-23T04:44:35Z</At>"), std::string::npos);
  EXPECT_EQ(WritePain001(Sample())->find("SplmtryData"), std::string::npos);
}

TEST(Pain001WriterTest, ControlTotalsAndTransactionsAreWrittenInWholeDong) {
  auto xml = WritePain001(Sample());
  ASSERT_TRUE(xml);
  EXPECT_NE(xml->find("<NbOfTxs>2</NbOfTxs>"), std::string::npos);
  EXPECT_NE(xml->find("<CtrlSum>2000000</CtrlSum>"), std::string::npos);
  EXPECT_NE(xml->find("<EndToEndId>202611-123-R-202611</EndToEndId>"), std::string::npos);
  EXPECT_NE(xml->find("<InstdAmt Ccy=\"VND\">750000</InstdAmt>"), std::string::npos);
  EXPECT_NE(xml->find("<MmbId>970436</MmbId>"), std::string::npos);
  EXPECT_NE(xml->find("<Id>0123456789</Id>"), std::string::npos);
  EXPECT_NE(xml->find("NGUYỄN VĂN AN"), std::string::npos);
  EXPECT_EQ(xml->find("750000."), std::string::npos);
  EXPECT_EQ(*xml, *WritePain001(Sample()));  // deterministic
}

TEST(Pain001WriterTest, WhatTheSchemaCannotHoldIsRefused) {
  Pain001Message empty = Sample();
  empty.transactions.clear();
  test::ExpectError(WritePain001(empty), "pain001.empty");
  Pain001Message zero = Sample();
  zero.transactions[1].amount_vnd = 0;
  test::ExpectError(WritePain001(zero), "pain001.amount");
  Pain001Message long_id = Sample();
  long_id.transactions[0].end_to_end_id = std::string(36, '1');
  test::ExpectError(WritePain001(long_id), "pain001.too_long");
  Pain001Message no_account = Sample();
  no_account.transactions[0].creditor_account.clear();
  test::ExpectError(WritePain001(no_account), "pain001.too_long");
}

}  // namespace
}  // namespace ansinh::formats
