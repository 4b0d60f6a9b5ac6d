// The SMS gateway simulator (sims/sms) as a real process, reached through the
// real network client (adapters/sms_client.h) and `ansinh disburse notify`, on
// both stores: after the bank paid some lines, each paid line's recipient gets
// one message naming the amount and the period — no account or ID number —,
// failed deliveries are retried up to the limit, a second run sends nothing,
// and a hand-over interrupted by a crash is finished without a second SMS.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "adapters/http_exchange.h"
#include "adapters/sms_client.h"
#include "integration/sim_cycle_fixture.h"
#include "integration/sim_process.h"
#include "integration/test_database.h"

namespace ansinh::app {
namespace {

// Plain scan rather than std::regex: GCC 12's regex trips
// -Wmaybe-uninitialized under the sanitizers.
std::size_t LongestDigitRun(const std::string& text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

using testing_support::CommandResult;
using testing_support::RunAnsinh;
using testing_support::SimProcess;

// What the phones received, read from the simulator's inspection route.
nlohmann::json SmsInbox(const SimProcess& sms) {
  const adapters::OutsideSystem system{"sms", "cổng SMS"};
  auto endpoint = adapters::ParseHttpBaseUrl(sms.url(), system);
  auto reply = adapters::HttpExchange(*endpoint, system, "GET", "/messages", "", "",
                                      std::chrono::seconds(5));
  return reply ? nlohmann::json::parse(reply->body)["messages"] : nlohmann::json::array();
}

class SmsSimTest : public testing_support::SimCycleTest {
 protected:
  void SetUp() override {
    SimCycleTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    if (!std::filesystem::exists(ANSINH_SMS_SIM)) GTEST_SKIP() << "ansinh-sms-sim not built";
  }
  CommandResult Notify(const SimProcess& sms) {
    return RunAnsinh("disburse " + Db() + " notify --max-attempts 2 --sms-url " + sms.url());
  }
};

TEST_P(SmsSimTest, EachPaidLineIsNotifiedOnceWithRetriesUpToTheLimit) {
  SimProcess bank(ANSINH_BANK_SIM, {"--seed", "5", "--reject", "AC04=2000"});
  SimProcess sms(ANSINH_SMS_SIM, {"--seed", "3", "--fail-bps", "4000"});
  ASSERT_TRUE(bank.ok());
  ASSERT_TRUE(sms.ok());
  PrepareCycle();
  if (HasFatalFailure()) return;

  // Nothing paid yet, and the gateway down: the error is a value, nothing sent.
  const CommandResult down =
      RunAnsinh("disburse " + Db() + " notify --sms-url http://127.0.0.1:9 --timeout-ms 500");
  EXPECT_EQ(down.exit_code, 69);

  ASSERT_EQ(Send(bank).exit_code, 0);
  const std::int64_t paid = Count(
      "SELECT COUNT(*) FROM payment_lines l JOIN batch_items i ON i.line_ref = l.id AND i.live = 1 "
      "WHERE l.status = 'paid' AND i.transfer_vnd > 0");
  ASSERT_GT(paid, 0);

  const CommandResult first = Notify(sms);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  const auto summary = nlohmann::json::parse(first.out);
  const auto outbox = summary["outbox"];
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications"), paid);
  EXPECT_GT(outbox.value("delivered", 0), 0);
  EXPECT_GT(outbox.value("failed", 0), 0);  // 40 % fail: some fail twice
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE status NOT IN ('delivered', "
                  "'failed', 'no_phone')"),
            0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM notifications WHERE status = 'delivered' AND "
                  "attempts = 2"),
            0);  // retried, then delivered
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE attempts > 2"), 0);

  // Every attempt reached the gateway once; no text carries a long number.
  const nlohmann::json inbox = SmsInbox(sms);
  EXPECT_EQ(static_cast<std::int64_t>(inbox.size()),
            Count("SELECT COALESCE(SUM(attempts), 0) FROM notifications"));
  std::set<std::string> refs;
  for (const auto& message : inbox) {
    const std::string text = message["text"];
    EXPECT_EQ(text.rfind("ansinh: Đã chi trả trợ cấp tháng ", 0), 0u) << text;
    EXPECT_NE(text.find(" đồng. "), std::string::npos) << text;
    EXPECT_LT(LongestDigitRun(text), 7u) << text;  // never an ID or account number
    EXPECT_TRUE(refs.insert(message["client_ref"].get<std::string>()).second);
  }

  // A second run sends nothing.
  const CommandResult again = Notify(sms);
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(nlohmann::json::parse(again.out)["queued"], 0);
  EXPECT_EQ(nlohmann::json::parse(again.out)["sent"], 0);
  EXPECT_EQ(SmsInbox(sms).size(), inbox.size());

  // A crash after the gateway took a message, before ansinh recorded it: the
  // same reference goes out again, the gateway sends no second SMS, and the
  // receipt still finds the row.
  auto lease = database().Acquire();
  ASSERT_TRUE(lease);
  ASSERT_TRUE(
      (*lease)->Execute("UPDATE notifications SET status = 'sending', gateway_id = NULL WHERE id = "
                        "(SELECT MIN(id) FROM notifications WHERE status = 'delivered')"));
  ASSERT_EQ(Notify(sms).exit_code, 0);
  EXPECT_EQ(SmsInbox(sms).size(), inbox.size());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE status = 'sent'"), 1);
  ASSERT_TRUE((*lease)->Execute("UPDATE gateway_cursors SET last_seq = 0"));
  ASSERT_EQ(Notify(sms).exit_code, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE status IN ('sent', 'sending')"), 0);
  EXPECT_EQ(SmsInbox(sms).size(), inbox.size());
  EXPECT_EQ(RunAnsinh("audit " + Db()).exit_code, 0);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(SmsSimTest);

TEST(SmsClientTest, ErrorsAreValuesWithSmsCodes) {
  if (!std::filesystem::exists(ANSINH_SMS_SIM)) GTEST_SKIP() << "ansinh-sms-sim not built";
  EXPECT_EQ(adapters::MakeSmsClient("nonsense").error().code, "sms.url_invalid");
  SimProcess sms(ANSINH_SMS_SIM, {});
  ASSERT_TRUE(sms.ok());
  auto client = adapters::MakeSmsClient(sms.url());
  ASSERT_TRUE(client);
  auto refused = (*client)->Send("12345", "x", "r-1");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "sms.rejected");
  auto id = (*client)->Send("0912345678", "Xin chào", "r-2");
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(*(*client)->Send("0912345678", "Xin chào", "r-2"), *id);  // the same message
  auto reused = (*client)->Send("0912345678", "Khác", "r-2");
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().code, "sms.bad_status");
  auto page = (*client)->Receipts(0);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->receipts.size(), 1u);
  EXPECT_EQ(page->receipts[0].status, "delivered");
  EXPECT_EQ(page->last, 1);
  sms.Stop();
  EXPECT_EQ((*client)->Receipts(0).error().code, "sms.unreachable");
}

}  // namespace
}  // namespace ansinh::app
