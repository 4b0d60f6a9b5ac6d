#include "crypto/key_ring_source.h"

#include <map>

namespace ansinh::crypto {

std::shared_ptr<const KeyRing> KeyRingSource::LoadLocked() {
  auto keys = LoadKeyRingKeys(key_file_, true);
  if (!keys) throw KeyFileError(std::move(keys.error()));
  ring_ = std::make_shared<const KeyRing>(*keys);
  return ring_;
}

std::shared_ptr<const KeyRing> KeyRingSource::Get() {
  std::lock_guard lock(mutex_);
  if (ring_) return ring_;
  return LoadLocked();
}

std::shared_ptr<const KeyRing> KeyRingSource::Reload() {
  std::lock_guard lock(mutex_);
  return LoadLocked();
}

// One source per path ever named by ANSINH_KEY_FILE in this process (a server
// has one; test processes switch between a few), kept for the process's life.
KeyRingSource& DefaultKeyRingSource() {
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::unique_ptr<KeyRingSource>> sources;
  const std::filesystem::path path = ServerKeyPath();
  std::lock_guard lock(mutex);
  auto& source = sources[path];
  if (!source) source = std::make_unique<KeyRingSource>(path);
  return *source;
}

}  // namespace ansinh::crypto
