// Canonical form and link checks of the audit hash chain.
#include "core/audit_chain.h"

#include <gtest/gtest.h>

#include <vector>

namespace ansinh::core {
namespace {

AuditEntry Entry(std::int64_t seq, const std::string& prev_hash) {
  AuditEntry entry;
  entry.seq = seq;
  entry.occurred_at = "2025-07-01T08:00:00Z";
  entry.actor_user_id = 3;
  entry.actor = "xa01";
  entry.action = "beneficiary.update";
  entry.outcome = "success";
  entry.object_type = "beneficiary";
  entry.object_id = "B" + std::to_string(seq);
  entry.source_address = "10.0.0.1";
  entry.request_id = "r" + std::to_string(seq);
  entry.before_json = R"({"phone":"old"})";
  entry.after_json = R"({"phone":"new"})";
  entry.prev_hash = prev_hash;
  entry.entry_hash = AuditEntryHash(entry);
  return entry;
}

std::vector<AuditEntry> Chain(int length) {
  std::vector<AuditEntry> chain;
  for (int i = 1; i <= length; ++i) {
    chain.push_back(Entry(i, chain.empty() ? std::string(kAuditGenesisHash) : chain.back().entry_hash));
  }
  return chain;
}

TEST(AuditChainTest, HashIsStableHexBlake2b256) {
  const AuditEntry entry = Entry(1, std::string(kAuditGenesisHash));
  EXPECT_EQ(entry.entry_hash.size(), 64u);
  EXPECT_EQ(AuditEntryHash(entry), entry.entry_hash);
  EXPECT_EQ(entry.entry_hash.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(AuditChainTest, AbsentDiffersFromEmptyAndFieldsDoNotRun) {
  AuditEntry a = Entry(1, std::string(kAuditGenesisHash));
  AuditEntry b = a;
  b.before_json = "";
  a.before_json.reset();
  EXPECT_NE(CanonicalAuditEntry(a), CanonicalAuditEntry(b));
  AuditEntry c = a;
  AuditEntry d = a;
  c.object_type = "ab";
  c.object_id = "c";
  d.object_type = "a";
  d.object_id = "bc";
  EXPECT_NE(AuditEntryHash(c), AuditEntryHash(d));
}

TEST(AuditChainTest, EveryFieldIsCovered) {
  const AuditEntry base = Entry(1, std::string(kAuditGenesisHash));
  std::vector<AuditEntry> variants(11, base);
  variants[0].occurred_at = "2025-07-01T08:00:01Z";
  variants[1].actor_user_id = 4;
  variants[2].actor = "xa02";
  variants[3].action = "beneficiary.delete";
  variants[4].outcome = "failure";
  variants[5].object_type = "user";
  variants[6].object_id = "B9";
  variants[7].source_address = "10.0.0.2";
  variants[8].request_id = "other";
  variants[9].after_json = R"({"phone":"x"})";
  variants[10].prev_hash = std::string(64, '1');
  for (const auto& variant : variants) EXPECT_NE(AuditEntryHash(variant), base.entry_hash);
}

TEST(AuditChainTest, IntactChainPasses) {
  const auto chain = Chain(4);
  const AuditEntry* previous = nullptr;
  for (const auto& entry : chain) {
    EXPECT_FALSE(CheckAuditLink(previous, entry));
    previous = &entry;
  }
}

TEST(AuditChainTest, EditDeleteAndReorderAreNamed) {
  auto chain = Chain(4);
  auto edited = chain[2];
  edited.actor = "eve";
  auto broken = CheckAuditLink(&chain[1], edited);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->seq, 3);
  EXPECT_EQ(broken->code, "audit.hash_mismatch");
  EXPECT_NE(broken->message.find("#3"), std::string::npos);

  broken = CheckAuditLink(&chain[0], chain[2]);  // entry 2 deleted
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->code, "audit.sequence_gap");

  auto swapped = chain[2];  // entry 3's content moved to seq 2
  swapped.seq = 2;
  broken = CheckAuditLink(&chain[0], swapped);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->code, "audit.prev_hash_mismatch");
}

}  // namespace
}  // namespace ansinh::core
