// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), the second
// factor of users who approve payrolls, settle or manage users.
//
// Pure maths, no I/O and no clock: the caller passes the time. The HMAC-SHA1
// is a parameter (tests may pass their own); OpenSslHmacSha1 is the one the
// server uses, since libsodium has no SHA-1. Parameters are those every
// authenticator app supports by default: SHA-1, 6 digits, 30 s steps.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ansinh::core {

inline constexpr int kTotpDigits = 6;
inline constexpr std::int64_t kTotpStep_s = 30;
// Codes of the previous and next step are accepted too (clock drift).
inline constexpr std::int64_t kTotpWindowSteps = 1;
inline constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits, RFC 4226's recommendation

using Sha1Digest = std::array<std::uint8_t, 20>;
// HMAC-SHA1(key, message).
using HmacSha1 = std::function<Sha1Digest(std::span<const std::uint8_t> key,
                                          std::span<const std::uint8_t> message)>;

// HMAC-SHA1 from OpenSSL's libcrypto.
Sha1Digest OpenSslHmacSha1(std::span<const std::uint8_t> key,
                           std::span<const std::uint8_t> message);

// The step number of a Unix time: floor(unix_s / 30). REQUIRES: unix_s >= 0.
std::int64_t TotpStep(std::int64_t unix_s);

// The HOTP value of the counter, truncated to `digits` decimal digits
// (RFC 4226 §5.3). REQUIRES: 1 <= digits <= 9.
std::uint32_t HotpValue(const HmacSha1& hmac, std::span<const std::uint8_t> secret,
                        std::int64_t counter, int digits = kTotpDigits);

// The code as people type it: zero-padded to `digits` ("003241").
std::string FormatTotpCode(std::uint32_t value, int digits = kTotpDigits);

// True for exactly kTotpDigits ASCII digits: what a code must look like
// before it is worth checking (and counting as an attempt).
bool IsWellFormedTotpCode(std::string_view code);

// The step whose code equals `code` among now's step ± kTotpWindowSteps, newest
// first, skipping steps <= last_used_step (a code is good once: replay refused).
// None when the code is malformed (not exactly 6 ASCII digits) or matches no
// allowed step. The comparison of the digits does not stop at the first
// difference.
std::optional<std::int64_t> MatchTotp(const HmacSha1& hmac, std::span<const std::uint8_t> secret,
                                      std::string_view code, std::int64_t now_s,
                                      std::int64_t last_used_step);

// RFC 4648 base32 without padding (the form authenticator apps take).
std::string Base32Encode(std::span<const std::uint8_t> bytes);
// Accepts upper or lower case, ignores spaces and trailing '='; none on any
// other character.
std::optional<std::vector<std::uint8_t>> Base32Decode(std::string_view text);

// "otpauth://totp/<issuer>:<account>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30",
// with issuer and account percent-encoded (Key Uri Format).
std::string TotpProvisioningUri(std::string_view issuer, std::string_view account,
                                std::span<const std::uint8_t> secret);

}  // namespace ansinh::core
