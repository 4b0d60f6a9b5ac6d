#include "app/auth_secrets.h"

#include <array>
#include <optional>
#include <semaphore>
#include <stdexcept>

#include <sodium.h>

#include "crypto/base64url.h"

namespace ansinh::app {
namespace {

constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;  // 2 passes
constexpr std::size_t kMemLimit_bytes = 64u * 1024u * 1024u;
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kOneTimePasswordLength = 20;
constexpr std::string_view kPasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

std::counting_semaphore<kMaxConcurrentHashes>& HashSlots() {
  static std::counting_semaphore<kMaxConcurrentHashes> slots(kMaxConcurrentHashes);
  return slots;
}

// Holds one hashing slot for its lifetime.
class HashSlot {
 public:
  HashSlot() : acquired_(HashSlots().try_acquire_for(kHashSlotWait_s)) {}
  ~HashSlot() {
    if (acquired_) HashSlots().release();
  }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
  bool acquired() const { return acquired_; }

 private:
  bool acquired_;
};

void EnsureSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

tl::unexpected<Error> Busy() {
  return Fail(ErrorKind::kUnavailable, "auth.busy",
              "Hệ thống đang bận xử lý đăng nhập; vui lòng thử lại sau ít phút.");
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string text(size * 2 + 1, '\0');
  sodium_bin2hex(text.data(), text.size(), bytes, size);
  text.pop_back();
  return text;
}

constexpr std::string_view kSealVersion = "v1";
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

tl::unexpected<Error> Corrupt() {
  return Fail(ErrorKind::kInternal, "key.corrupt",
              "Dữ liệu được niêm phong đã bị thay đổi hoặc không thuộc về bản ghi này.");
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  HashSlot slot;
  if (!slot.acquired()) return Busy();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(), kOpsLimit,
                        kMemLimit_bytes) != 0) {
    return Fail(ErrorKind::kInternal, "auth.hash_failed",
                "Không tính được mã băm mật khẩu (thiếu bộ nhớ).");
  }
  return std::string(out.data());
}

Result<bool> VerifyPassword(std::string_view stored_hash, std::string_view password) {
  EnsureSodium();
  if (stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::array<char, crypto_pwhash_STRBYTES> stored{};
  stored_hash.copy(stored.data(), stored_hash.size());
  HashSlot slot;
  if (!slot.acquired()) return Busy();
  return crypto_pwhash_str_verify(stored.data(), password.data(), password.size()) == 0;
}

void VerifyAgainstDummy(std::string_view password) {
  static const std::string dummy = HashPassword("ansinh-dummy-password-for-timing").value_or("");
  (void)VerifyPassword(dummy, password);
}

std::string RandomToken() {
  EnsureSodium();
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return Hex(bytes.data(), bytes.size());
}

std::string HashToken(std::string_view token) {
  EnsureSodium();
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  return Hex(digest.data(), digest.size());
}

std::string GenerateOneTimePassword() {
  EnsureSodium();
  std::string password;
  for (std::size_t i = 0; i < kOneTimePasswordLength; ++i) {
    const auto index = randombytes_uniform(static_cast<std::uint32_t>(kPasswordAlphabet.size()));
    password.push_back(kPasswordAlphabet[index]);
  }
  return password;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void FillRandom(std::span<std::uint8_t> bytes) {
  EnsureSodium();
  randombytes_buf(bytes.data(), bytes.size());
}

void WipeBytes(std::span<std::uint8_t> bytes) { sodium_memzero(bytes.data(), bytes.size()); }

std::string RandomBase64Url(std::size_t bytes) {
  EnsureSodium();
  std::vector<unsigned char> random(bytes);
  randombytes_buf(random.data(), random.size());
  return crypto::Base64Url(random.data(), random.size());
}

std::string SealSecret(const ServerKey& key, std::span<const std::uint8_t> plain,
                       std::string_view context) {
  EnsureSodium();
  std::vector<unsigned char> sealed(kNonceBytes + plain.size() + kTagBytes);
  randombytes_buf(sealed.data(), kNonceBytes);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      sealed.data() + kNonceBytes, &length, plain.data(), plain.size(),
      reinterpret_cast<const unsigned char*>(context.data()), context.size(), nullptr,
      sealed.data(), key.bytes.data());
  return std::string(kSealVersion) + ":" + key.id + ":" + crypto::Base64Url(sealed.data(), sealed.size());
}

Result<std::vector<std::uint8_t>> OpenSecret(const ServerKey& key, std::string_view sealed,
                                             std::string_view context) {
  EnsureSodium();
  const std::string prefix = std::string(kSealVersion) + ":" + key.id + ":";
  if (!sealed.starts_with(prefix)) {
    return Fail(ErrorKind::kInternal, "key.mismatch",
                "Dữ liệu được niêm phong bằng một khoá máy chủ khác với khoá đang dùng.");
  }
  const auto bytes = crypto::FromBase64Url(sealed.substr(prefix.size()));
  if (!bytes || bytes->size() < kNonceBytes + kTagBytes) return Corrupt();
  std::vector<std::uint8_t> plain(bytes->size() - kNonceBytes - kTagBytes);
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          plain.data(), &length, nullptr, bytes->data() + kNonceBytes, bytes->size() - kNonceBytes,
          reinterpret_cast<const unsigned char*>(context.data()), context.size(), bytes->data(),
          key.bytes.data()) != 0) {
    return Corrupt();
  }
  return plain;
}

}  // namespace ansinh::app
