// URL-safe base64 without padding (RFC 4648 §5): how sealed values, tokens
// and key files spell bytes as text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ansinh::crypto {

std::string Base64Url(const unsigned char* bytes, std::size_t size);

// nullopt when `text` is not URL-safe base64 without padding.
std::optional<std::vector<unsigned char>> FromBase64Url(std::string_view text);

}  // namespace ansinh::crypto
