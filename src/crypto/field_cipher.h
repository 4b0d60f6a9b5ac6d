// Personal data at rest: sealing of single fields (citizen IDs, phone numbers,
// account numbers, history snapshots) and a keyed blind index for lookups.
//
// A sealed field is "v1:<key id>:<base64url of nonce || ciphertext>",
// XChaCha20-Poly1305 with a random 24-byte nonce, the column name as
// associated data (a value moved to another column does not open). The key id
// says which key of the ring opens it, so a rotation can proceed row by row
// and be resumed. A value without that shape is clear text written before
// encryption at rest existed; Open passes it through unchanged.
//
// The blind index is BLAKE2b-128 under a key of its own of the normalised
// value, hex: equal IDs give equal indexes, so "who holds this citizen ID"
// is an indexed equality lookup, while the index alone reveals nothing without
// the key (a 12-digit ID could otherwise be brute-forced from a plain hash).
//
// Both keys are derived from a server key (crypto_kdf), separate from the key
// that seals TOTP seeds and from each other.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "crypto/server_key.h"

namespace ansinh::crypto {

// Thread safety: immutable after construction; share freely.
class KeyRing {
 public:
  // The keys of `keys`, current first.
  explicit KeyRing(const KeyRingKeys& keys);
  ~KeyRing();
  KeyRing(const KeyRing&) = delete;
  KeyRing& operator=(const KeyRing&) = delete;

  const std::string& current_id() const { return keys_.front().id; }

  // Seals under the current key. The empty string stays empty: "no value" is
  // not a secret and findings such as citizen_id.missing rely on it.
  std::string Seal(std::string_view plain, std::string_view column) const;

  // The plain value. Clear text (no sealed shape) comes back as it is.
  // Errors: kInternal "key.unknown" (sealed under a key not in the ring: the
  // key file changed, or a rotation ran in another process), "key.corrupt"
  // (altered, or moved from another column).
  Result<std::string> Open(std::string_view stored, std::string_view column) const;

  // The blind index under the current key; empty for a value that normalises
  // to nothing (store NULL).
  std::string BlindIndex(std::string_view plain) const;
  // The index under every key of the ring: a lookup matches rows written
  // before and after a rotation that is still running.
  std::vector<std::string> LookupIndexes(std::string_view plain) const;

  // True when `stored` is empty or already sealed under the current key.
  bool IsCurrent(std::string_view stored) const;

  // Whether a stored value has the sealed shape (any key).
  static bool IsSealed(std::string_view stored);
  // What the blind index is computed over: without spaces, dots and dashes,
  // ASCII letters upper-cased, so "001 085-001.234" finds "001085001234".
  static std::string Normalise(std::string_view plain);

 private:
  struct DerivedKey {
    std::string id;
    std::array<unsigned char, 32> seal{};
    std::array<unsigned char, 32> index{};
  };
  const DerivedKey* Find(std::string_view id) const;
  static std::string IndexUnder(const DerivedKey& key, std::string_view normalised);

  std::vector<DerivedKey> keys_;  // current first
};

}  // namespace ansinh::crypto
