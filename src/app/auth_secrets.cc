#include "app/auth_secrets.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <optional>
#include <fstream>
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

constexpr const char* kDefaultKeyFile = "var/ansinh.key";
constexpr std::string_view kSealVersion = "v1";
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kKeyIdBytes = 8;

std::string Base64Url(const unsigned char* bytes, std::size_t size) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string text(sodium_base64_ENCODED_LEN(size, kVariant), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes, size, kVariant);
  text.resize(text.find('\0'));
  return text;
}

std::optional<std::vector<unsigned char>> FromBase64Url(std::string_view text) {
  std::vector<unsigned char> bytes(text.size());
  std::size_t length = 0;
  if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                        nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  bytes.resize(length);
  return bytes;
}

tl::unexpected<Error> KeyError(std::string code, std::string message) {
  return Fail(ErrorKind::kUnavailable, std::move(code), std::move(message));
}

tl::unexpected<Error> Corrupt() {
  return Fail(ErrorKind::kInternal, "key.corrupt",
              "Dữ liệu được niêm phong đã bị thay đổi hoặc không thuộc về bản ghi này.");
}

std::string KeyId(const std::array<unsigned char, 32>& key) {
  std::array<unsigned char, kKeyIdBytes> digest{};
  crypto_generichash(digest.data(), digest.size(), key.data(), key.size(), nullptr, 0);
  return Hex(digest.data(), digest.size());
}

// Writes a new random key with O_EXCL and mode 0600, so two servers starting
// at once cannot both write one (the loser reads the winner's).
Status CreateKeyFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return errno == EEXIST ? Status{} : Status(KeyError("key.unreadable",
                        "Không tạo được tệp khoá máy chủ " + path.string() + "."));
  std::array<unsigned char, 32> key{};
  randombytes_buf(key.data(), key.size());
  const std::string text = Hex(key.data(), key.size()) + "\n";
  sodium_memzero(key.data(), key.size());
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool closed = ::close(fd) == 0;
  if (written && closed) return {};
  return KeyError("key.unreadable", "Không ghi được tệp khoá máy chủ " + path.string() + ".");
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
  return Base64Url(random.data(), random.size());
}

std::filesystem::path ServerKeyPath() {
  if (const char* env = std::getenv("ANSINH_KEY_FILE"); env != nullptr && *env != '\0') {
    return env;
  }
  return kDefaultKeyFile;
}

Result<ServerKey> LoadServerKey(const std::filesystem::path& path, bool create_if_missing) {
  EnsureSodium();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) && create_if_missing) {
    if (auto ok = CreateKeyFile(path); !ok) return Fail(std::move(ok.error()));
  }
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    return KeyError("key.unreadable", "Không đọc được tệp khoá máy chủ " + path.string() +
                                          " (đặt biến môi trường ANSINH_KEY_FILE).");
  }
  if ((status.st_mode & 077) != 0) {
    return KeyError("key.permissions", "Tệp khoá máy chủ " + path.string() +
                                           " không được để người khác đọc (chmod 600).");
  }
  std::ifstream in(path);
  std::string hex;
  in >> hex;
  ServerKey key;
  std::size_t decoded = 0;
  if (hex.size() != key.bytes.size() * 2 ||
      sodium_hex2bin(key.bytes.data(), key.bytes.size(), hex.data(), hex.size(), nullptr, &decoded,
                     nullptr) != 0 ||
      decoded != key.bytes.size()) {
    return KeyError("key.malformed", "Tệp khoá máy chủ " + path.string() +
                                         " phải chứa đúng 64 ký tự hexa.");
  }
  key.id = KeyId(key.bytes);
  return key;
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
  return std::string(kSealVersion) + ":" + key.id + ":" + Base64Url(sealed.data(), sealed.size());
}

Result<std::vector<std::uint8_t>> OpenSecret(const ServerKey& key, std::string_view sealed,
                                             std::string_view context) {
  EnsureSodium();
  const std::string prefix = std::string(kSealVersion) + ":" + key.id + ":";
  if (!sealed.starts_with(prefix)) {
    return Fail(ErrorKind::kInternal, "key.mismatch",
                "Dữ liệu được niêm phong bằng một khoá máy chủ khác với khoá đang dùng.");
  }
  const auto bytes = FromBase64Url(sealed.substr(prefix.size()));
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
