// The password policy (ASVS 5.0 V6.2): length, not composition rules.
//
// A password is checked when it is set (user add, reset, change), never at
// login, so tightening the policy never locks anyone out.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/error.h"

namespace ansinh::core {

struct PasswordPolicy {
  std::size_t min_code_points = 12;
  // Long passphrases must be possible (ASVS: at least 64 characters); the byte
  // cap bounds the work of hashing an attacker-chosen input.
  std::size_t max_bytes = 256;
};

// Errors, all kInvalidInput with a Vietnamese message: "password.invalid_utf8",
// "password.control_character", "password.too_short", "password.too_long",
// "password.contains_username", "password.too_common".
// A username comparison is case-insensitive for ASCII letters.
Status CheckPassword(std::string_view password, std::string_view username,
                     const PasswordPolicy& policy = {});

}  // namespace ansinh::core
