#include "core/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cassert>
#include <new>

namespace ansinh::core {
namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::array<std::uint32_t, 10> kPowersOfTen = {
    1u,       10u,        100u,        1'000u,       10'000u,
    100'000u, 1'000'000u, 10'000'000u, 100'000'000u, 1'000'000'000u};

std::array<std::uint8_t, 8> BigEndian(std::int64_t counter) {
  std::array<std::uint8_t, 8> bytes{};
  auto value = static_cast<std::uint64_t>(counter);
  for (std::size_t i = bytes.size(); i-- > 0;) {
    bytes[i] = static_cast<std::uint8_t>(value & 0xffu);
    value >>= 8;
  }
  return bytes;
}

// Equal without an early exit, so timing does not tell how many digits matched.
bool SameDigits(std::string_view a, std::string_view b) {
  unsigned difference = a.size() == b.size() ? 0u : 1u;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    difference |= static_cast<unsigned>(a[i] ^ b[i]);
  }
  return difference == 0;
}

int Base32Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string PercentEncode(std::string_view text) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    if (IsUnreserved(c)) {
      out.push_back(c);
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out += '%';
    out += kHex[byte >> 4];
    out += kHex[byte & 0x0fu];
  }
  return out;
}

}  // namespace

Sha1Digest OpenSslHmacSha1(std::span<const std::uint8_t> key,
                           std::span<const std::uint8_t> message) {
  Sha1Digest digest{};
  unsigned int length = 0;
  const unsigned char* done = HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
                                   message.data(), message.size(), digest.data(), &length);
  // HMAC fails only when OpenSSL cannot allocate: that aborts the request.
  if (done == nullptr || length != digest.size()) throw std::bad_alloc();
  return digest;
}

bool IsWellFormedTotpCode(std::string_view code) {
  if (code.size() != static_cast<std::size_t>(kTotpDigits)) return false;
  for (const char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::int64_t TotpStep(std::int64_t unix_s) {
  assert(unix_s >= 0);
  return unix_s / kTotpStep_s;
}

std::uint32_t HotpValue(const HmacSha1& hmac, std::span<const std::uint8_t> secret,
                        std::int64_t counter, int digits) {
  assert(digits >= 1 && digits <= 9);
  const auto message = BigEndian(counter);
  const Sha1Digest digest = hmac(secret, message);
  // Dynamic truncation (RFC 4226 §5.3): 31 bits from the offset the last nibble names.
  const std::size_t offset = digest[19] & 0x0fu;
  const std::uint32_t binary = (static_cast<std::uint32_t>(digest[offset] & 0x7fu) << 24) |
                               (static_cast<std::uint32_t>(digest[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(digest[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(digest[offset + 3]);
  return binary % kPowersOfTen[static_cast<std::size_t>(digits)];
}

std::string FormatTotpCode(std::uint32_t value, int digits) {
  std::string text(static_cast<std::size_t>(digits), '0');
  for (std::size_t i = text.size(); i-- > 0 && value > 0;) {
    text[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return text;
}

std::optional<std::int64_t> MatchTotp(const HmacSha1& hmac, std::span<const std::uint8_t> secret,
                                      std::string_view code, std::int64_t now_s,
                                      std::int64_t last_used_step) {
  if (!IsWellFormedTotpCode(code) || now_s < 0) return std::nullopt;
  const std::int64_t current = TotpStep(now_s);
  std::optional<std::int64_t> matched;
  // Every candidate is computed and compared, matched or not, so the time taken
  // does not depend on which step (if any) matched.
  for (std::int64_t step = current + kTotpWindowSteps; step >= current - kTotpWindowSteps; --step) {
    if (step < 0 || step <= last_used_step) continue;
    const bool same = SameDigits(FormatTotpCode(HotpValue(hmac, secret, step)), code);
    if (same && !matched) matched = step;
  }
  return matched;
}

std::string Base32Encode(std::span<const std::uint8_t> bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const std::uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kBase32Alphabet[(buffer >> (bits - 5)) & 0x1fu]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 0x1fu]);
  return out;
}

std::optional<std::vector<std::uint8_t>> Base32Decode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::vector<std::uint8_t> out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    if (c == ' ') continue;
    const int value = Base32Value(c);
    if (value < 0) return std::nullopt;
    buffer = ((buffer << 5) | static_cast<std::uint32_t>(value)) & 0xffffu;
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xffu));
      bits -= 8;
    }
  }
  return out;
}

std::string TotpProvisioningUri(std::string_view issuer, std::string_view account,
                                std::span<const std::uint8_t> secret) {
  const std::string encoded_issuer = PercentEncode(issuer);
  return "otpauth://totp/" + encoded_issuer + ":" + PercentEncode(account) +
         "?secret=" + Base32Encode(secret) + "&issuer=" + encoded_issuer +
         "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStep_s);
}

}  // namespace ansinh::core
