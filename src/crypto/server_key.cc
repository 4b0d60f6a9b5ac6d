#include "crypto/server_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <sodium.h>

namespace ansinh::crypto {
namespace {

constexpr const char* kDefaultKeyFile = "var/ansinh.key";
constexpr std::string_view kRetiredInfix = ".retired-";
constexpr std::size_t kKeyIdBytes = 8;

void EnsureSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string text(size * 2 + 1, '\0');
  sodium_bin2hex(text.data(), text.size(), bytes, size);
  text.pop_back();
  return text;
}

tl::unexpected<Error> KeyError(std::string code, std::string message) {
  return Fail(ErrorKind::kUnavailable, std::move(code), std::move(message));
}

std::string KeyId(const std::array<unsigned char, 32>& key) {
  std::array<unsigned char, kKeyIdBytes> digest{};
  crypto_generichash(digest.data(), digest.size(), key.data(), key.size(), nullptr, 0);
  return Hex(digest.data(), digest.size());
}

// Writes `bytes` as hex with O_EXCL and mode 0600. EEXIST is reported as such
// so callers can tell "someone else wrote it" from a failure.
int WriteKeyFile(const std::filesystem::path& path, const std::array<unsigned char, 32>& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return errno;
  const std::string text = Hex(bytes.data(), bytes.size()) + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool synced = ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  return written && synced && closed ? 0 : EIO;
}

tl::unexpected<Error> CannotWrite(const std::filesystem::path& path) {
  return KeyError("key.unreadable", "Không ghi được tệp khoá máy chủ " + path.string() + ".");
}

// A new random key with O_EXCL, so two servers starting at once cannot both
// write one (the loser reads the winner's).
Status CreateKeyFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  std::array<unsigned char, 32> key{};
  randombytes_buf(key.data(), key.size());
  const int error = WriteKeyFile(path, key);
  sodium_memzero(key.data(), key.size());
  if (error == 0 || error == EEXIST) return {};
  return CannotWrite(path);
}

}  // namespace

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
  sodium_memzero(hex.data(), hex.size());
  key.id = KeyId(key.bytes);
  return key;
}

std::filesystem::path RetiredKeyPath(const std::filesystem::path& path, const std::string& key_id) {
  return path.string() + std::string(kRetiredInfix) + key_id;
}

Result<KeyRingKeys> LoadKeyRingKeys(const std::filesystem::path& path, bool create_if_missing) {
  auto current = LoadServerKey(path, create_if_missing);
  if (!current) return Fail(std::move(current.error()));
  KeyRingKeys ring{std::move(*current), {}};
  const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
  const std::string prefix = path.filename().string() + std::string(kRetiredInfix);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (!entry.path().filename().string().starts_with(prefix)) continue;
    auto retired = LoadServerKey(entry.path(), false);
    if (!retired) return Fail(std::move(retired.error()));
    if (retired->id != ring.current.id) ring.retired.push_back(std::move(*retired));
  }
  return ring;
}

Result<ServerKey> ReplaceServerKey(const std::filesystem::path& path, const ServerKey& current) {
  EnsureSodium();
  const std::filesystem::path retired = RetiredKeyPath(path, current.id);
  if (const int error = WriteKeyFile(retired, current.bytes); error != 0 && error != EEXIST) {
    return CannotWrite(retired);
  }
  ServerKey fresh;
  randombytes_buf(fresh.bytes.data(), fresh.bytes.size());
  fresh.id = KeyId(fresh.bytes);
  const std::filesystem::path temporary = path.string() + ".new";
  std::error_code ec;
  std::filesystem::remove(temporary, ec);
  if (WriteKeyFile(temporary, fresh.bytes) != 0) return CannotWrite(temporary);
  std::filesystem::rename(temporary, path, ec);
  if (ec) return CannotWrite(path);
  return fresh;
}

}  // namespace ansinh::crypto
