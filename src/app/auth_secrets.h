// Password hashing and random secrets (libsodium).
//
// Argon2id needs 64 MiB per hash, so at most kMaxConcurrentHashes run at once;
// a burst of logins waits for a slot instead of exhausting memory.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/error.h"

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

}  // namespace ansinh::app
