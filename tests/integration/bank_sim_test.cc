// The bank simulator (sims/bank) as a real process, reached through the real
// network client (adapters/bank_client.h) and `ansinh disburse send`, on both
// stores: an approved cycle is exported, sent, answered with some rejections,
// its lines become paid or failed, the audit is clean; a re-send — also after
// the bank answered one batch before a "crash", and after the bank restarted —
// changes nothing. Returns come back as a schema-valid camt.054, which
// `ansinh disburse returns` ingests once.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "adapters/bank_client.h"
#include "app/registry_service.h"
#include "formats/pain002_reader.h"
#include "integration/cli_runner.h"
#include "integration/sim_cycle_fixture.h"
#include "integration/sim_process.h"
#include "integration/test_database.h"
#include "unit/iso20022_schema.h"

namespace ansinh::app {
namespace {

using testing_support::CommandResult;
using testing_support::RunAnsinh;
using testing_support::SimProcess;

const std::vector<std::string> kBankArgs = {"--seed",       "7",         "--reject", "AC01=1000",
                                            "--reject",     "AC04=1000", "--reject", "MD07=500",
                                            "--return-bps", "2000"};

class BankSimTest : public testing_support::SimCycleTest {};

TEST_P(BankSimTest, SendPaysOrRejectsEachLineOnceAndTheAuditIsClean) {
  SimProcess bank(ANSINH_BANK_SIM, kBankArgs);
  ASSERT_TRUE(bank.ok());
  PrepareCycle();
  if (HasFatalFailure()) return;

  // The bank receives the first account batch, then ansinh "crashes" before
  // it ingests the answer.
  testing_support::TempDir out;
  const CommandResult exported =
      RunAnsinh("disburse " + Db() + " export --period " + Period() +
                " --unit 38 --format pain001 --out " + out.path().string());
  ASSERT_EQ(exported.exit_code, 0) << exported.out;
  std::string first_batch, first_file;
  const auto exported_json = nlohmann::json::parse(exported.out);
  for (const auto& batch : exported_json["batches"]) {
    if (batch["file"].is_null()) continue;
    first_batch = batch["batch_id"];
    first_file = batch["file"];
    break;
  }
  ASSERT_FALSE(first_batch.empty());
  auto client = adapters::MakeBankClient(bank.url());
  ASSERT_TRUE(client);
  auto early = (*client)->SubmitPain001(first_batch, testing_support::ReadWholeFile(first_file));
  ASSERT_TRUE(early) << early.error().message;
  const std::string early_report = formats::ParsePain002(*early)->message_id;

  const CommandResult sent = Send(bank);
  ASSERT_EQ(sent.exit_code, 0) << sent.out;
  const auto summary = nlohmann::json::parse(sent.out);
  const std::int64_t paid = summary["paid"], failed = summary["failed"];
  EXPECT_GT(paid, 0);
  EXPECT_GT(failed, 0);
  ASSERT_GE(summary["batches"].size(), 1u);
  EXPECT_EQ(summary["batches"][0]["batch_id"], first_batch);
  EXPECT_EQ(summary["batches"][0]["message_id"], early_report);  // the same answer by MsgId

  EXPECT_EQ(Count("SELECT COUNT(*) FROM payment_results"), paid + failed);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payment_results WHERE status = 'failed' AND reason_code "
                  "NOT IN ('AC01', 'AC04', 'MD07')"),
            0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payment_lines WHERE status = 'failed'"), failed);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM batch_items i JOIN disbursement_batches b ON "
                  "b.id = i.batch_ref JOIN payment_lines l ON l.id = i.line_ref WHERE "
                  "b.channel IN ('BANK_ACCOUNT', 'MOBILE_MONEY') AND l.status = 'sent'"),
            0);
  const CommandResult audit = RunAnsinh("audit " + Db());
  EXPECT_EQ(audit.exit_code, 0) << audit.out;

  // A re-send, and one to a restarted bank with the same seed, change nothing.
  for (int round = 0; round < 2; ++round) {
    SimProcess restarted(ANSINH_BANK_SIM, kBankArgs);
    const CommandResult again = Send(round == 0 ? bank : restarted);
    ASSERT_EQ(again.exit_code, 0) << again.out;
    const auto second = nlohmann::json::parse(again.out);
    EXPECT_EQ(second["paid"], 0);
    EXPECT_EQ(second["failed"], 0);
    ASSERT_EQ(second["batches"].size(), summary["batches"].size());
    for (const auto& batch : second["batches"]) EXPECT_TRUE(batch["already_ingested"].get<bool>());
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payment_results"), paid + failed);
  EXPECT_EQ(RunAnsinh("audit " + Db()).exit_code, 0);

  // A share of the paid transfers comes back later, as camt.054, ingested once.
  const std::string returning = "disburse " + Db() + " returns --bank-url " + bank.url();
  const CommandResult returned = RunAnsinh(returning);
  ASSERT_EQ(returned.exit_code, 0) << returned.out;
  const auto returns_summary = nlohmann::json::parse(returned.out);
  EXPECT_EQ(returns_summary["since"], 0);
  EXPECT_GT(returns_summary["last"].get<std::int64_t>(), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM payment_lines WHERE status = 'returned'"), 0);
  const CommandResult nothing_new = RunAnsinh(returning);
  ASSERT_EQ(nothing_new.exit_code, 0) << nothing_new.out;
  EXPECT_EQ(nlohmann::json::parse(nothing_new.out)["notifications"].size(), 0u);
  EXPECT_EQ(RunAnsinh("audit " + Db()).exit_code, 0);

  auto returns = (*client)->FetchReturns(0);
  ASSERT_TRUE(returns) << returns.error().message;
  ASSERT_TRUE(returns->has_value());
  const std::string schema =
      std::string(ANSINH_REFERENCE_DATA_DIR) + "/iso20022/camt.054.001.08.xsd";
  EXPECT_EQ(test::SchemaErrors(schema, (*returns)->camt054_xml), "");
  EXPECT_GT((*returns)->last_entry, 0);
  auto none = (*client)->FetchReturns(1'000'000);
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(BankSimTest);

// The client's errors, each a value with its bank.* code.
class BankClientErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(ANSINH_BANK_SIM)) GTEST_SKIP() << "ansinh-bank-sim not built";
  }
};

