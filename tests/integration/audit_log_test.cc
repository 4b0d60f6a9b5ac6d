// The audit log on both databases: append in the caller's transaction, verify,
// and tampering with rows directly in SQL detected and named.
#include "app/audit_log.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "integration/test_database.h"
#include "store/migrations.h"

namespace ansinh::app {
namespace {

class AuditLogTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(store::ApplyMigrations(database(), testing_support::SourceMigrationsRoot()));
  }

  void Append(int count, bool commit = true) {
    auto session = database().Acquire();
    ASSERT_TRUE(session);
    auto transaction = store::Transaction::Begin(**session);
    ASSERT_TRUE(transaction);
    for (int i = 0; i < count; ++i) {
      AuditEvent event{"user.disable", "success", "user", "u" + std::to_string(i),
                       nlohmann::json{{"active", true}}, nlohmann::json{{"active", false}}};
      ASSERT_TRUE(AppendAudit(**session, AuditActor{1, "admin", "10.0.0.1", "req"}, event));
    }
    if (commit) {
      ASSERT_TRUE(transaction->Commit());
    }
  }

  // Runs SQL as someone with direct database access who removed the triggers.
  void Tamper(const std::string& sql) {
    auto session = database().Acquire();
    ASSERT_TRUE(session);
    const std::string drop = dialect() == store::Dialect::kSqlite
                                 ? "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
                                 : "DROP TRIGGER audit_log_append_only ON audit_log;";
    ASSERT_TRUE((*session)->ExecuteScript(drop + sql));
  }

  core::ChainBreak ExpectBroken() {
    auto verification = VerifyAuditLog(database());
    EXPECT_TRUE(verification);
    if (!verification || !verification->first_break) {
      ADD_FAILURE() << "tampering not detected";
      return {};
    }
    return *verification->first_break;
  }
};

TEST_P(AuditLogTest, IntactLogVerifies) {
  Append(5);
  auto verification = VerifyAuditLog(database());
  ASSERT_TRUE(verification);
  EXPECT_FALSE(verification->first_break);
  EXPECT_EQ(verification->entries, 5);
  EXPECT_EQ(verification->head_seq, 5);
}

TEST_P(AuditLogTest, RolledBackEntriesLeaveNoTrace) {
  Append(2);
  Append(3, false);
  auto verification = VerifyAuditLog(database());
  ASSERT_TRUE(verification);
  EXPECT_FALSE(verification->first_break);
  EXPECT_EQ(verification->entries, 2);
}

TEST_P(AuditLogTest, TriggersRefuseUpdateAndDelete) {
  Append(1);
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  EXPECT_FALSE((*session)->Execute("UPDATE audit_log SET actor = 'eve'"));
  EXPECT_FALSE((*session)->Execute("DELETE FROM audit_log"));
}

TEST_P(AuditLogTest, EditedEntryIsNamed) {
  Append(5);
  Tamper("UPDATE audit_log SET after_json = '{\"active\":true}' WHERE seq = 3;");
  const auto broken = ExpectBroken();
  EXPECT_EQ(broken.seq, 3);
  EXPECT_EQ(broken.code, "audit.hash_mismatch");
}

TEST_P(AuditLogTest, DeletedEntryIsNamed) {
  Append(5);
  Tamper("DELETE FROM audit_log WHERE seq = 2;");
  const auto broken = ExpectBroken();
  EXPECT_EQ(broken.seq, 3);
  EXPECT_EQ(broken.code, "audit.sequence_gap");
}

TEST_P(AuditLogTest, DeletedTailIsNamed) {
  Append(5);
  Tamper("DELETE FROM audit_log WHERE seq = 5;");
  const auto broken = ExpectBroken();
  EXPECT_EQ(broken.seq, 5);
  EXPECT_EQ(broken.code, "audit.head_mismatch");
}

TEST_P(AuditLogTest, ReorderedEntriesAreNamed) {
  Append(5);
  Tamper("UPDATE audit_log SET seq = 1002 WHERE seq = 2;"
         "UPDATE audit_log SET seq = 2 WHERE seq = 3;"
         "UPDATE audit_log SET seq = 3 WHERE seq = 1002;");
  const auto broken = ExpectBroken();
  EXPECT_EQ(broken.seq, 2);
  EXPECT_EQ(broken.code, "audit.prev_hash_mismatch");
}

TEST_P(AuditLogTest, ConcurrentAppendsKeepTheChain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this] {
      auto second = OpenAgain();
      for (int i = 0; i < 10; ++i) {
        auto session = second->Acquire();
        if (!session) continue;
        auto transaction = store::Transaction::Begin(**session);
        if (!transaction) continue;
        if (AppendAudit(**session, CliActor(), AuditEvent{"test.append", "success", "", "",
                                                          std::nullopt, std::nullopt})) {
          (void)transaction->Commit();
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  auto verification = VerifyAuditLog(database());
  ASSERT_TRUE(verification);
  EXPECT_FALSE(verification->first_break);
  EXPECT_EQ(verification->entries, 40);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(AuditLogTest);

}  // namespace
}  // namespace ansinh::app
