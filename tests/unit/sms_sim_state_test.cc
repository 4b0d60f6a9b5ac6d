// The SMS gateway simulator's memory (sims/sms/sms_sim.h): one message per
// client_ref (the same again is the same id, another text under it a
// conflict), receipts in order after a cursor, failures by seed and reference.
#include <gtest/gtest.h>

#include <string>

#include "sims/sms/sms_sim.h"

namespace ansinh::sims {
namespace {

std::string SmsBody(const std::string& to, const std::string& text, const std::string& ref) {
  return nlohmann::json{{"to", to}, {"text", text}, {"client_ref", ref}}.dump();
}

TEST(SmsSimStateTest, TheSameReferenceIsTheSameMessage) {
  SmsSim sms(SmsRules{});
  const SmsAnswer first = sms.Send(SmsBody("0912345678", "Đã chi trả", "ANS-1-1"));
  ASSERT_EQ(first.status, 202);
  const SmsAnswer again = sms.Send(SmsBody("0912345678", "Đã chi trả", "ANS-1-1"));
  EXPECT_EQ(again.status, 202);
  EXPECT_EQ(again.body["id"], first.body["id"]);
  EXPECT_EQ(sms.Send(SmsBody("0912345678", "Khác", "ANS-1-1")).status, 409);
  EXPECT_EQ(sms.Messages().body["messages"].size(), 1u);
  EXPECT_EQ(sms.Receipts(0).body["receipts"].size(), 1u);
}

TEST(SmsSimStateTest, RefusesWhatIsNotAMessage) {
  SmsSim sms(SmsRules{});
  EXPECT_EQ(sms.Send("not json").status, 400);
  EXPECT_EQ(sms.Send(SmsBody("12345", "x", "r")).status, 400);
  EXPECT_EQ(sms.Send(SmsBody("0912345678", "", "r")).status, 400);
  EXPECT_EQ(sms.Send(SmsBody("0912345678", "x", "")).status, 400);
  EXPECT_EQ(sms.Send(SmsBody("0912345678", std::string(1001, 'a'), "r")).status, 400);
}

TEST(SmsSimStateTest, ReceiptsFollowTheCursorAndFailuresTheRate) {
  SmsSim sms(SmsRules{9, 3000});
  int failed = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::string ref = "ANS-" + std::to_string(i) + "-1";
    ASSERT_EQ(sms.Send(SmsBody("0912345678", "x", ref)).status, 202);
    failed += SmsFails(SmsRules{9, 3000}, ref) ? 1 : 0;
  }
  EXPECT_NEAR(failed, 300, 60);
  const auto all = sms.Receipts(0).body;
  EXPECT_EQ(all["last"], 1000);
  int reported_failed = 0;
  for (const auto& r : all["receipts"]) reported_failed += r["status"] == "failed" ? 1 : 0;
  EXPECT_EQ(reported_failed, failed);
  const auto tail = sms.Receipts(998).body;
  ASSERT_EQ(tail["receipts"].size(), 2u);
  EXPECT_EQ(tail["receipts"][0]["seq"], 999);
  EXPECT_TRUE(sms.Receipts(1000).body["receipts"].empty());
}

}  // namespace
}  // namespace ansinh::sims