TEST_F(BankClientErrorsTest, UnreachableTimeoutBadStatusBadBodyAndBadUrl) {
  EXPECT_EQ(adapters::MakeBankClient("ftp://127.0.0.1:1").error().code, "bank.url_invalid");

  std::string stopped_url;
  {
    SimProcess bank(ANSINH_BANK_SIM, {});
    ASSERT_TRUE(bank.ok());
    stopped_url = bank.url();
    auto client = adapters::MakeBankClient(bank.url());
    auto refused = (*client)->SubmitPain001("X", "not xml");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "bank.bad_status");
    EXPECT_NE(refused.error().message.find("400"), std::string::npos) << refused.error().message;

    // A well-formed answer about another message is the bank's fault.
    const std::string pain001 =
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">"
        "<CstmrCdtTrfInitn><GrpHdr><MsgId>B-1</MsgId><NbOfTxs>1</NbOfTxs><CtrlSum>5</CtrlSum>"
        "</GrpHdr><PmtInf><PmtInfId>B-1</PmtInfId><DbtrAcct><Id><Othr><Id>1</Id></Othr></Id>"
        "</DbtrAcct><CdtTrfTxInf><PmtId><EndToEndId>L-1</EndToEndId></PmtId><Amt>"
        "<InstdAmt Ccy=\"VND\">5</InstdAmt></Amt></CdtTrfTxInf></PmtInf></CstmrCdtTrfInitn>"
        "</Document>";
    auto wrong = (*client)->SubmitPain001("B-2", pain001);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, "bank.bad_body");
    EXPECT_TRUE((*client)->SubmitPain001("B-1", pain001));
  }
  auto gone = (*adapters::MakeBankClient(stopped_url))->SubmitPain001("X", "x");
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, "bank.unreachable");
  EXPECT_EQ(gone.error().kind, ErrorKind::kUnavailable);

  // A peer that accepts connections (the kernel's backlog) but never answers.
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(listener, 4), 0);
  socklen_t length = sizeof address;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  const std::string silent = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  const auto started = std::chrono::steady_clock::now();
  auto slow = (*adapters::MakeBankClient(silent, {std::chrono::milliseconds(300)}))
                  ->SubmitPain001("X", "x");
  ::close(listener);
  ASSERT_FALSE(slow);
  EXPECT_EQ(slow.error().code, "bank.timeout");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

}  // namespace
}  // namespace ansinh::app
