// Sealing of personal data at rest and the blind index (crypto/field_cipher.h),
// and the key files a rotation writes (crypto/server_key.h).
#include "crypto/field_cipher.h"

#include <sys/stat.h>

#include <filesystem>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace ansinh::crypto {
namespace {

constexpr std::string_view kColumn = "beneficiaries.citizen_id";
constexpr std::string_view kCitizenId = "001085001234";

ServerKey KeyFromSeed(unsigned char seed, std::string id) {
  ServerKey key;
  for (std::size_t i = 0; i < key.bytes.size(); ++i) {
    key.bytes[i] = static_cast<unsigned char>(seed + i);
  }
  key.id = std::move(id);
  return key;
}

KeyRingKeys OneKey(unsigned char seed, std::string id) { return {KeyFromSeed(seed, std::move(id)), {}}; }

TEST(FieldCipherTest, SealedValueOpensToThePlainValue) {
  const KeyRing ring(OneKey(1, "00000000000000aa"));
  const std::string sealed = ring.Seal(kCitizenId, kColumn);
  EXPECT_TRUE(sealed.starts_with("v1:00000000000000aa:"));
  EXPECT_EQ(sealed.find(kCitizenId), std::string::npos);
  EXPECT_TRUE(KeyRing::IsSealed(sealed));
  EXPECT_TRUE(ring.IsCurrent(sealed));
  EXPECT_EQ(ring.Open(sealed, kColumn).value(), kCitizenId);
}

TEST(FieldCipherTest, SealingTwiceGivesDifferentText) {
  const KeyRing ring(OneKey(1, "00000000000000aa"));
  EXPECT_NE(ring.Seal(kCitizenId, kColumn), ring.Seal(kCitizenId, kColumn));
}

TEST(FieldCipherTest, EmptyStaysEmptyAndClearTextPassesThrough) {
  const KeyRing ring(OneKey(1, "00000000000000aa"));
  EXPECT_EQ(ring.Seal("", kColumn), "");
  EXPECT_TRUE(ring.IsCurrent(""));
  EXPECT_EQ(ring.Open("001085001234", kColumn).value(), "001085001234");
  EXPECT_FALSE(ring.IsCurrent("001085001234"));
  EXPECT_FALSE(KeyRing::IsSealed("v1:not-a-key-id:abc"));
}

TEST(FieldCipherTest, AnotherKeyDoesNotOpen) {
  const KeyRing ring(OneKey(1, "00000000000000aa"));
  const KeyRing other(OneKey(2, "00000000000000bb"));
  const auto opened = other.Open(ring.Seal(kCitizenId, kColumn), kColumn);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, "key.unknown");
  // The same id with other key bytes: the tag does not verify.
  const KeyRing impostor(OneKey(3, "00000000000000aa"));
  const auto forged = impostor.Open(ring.Seal(kCitizenId, kColumn), kColumn);
  ASSERT_FALSE(forged);
  EXPECT_EQ(forged.error().code, "key.corrupt");
}

TEST(FieldCipherTest, TamperedCiphertextIsRefused) {
  const KeyRing ring(OneKey(1, "00000000000000aa"));
  std::string sealed = ring.Seal(kCitizenId, kColumn);
  char& middle = sealed[sealed.size() / 2 + 10];  // a ciphertext byte, not base64 padding bits
  middle = middle == 'A' ? 'B' : 'A';
  const auto opened = ring.Open(sealed, kColumn);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, "key.corrupt");
  EXPECT_FALSE(ring.Open("v1:00000000000000aa:short", kColumn));
}

TEST(FieldCipherTest, ValueMovedToAnotherColumnIsRefused) {
  const KeyRing ring(OneKey(1, "00000000000000aa"));
  const auto opened = ring.Open(ring.Seal(kCitizenId, kColumn), "representatives.citizen_id");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, "key.corrupt");
}

TEST(FieldCipherTest, RingOpensValuesOfRetiredKeys) {
  const KeyRing old_ring(OneKey(1, "00000000000000aa"));
  const KeyRing ring(KeyRingKeys{KeyFromSeed(2, "00000000000000bb"),
                                 {KeyFromSeed(1, "00000000000000aa")}});
  const std::string old_sealed = old_ring.Seal(kCitizenId, kColumn);
  EXPECT_FALSE(ring.IsCurrent(old_sealed));
  EXPECT_EQ(ring.Open(old_sealed, kColumn).value(), kCitizenId);
  EXPECT_TRUE(ring.Seal(kCitizenId, kColumn).starts_with("v1:00000000000000bb:"));
}

TEST(FieldCipherTest, BlindIndexIsDeterministicNormalisedAndKeyDependent) {
  const KeyRing ring(OneKey(1, "00000000000000aa"));
  const KeyRing other(OneKey(2, "00000000000000bb"));
  const std::string index = ring.BlindIndex(kCitizenId);
  EXPECT_EQ(index.size(), 32u);
  EXPECT_EQ(index, ring.BlindIndex(kCitizenId));
  EXPECT_EQ(index, ring.BlindIndex("001 085-001.234"));
  EXPECT_NE(index, ring.BlindIndex("001085001235"));
  EXPECT_NE(index, other.BlindIndex(kCitizenId));
  EXPECT_EQ(ring.BlindIndex(" "), "");
  EXPECT_EQ(KeyRing::Normalise("ab-1 2"), "AB12");
}

TEST(FieldCipherTest, LookupIndexesCoverEveryKeyOfTheRing) {
  const KeyRing old_ring(OneKey(1, "00000000000000aa"));
  const KeyRing ring(KeyRingKeys{KeyFromSeed(2, "00000000000000bb"),
                                 {KeyFromSeed(1, "00000000000000aa")}});
  const auto indexes = ring.LookupIndexes(kCitizenId);
  ASSERT_EQ(indexes.size(), 2u);
  EXPECT_EQ(indexes[0], ring.BlindIndex(kCitizenId));
  EXPECT_EQ(indexes[1], old_ring.BlindIndex(kCitizenId));
}

// The key files of a rotation: the old key kept beside the new one, 0600.
class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ansinh_keyfile_" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(KeyFileTest, ReplacingTheKeyKeepsTheOldOneInTheRing) {
  const auto path = dir_ / "ansinh.key";
  const ServerKey first = LoadServerKey(path, true).value();
  const ServerKey second = ReplaceServerKey(path, first).value();
  EXPECT_NE(first.id, second.id);
  const KeyRingKeys keys = LoadKeyRingKeys(path, false).value();
  EXPECT_EQ(keys.current.id, second.id);
  ASSERT_EQ(keys.retired.size(), 1u);
  EXPECT_EQ(keys.retired[0].id, first.id);
  struct stat status {};
  ASSERT_EQ(::stat(RetiredKeyPath(path, first.id).c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 077, 0u);
  ASSERT_EQ(::stat(path.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 077, 0u);
}

}  // namespace
}  // namespace ansinh::crypto
