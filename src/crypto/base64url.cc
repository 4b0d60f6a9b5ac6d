#include "crypto/base64url.h"

#include <sodium.h>

namespace ansinh::crypto {
namespace {

constexpr int kUrlSafeNoPadding = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

}  // namespace

std::string Base64Url(const unsigned char* bytes, std::size_t size) {
  std::string text(sodium_base64_ENCODED_LEN(size, kUrlSafeNoPadding), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes, size, kUrlSafeNoPadding);
  text.resize(text.find('\0'));
  return text;
}

std::optional<std::vector<unsigned char>> FromBase64Url(std::string_view text) {
  std::vector<unsigned char> bytes(text.size());
  std::size_t length = 0;
  if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                        nullptr, kUrlSafeNoPadding) != 0) {
    return std::nullopt;
  }
  bytes.resize(length);
  return bytes;
}

}  // namespace ansinh::crypto
