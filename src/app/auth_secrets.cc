#include "app/auth_secrets.h"

#include <array>
#include <semaphore>
#include <stdexcept>

#include <sodium.h>

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

}  // namespace ansinh::app
