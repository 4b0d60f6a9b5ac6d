// Personal data at rest on both stores: the sealed columns hold no clear text
// (nor does the SQLite file), searches by citizen ID go through the blind
// index, `keys rotate` re-encrypts everything and can be interrupted and run
// again, and clear text left by older databases is sealed by init.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "app/audit_log.h"
#include "app/import_service.h"
#include "app/key_rotation.h"
#include "app/registry_service.h"
#include "crypto/server_key.h"
#include "integration/registry_test_fixture.h"
#include "store/beneficiary_store.h"
#include "store/sensitive_reseal.h"

namespace ansinh::app {
namespace {

constexpr const char* kCitizenId = "001050123456";
constexpr const char* kPhone = "0912345678";
constexpr const char* kAccount = "0123456789";
constexpr const char* kRepresentativeId = "001080123456";

std::string TwoPeople() {
  return testing_support::ImportCsv(
      {{},
       {{"ma_doi_tuong", "BT002"}, {"ho_ten", "Trần Thị Bình"}, {"gioi_tinh", "Nữ"},
        {"so_dinh_danh", "001150123456"}, {"hinh_thuc", "TAI_KHOAN"}, {"nguoi_nhan", "UY_QUYEN"},
        {"nguoi_nhan_ho_ten", "Trần Văn Cường"}, {"nguoi_nhan_so_dinh_danh", kRepresentativeId},
        {"nguoi_nhan_quan_he", "Con"}, {"ma_ngan_hang", "970436"}, {"so_tai_khoan", kAccount},
        {"ten_chu_tai_khoan", "TRAN VAN CUONG"}}});
}

// Works on a handle of its own with a key file of its own, so rotating it
// leaves the other tests' key alone.
class PiiAtRestTest : public testing_support::RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    store::DatabaseOptions options;
    options.key_file = keys_.path() / "ansinh.key";
    auto url = store::ParseDatabaseUrl(this->url());
    ASSERT_TRUE(url);
    auto opened = store::OpenDatabase(*url, options);
    ASSERT_TRUE(opened) << opened.error().message;
    keyed_ = std::move(*opened);
    auto lease = keyed_->Acquire();
    ASSERT_TRUE(lease) << lease.error().message;
    keyed_lease_ = std::make_unique<store::SessionLease>(std::move(*lease));
    auto report = ImportBeneficiaryBytes(keyed(), codes(), "seed.csv", TwoPeople(), {},
                                         By("cli:seed"));
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_TRUE(report->committed);
  }
  void TearDown() override {
    keyed_lease_.reset();
    keyed_.reset();
    RegistryTest::TearDown();
  }

  store::SqlSession& keyed() { return **keyed_lease_; }
  std::filesystem::path key_file() const { return keys_.path() / "ansinh.key"; }

  std::string Raw(const std::string& sql) {
    auto rows = keyed().Query(sql);
    EXPECT_TRUE(rows) << rows.error().message;
    return rows && !rows->empty() && !rows->IsNull(0, 0) ? rows->Text(0, 0) : "";
  }
  std::string RawCitizenId() { return Raw("SELECT citizen_id FROM beneficiaries WHERE code = 'BT001'"); }

  std::int64_t FoundByCitizenId(const std::string& citizen_id) {
    store::BeneficiaryQuery query;
    query.citizen_id = citizen_id;
    auto page = store::MakeBeneficiaryStore(keyed())->Search(query);
    EXPECT_TRUE(page) << page.error().message;
    return page ? page->total : -1;
  }

  std::string ReadCitizenId(const std::string& code) {
    auto found = store::MakeBeneficiaryStore(keyed())->FindByCode(code);
    EXPECT_TRUE(found && *found);
    return found && *found ? (*found)->person.citizen_id.raw : "";
  }

  std::int64_t Stale() {
    auto ring = keyed().field_keys().Reload();
    auto stale = store::CountStaleRows(keyed(), *ring);
    EXPECT_TRUE(stale) << stale.error().message;
    return stale.value_or(-1);
  }

  testing_support::TempDir keys_;
  std::unique_ptr<store::Database> keyed_;
  std::unique_ptr<store::SessionLease> keyed_lease_;
};

TEST_P(PiiAtRestTest, StoredColumnsHoldSealedTextNotTheValues) {
  const std::string key_id = crypto::LoadServerKey(key_file(), false).value().id;
  const std::string sealed = RawCitizenId();
  EXPECT_TRUE(sealed.starts_with("v1:" + key_id + ":")) << sealed;
  EXPECT_EQ(sealed.find(kCitizenId), std::string::npos);
  EXPECT_EQ(Raw("SELECT phone FROM beneficiaries WHERE code = 'BT001'").find(kPhone),
            std::string::npos);
  EXPECT_EQ(Raw("SELECT citizen_id_index FROM beneficiaries WHERE code = 'BT001'").size(), 32u);
  const std::string account = Raw("SELECT account_number FROM payment_methods p JOIN "
                                  "beneficiaries b ON b.id = p.beneficiary_id WHERE b.code = 'BT002'");
  EXPECT_TRUE(account.starts_with("v1:")) << account;
  EXPECT_EQ(Raw("SELECT citizen_id FROM representatives").find(kRepresentativeId),
            std::string::npos);
  const std::string history = Raw("SELECT after_json FROM beneficiary_history ORDER BY id");
  EXPECT_TRUE(history.starts_with("v1:"));
  EXPECT_EQ(ReadCitizenId("BT001"), kCitizenId);
  auto registry = RegistryService(keyed(), codes());
  auto person = registry.Show("BT002");
  ASSERT_TRUE(person) << person.error().message;
  ASSERT_TRUE(person->payment_method);
  EXPECT_EQ(person->payment_method->method.account->account_raw, kAccount);
  ASSERT_TRUE(person->representative);
  EXPECT_EQ(person->representative->citizen_id.raw, kRepresentativeId);
}

