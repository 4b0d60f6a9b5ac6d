// The server's secret key and the key ring that keeps retired keys readable.
//
// The key lives in a file outside the database (ANSINH_KEY_FILE, default
// var/ansinh.key: 64 hex characters, mode 0600), so a copy of the database
// alone reveals no sealed value. `ansinh keys rotate` writes a new key there
// and keeps each retired key beside it as "<key file>.retired-<key id>"
// (also 0600): backups taken before the rotation stay readable. Deleting a
// retired key once no backup needs it is the operator's decision.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"

namespace ansinh::crypto {

struct ServerKey {
  std::array<unsigned char, 32> bytes{};
  std::string id;  // 16 hex characters of BLAKE2b(key): names the key in sealed values
};

// ANSINH_KEY_FILE, else "var/ansinh.key" relative to the working directory.
std::filesystem::path ServerKeyPath();

// Reads the key; when the file does not exist and create_if_missing, writes a
// new random key there (mode 0600, parent directories created). Errors:
// kUnavailable "key.unreadable", "key.permissions" (readable by others),
// "key.malformed".
Result<ServerKey> LoadServerKey(const std::filesystem::path& path, bool create_if_missing);

// The current key first, then every retired key found beside it.
struct KeyRingKeys {
  ServerKey current;
  std::vector<ServerKey> retired;
};

// Errors: as LoadServerKey, for the current key or any retired one.
Result<KeyRingKeys> LoadKeyRingKeys(const std::filesystem::path& path, bool create_if_missing);

// Where a retired key is kept.
std::filesystem::path RetiredKeyPath(const std::filesystem::path& path, const std::string& key_id);

// Keeps `current` readable as a retired key, then replaces the key file with a
// fresh random key (written to a temporary file and renamed, so a crash leaves
// either the old or the new key, never half of one). Returns the new key.
// Errors: kUnavailable "key.unreadable" when a file cannot be written.
Result<ServerKey> ReplaceServerKey(const std::filesystem::path& path, const ServerKey& current);

}  // namespace ansinh::crypto
