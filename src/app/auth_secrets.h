// Password hashing and random secrets (libsodium).
//
// Argon2id needs 64 MiB per hash, so at most kMaxConcurrentHashes run at once;
// a burst of logins waits for a slot instead of exhausting memory.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "crypto/server_key.h"

namespace ansinh::app {

inline constexpr int kMaxConcurrentHashes = 2;
inline constexpr std::chrono::seconds kHashSlotWait_s{10};

// An Argon2id hash in libsodium's self-describing string format (algorithm,
// parameters and salt included). Errors: kUnavailable "auth.busy" when no
// hashing slot frees in time, kInternal "auth.hash_failed" (out of memory).
Result<std::string> HashPassword(std::string_view password);

// True when password matches the stored hash. Errors as HashPassword.
Result<bool> VerifyPassword(std::string_view stored_hash, std::string_view password);

// The same work as VerifyPassword against a fixed hash, for a username that
// does not exist, so response time does not reveal which usernames exist.
void VerifyAgainstDummy(std::string_view password);

// 32 random bytes as 64 lower-case hex characters (session and CSRF tokens).
std::string RandomToken();

// BLAKE2b-256 of a token, hex: what the session table stores.
std::string HashToken(std::string_view token);

// A password for a first login: 20 characters from an alphabet without
// look-alikes (no 0/O, 1/l/I), about 110 bits.
std::string GenerateOneTimePassword();

// Compares in time independent of where the strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Fills bytes from the CSPRNG.
void FillRandom(std::span<std::uint8_t> bytes);
// Zeroes bytes in a way the compiler does not remove (secrets no longer needed).
void WipeBytes(std::span<std::uint8_t> bytes);

// `bytes` random bytes as unpadded base64url (API tokens).
std::string RandomBase64Url(std::size_t bytes);

// The server's secret key for sealing secrets at rest (TOTP seeds), kept in a
// file outside the database so that a copy of the database alone reveals no
// seed (crypto/server_key.h: file format, permissions, retired keys). Every
// server process of one database must use the same file.
using crypto::LoadServerKey;
using crypto::ServerKey;
using crypto::ServerKeyPath;

// XChaCha20-Poly1305 (libsodium) of plain under key, bound to `context` (e.g.
// "totp:17": a sealed value copied to another row does not open there).
// Result: "v1:<key id>:<base64url of nonce || ciphertext>".
std::string SealSecret(const ServerKey& key, std::span<const std::uint8_t> plain,
                       std::string_view context);

// The plain bytes of a sealed value. Errors: kInternal "key.mismatch" (sealed
// under another key: the key file was changed), "key.corrupt" (altered, or
// another context).
Result<std::vector<std::uint8_t>> OpenSecret(const ServerKey& key, std::string_view sealed,
                                             std::string_view context);

}  // namespace ansinh::app