TEST_P(PiiAtRestTest, SqliteFileHoldsNoClearCitizenIdPhoneOrAccount) {
  if (dialect() != store::Dialect::kSqlite) GTEST_SKIP() << "a file only on SQLite";
  const std::string path = url().substr(std::string("sqlite:").size());
  std::string bytes;
  for (const std::string& file : {path, path + "-wal"}) {
    std::ifstream in(file, std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_GT(bytes.size(), 0u);
  for (const char* secret : {kCitizenId, kPhone, kAccount, kRepresentativeId}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << " found in the database file";
  }
}

TEST_P(PiiAtRestTest, SearchByCitizenIdGoesThroughTheBlindIndex) {
  EXPECT_EQ(FoundByCitizenId(kCitizenId), 1);
  EXPECT_EQ(FoundByCitizenId("001 050 123-456"), 1);
  EXPECT_EQ(FoundByCitizenId("001050123457"), 0);
  EXPECT_EQ(FoundByCitizenId(""), 0);
}

TEST_P(PiiAtRestTest, RotationReencryptsEverythingAndEverythingStillReads) {
  const std::string before = RawCitizenId();
  const std::string index_before = Raw("SELECT citizen_id_index FROM beneficiaries WHERE code = 'BT001'");
  auto rotated = RotateKeys(*keyed_, CliActor());
  ASSERT_TRUE(rotated) << rotated.error().message;
  EXPECT_FALSE(rotated->resumed);
  EXPECT_NE(rotated->key_id, rotated->previous_key_id);
  EXPECT_GT(rotated->rows_resealed, 0);
  const std::string after = RawCitizenId();
  EXPECT_NE(after, before);
  EXPECT_TRUE(after.starts_with("v1:" + rotated->key_id + ":"));
  EXPECT_NE(Raw("SELECT citizen_id_index FROM beneficiaries WHERE code = 'BT001'"), index_before);
  EXPECT_EQ(Stale(), 0);
  EXPECT_EQ(crypto::LoadServerKey(key_file(), false).value().id, rotated->key_id);
  EXPECT_TRUE(std::filesystem::exists(crypto::RetiredKeyPath(key_file(), rotated->previous_key_id)));
  EXPECT_EQ(ReadCitizenId("BT001"), kCitizenId);
  EXPECT_EQ(FoundByCitizenId(kCitizenId), 1);
  auto history = RegistryService(keyed(), codes()).History("BT002");
  ASSERT_TRUE(history) << history.error().message;
  EXPECT_NE(history->front().after_json.find(kAccount), std::string::npos);
  EXPECT_EQ(Raw("SELECT action FROM audit_log WHERE action = 'keys.rotate'"), "keys.rotate");
  auto verified = VerifyAuditLog(*keyed_);
  ASSERT_TRUE(verified);
  EXPECT_FALSE(verified->first_break);
}

TEST_P(PiiAtRestTest, InterruptedRotationIsFinishedByTheNextRun) {
  // A rotation that died after the key was replaced and one table resealed.
  const auto old_key = crypto::LoadServerKey(key_file(), false).value();
  const auto new_key = crypto::ReplaceServerKey(key_file(), old_key).value();
  auto ring = keyed().field_keys().Reload();
  const auto& beneficiaries = store::SealedTables().front();
  ASSERT_TRUE(store::ResealTable(keyed(), *ring, beneficiaries, 1, 1));
  EXPECT_GT(Stale(), 0);
  // Mixed keys: everything still reads and is still found.
  EXPECT_EQ(ReadCitizenId("BT001"), kCitizenId);
  EXPECT_EQ(ReadCitizenId("BT002"), "001150123456");
  EXPECT_EQ(FoundByCitizenId(kCitizenId), 1);
  EXPECT_EQ(FoundByCitizenId("001150123456"), 1);

  auto finished = RotateKeys(*keyed_, CliActor());
  ASSERT_TRUE(finished) << finished.error().message;
  EXPECT_TRUE(finished->resumed);
  EXPECT_EQ(finished->key_id, new_key.id);
  EXPECT_EQ(Stale(), 0);
  EXPECT_EQ(FoundByCitizenId("001150123456"), 1);

  auto again = RotateKeys(*keyed_, CliActor());
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->resumed);
  EXPECT_NE(again->key_id, new_key.id);
}

TEST_P(PiiAtRestTest, ClearTextFromBeforeEncryptionIsSealedByInit) {
  ASSERT_TRUE(keyed().Execute("UPDATE beneficiaries SET citizen_id = '001050123456', "
                              "citizen_id_index = NULL WHERE code = 'BT001'"));
  EXPECT_EQ(ReadCitizenId("BT001"), kCitizenId);  // clear text still reads
  EXPECT_EQ(FoundByCitizenId(kCitizenId), 0);     // but has no index yet
  auto sealed = SealPendingValues(*keyed_);
  ASSERT_TRUE(sealed) << sealed.error().message;
  EXPECT_EQ(sealed->rows_resealed, 1);
  EXPECT_TRUE(RawCitizenId().starts_with("v1:"));
  EXPECT_EQ(FoundByCitizenId(kCitizenId), 1);
  EXPECT_EQ(Stale(), 0);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(PiiAtRestTest);

}  // namespace
}  // namespace ansinh::app
