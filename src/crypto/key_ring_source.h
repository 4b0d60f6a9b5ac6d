// Where the store gets the key ring: loaded from the key file on first use
// (created then if missing, like the TOTP key), reloaded when a stored value
// names a key the loaded ring does not have (another process rotated).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "crypto/field_cipher.h"

namespace ansinh::crypto {

// Thread safety: every method may be called from several threads at once.
class KeyRingSource {
 public:
  explicit KeyRingSource(std::filesystem::path key_file) : key_file_(std::move(key_file)) {}

  // The ring, loaded on first call. Throws KeyFileError when the key file
  // cannot be read: without its key the operation cannot proceed at all.
  std::shared_ptr<const KeyRing> Get();
  // Reads the key files again (after a rotation) and returns the new ring.
  std::shared_ptr<const KeyRing> Reload();

  const std::filesystem::path& key_file() const { return key_file_; }

 private:
  std::shared_ptr<const KeyRing> LoadLocked();

  const std::filesystem::path key_file_;
  std::mutex mutex_;
  std::shared_ptr<const KeyRing> ring_;
};

// Thrown by KeyRingSource; what() is the Vietnamese message of the error.
class KeyFileError : public std::runtime_error {
 public:
  explicit KeyFileError(Error error)
      : std::runtime_error(error.message), error_(std::move(error)) {}
  const Error& error() const { return error_; }

 private:
  Error error_;
};

// The process-wide source for ServerKeyPath() (ANSINH_KEY_FILE as it is at
// each use): used by sessions opened without a key file of their own.
KeyRingSource& DefaultKeyRingSource();

}  // namespace ansinh::crypto
