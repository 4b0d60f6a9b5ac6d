// The bank simulator's message codecs (sims/bank): it reads what ansinh's
// pain.001 writer produces, answers with a pain.002 that ansinh's reader
// accepts, and writes returns as camt.054.001.08 valid against the ISO
// schema (data/iso20022/camt.054.001.08.xsd, with libxml2).
#include <gtest/gtest.h>

#include <string>

#include "formats/pain001_writer.h"
#include "formats/pain002_reader.h"
#include "sims/bank/camt054_out.h"
#include "sims/bank/pain001_in.h"
#include "sims/bank/pain002_out.h"
#include "unit/iso20022_schema.h"

namespace ansinh::sims {
namespace {

std::string Camt054Schema() {
  return std::string(ANSINH_REFERENCE_DATA_DIR) + "/iso20022/camt.054.001.08.xsd";
}

formats::Pain001Message SimSample() {
  return formats::Pain001Message{
      "202611-38-P-970405-B-1",
      "2026-11-23T04:44:35Z",
      "Sở LĐTBXH Thanh Hóa",
      "2026-11-15",
      "Phòng LĐTBXH huyện Đông Sơn",
      "3713.0.1055555",
      "970405",
      {{"202611-123-R-202611", 750'000, "NGUYỄN VĂN AN", "0123456789", "970436", "Trợ cấp"},
       {"202611-124-A-202610", 1'250'000, "LÊ THỊ BÌNH", "100012345678", "970418", ""}},
      std::nullopt};
}

TEST(BankSimMessagesTest, ReadsWhatAnsinhWrites) {
  auto xml = formats::WritePain001(SimSample());
  ASSERT_TRUE(xml);
  auto message = ReadPain001(*xml);
  ASSERT_TRUE(message) << message.error().message;
  EXPECT_EQ(message->message_id, "202611-38-P-970405-B-1");
  EXPECT_EQ(message->debtor_account, "3713.0.1055555");
  ASSERT_EQ(message->transactions.size(), 2u);
  EXPECT_EQ(message->transactions[1].end_to_end_id, "202611-124-A-202610");
  EXPECT_EQ(message->transactions[1].amount_vnd, 1'250'000);
}

TEST(BankSimMessagesTest, RefusesWrongControlTotalsAndOtherMessages) {
  std::string xml = *formats::WritePain001(SimSample());
  std::string tampered = xml;
  tampered.replace(tampered.find("<CtrlSum>2000000"), 16, "<CtrlSum>2000001");
  EXPECT_EQ(ReadPain001(tampered).error().code, "sim.pain001_control");
  EXPECT_EQ(ReadPain001("<Document/>").error().code, "sim.pain001_not_pain001");
  EXPECT_EQ(ReadPain001("no xml <").error().code, "sim.pain001_not_xml");
}

TEST(BankSimMessagesTest, TheFingerprintIgnoresOrderButNotAmounts) {
  auto first = ReadPain001(*formats::WritePain001(SimSample()));
  formats::Pain001Message swapped = SimSample();
  std::swap(swapped.transactions[0], swapped.transactions[1]);
  swapped.created_at = "2026-11-24T00:00:00Z";
  EXPECT_EQ(Pain001Fingerprint(*first),
            Pain001Fingerprint(*ReadPain001(*formats::WritePain001(swapped))));
  formats::Pain001Message other = SimSample();
  other.transactions[0].amount_vnd += 1;
  EXPECT_NE(Pain001Fingerprint(*first),
            Pain001Fingerprint(*ReadPain001(*formats::WritePain001(other))));
}

TEST(BankSimMessagesTest, ThePain002AnswerIsReadByAnsinh) {
  Pain002Out out{"PSR-0123456789abcdef",
                 "2026-11-23T05:00:00Z",
                 "202611-38-P-970405-B-1",
                 "202611-38-P-970405-B-1",
                 {{"202611-123-R-202611", 750'000, true, ""},
                  {"202611-124-A-202610", 1'250'000, false, "AC04"}}};
  auto xml = WritePain002(out);
  ASSERT_TRUE(xml);
  EXPECT_NE(xml->find("<GrpSts>PART</GrpSts>"), std::string::npos);
  auto report = formats::ParsePain002(*xml);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->message_id, "PSR-0123456789abcdef");
  EXPECT_EQ(report->original_message_id, "202611-38-P-970405-B-1");
  ASSERT_EQ(report->transactions.size(), 2u);
  EXPECT_EQ(report->transactions[0].status, "ACSC");
  EXPECT_EQ(report->transactions[0].amount_vnd, 750'000);
  EXPECT_EQ(report->transactions[1].status, "RJCT");
  EXPECT_EQ(report->transactions[1].reason, "AC04");
}

TEST(BankSimMessagesTest, GroupStatusSaysAllSomeOrNone) {
  EXPECT_EQ(GroupStatus({{"a", 1, true, ""}}), "ACCP");
  EXPECT_EQ(GroupStatus({{"a", 1, false, "AC01"}}), "RJCT");
  EXPECT_EQ(GroupStatus({{"a", 1, false, "AC01"}, {"b", 1, true, ""}}), "PART");
}

TEST(BankSimMessagesTest, ReturnsAreAValidCamt054) {
  Camt054Out out{"RTN-1-3",
                 "2026-11-23T05:00:00Z",
                 {{1, "202611-38-P-970405-B-1", "202611-123-R-202611", 750'000, "AC04",
                   "3713.0.1055555", "2026-11-23"},
                  {2, "202611-38-P-970405-B-1", "202611-124-A-202610", 1'250'000, "MD07",
                   "3713.0.1055555", "2026-11-23"},
                  {3, "202611-38-T-KBNN-B-1", "202611-200-R-202611", 500'000, "AC06", "9527.1.1",
                   "2026-11-23"}}};
  auto xml = WriteCamt054(out);
  ASSERT_TRUE(xml) << xml.error().message;
  EXPECT_EQ(test::SchemaErrors(Camt054Schema(), *xml), "");
  // One notification per account the money returns to.
  std::size_t notifications = 0;
  for (auto at = xml->find("<Ntfctn>"); at != std::string::npos;
       at = xml->find("<Ntfctn>", at + 1)) {
    ++notifications;
  }
  EXPECT_EQ(notifications, 2u);
  EXPECT_NE(xml->find("<EndToEndId>202611-124-A-202610</EndToEndId>"), std::string::npos);
  EXPECT_NE(xml->find("<Amt Ccy=\"VND\">1250000</Amt>"), std::string::npos);
  // The check has teeth: a credit/debit indicator the schema does not know fails it.
  std::string broken = *xml;
  broken.replace(broken.find("<CdtDbtInd>CRDT"), 15, "<CdtDbtInd>XXXX");
  EXPECT_NE(test::SchemaErrors(Camt054Schema(), broken), "");
  EXPECT_FALSE(WriteCamt054({"RTN-1-0", "2026-11-23T05:00:00Z", {}}));
}

}  // namespace
}  // namespace ansinh::sims
