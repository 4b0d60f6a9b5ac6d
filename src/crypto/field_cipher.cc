#include "crypto/field_cipher.h"

#include <optional>
#include <stdexcept>

#include <sodium.h>

#include "crypto/base64url.h"

namespace ansinh::crypto {
namespace {

constexpr std::string_view kVersion = "v1:";
constexpr std::size_t kKeyIdChars = 16;
constexpr std::size_t kPrefixChars = 3 + kKeyIdChars + 1;  // "v1:" id ":"
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kIndexBytes = 16;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "ansinhpi";
constexpr std::uint64_t kSealSubkey = 1;
constexpr std::uint64_t kIndexSubkey = 2;

bool IsLowerHex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

const unsigned char* Bytes(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

tl::unexpected<Error> Corrupt() {
  return Fail(ErrorKind::kInternal, "key.corrupt",
              "Dữ liệu cá nhân được mã hoá đã bị thay đổi hoặc không thuộc về trường này.");
}

}  // namespace

KeyRing::KeyRing(const KeyRingKeys& keys) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  auto add = [this](const ServerKey& key) {
    DerivedKey derived;
    derived.id = key.id;
    crypto_kdf_derive_from_key(derived.seal.data(), derived.seal.size(), kSealSubkey, kKdfContext,
                               key.bytes.data());
    crypto_kdf_derive_from_key(derived.index.data(), derived.index.size(), kIndexSubkey,
                               kKdfContext, key.bytes.data());
    keys_.push_back(std::move(derived));
  };
  add(keys.current);
  for (const ServerKey& key : keys.retired) add(key);
}

KeyRing::~KeyRing() {
  for (DerivedKey& key : keys_) {
    sodium_memzero(key.seal.data(), key.seal.size());
    sodium_memzero(key.index.data(), key.index.size());
  }
}

const KeyRing::DerivedKey* KeyRing::Find(std::string_view id) const {
  for (const DerivedKey& key : keys_) {
    if (key.id == id) return &key;
  }
  return nullptr;
}

bool KeyRing::IsSealed(std::string_view stored) {
  return stored.size() > kPrefixChars && stored.starts_with(kVersion) &&
         stored[kPrefixChars - 1] == ':' && IsLowerHex(stored.substr(3, kKeyIdChars));
}

bool KeyRing::IsCurrent(std::string_view stored) const {
  return stored.empty() || (IsSealed(stored) && stored.substr(3, kKeyIdChars) == current_id());
}

std::string KeyRing::Seal(std::string_view plain, std::string_view column) const {
  if (plain.empty()) return {};
  const DerivedKey& key = keys_.front();
  std::vector<unsigned char> sealed(kNonceBytes + plain.size() + kTagBytes);
  randombytes_buf(sealed.data(), kNonceBytes);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data() + kNonceBytes, &length, Bytes(plain),
                                             plain.size(), Bytes(column), column.size(), nullptr,
                                             sealed.data(), key.seal.data());
  return std::string(kVersion) + key.id + ":" + Base64Url(sealed.data(), sealed.size());
}

Result<std::string> KeyRing::Open(std::string_view stored, std::string_view column) const {
  if (!IsSealed(stored)) return std::string(stored);
  const DerivedKey* key = Find(stored.substr(3, kKeyIdChars));
  if (key == nullptr) {
    return Fail(ErrorKind::kInternal, "key.unknown",
                "Dữ liệu cá nhân được mã hoá bằng một khoá không có trong bộ khoá máy chủ; "
                "kiểm tra tệp khoá đang dùng (biến môi trường ANSINH_KEY_FILE, mặc định "
                "var/ansinh.key tính từ thư mục chạy lệnh).");
  }
  const auto bytes = FromBase64Url(stored.substr(kPrefixChars));
  if (!bytes || bytes->size() < kNonceBytes + kTagBytes) return Corrupt();
  std::string plain(bytes->size() - kNonceBytes - kTagBytes, '\0');
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &length, nullptr,
          bytes->data() + kNonceBytes, bytes->size() - kNonceBytes, Bytes(column), column.size(),
          bytes->data(), key->seal.data()) != 0) {
    return Corrupt();
  }
  return plain;
}

std::string KeyRing::Normalise(std::string_view plain) {
  std::string normalised;
  normalised.reserve(plain.size());
  for (char c : plain) {
    if (c == ' ' || c == '\t' || c == '.' || c == '-') continue;
    normalised.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return normalised;
}

std::string KeyRing::IndexUnder(const DerivedKey& key, std::string_view normalised) {
  std::array<unsigned char, kIndexBytes> digest{};
  crypto_generichash(digest.data(), digest.size(), Bytes(normalised), normalised.size(),
                     key.index.data(), key.index.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

std::string KeyRing::BlindIndex(std::string_view plain) const {
  const std::string normalised = Normalise(plain);
  if (normalised.empty()) return {};
  return IndexUnder(keys_.front(), normalised);
}

std::vector<std::string> KeyRing::LookupIndexes(std::string_view plain) const {
  const std::string normalised = Normalise(plain);
  std::vector<std::string> indexes;
  if (normalised.empty()) return indexes;
  for (const DerivedKey& key : keys_) indexes.push_back(IndexUnder(key, normalised));
  return indexes;
}

}  // namespace ansinh::crypto
