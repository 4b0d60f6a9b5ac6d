// Deterministic choices of the simulators: the same seed and key always give
// the same answer, so a test can predict which transactions a bank rejects
// and a re-sent message is answered as the first time, even after a restart.
#pragma once

#include <cstdint>
#include <string_view>

namespace ansinh::sims {

// FNV-1a over the seed, a salt naming the decision and the key. Not a secret,
// only a well-spread, stable number.
inline std::uint64_t SimHash(std::uint64_t seed, std::string_view salt, std::string_view key) {
  std::uint64_t hash = 14695981039346656037ull;
  auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 1099511628211ull;
  };
  for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(seed >> (8 * i)));
  for (char c : salt) mix(static_cast<unsigned char>(c));
  mix(0);
  for (char c : key) mix(static_cast<unsigned char>(c));
  return hash;
}

// A draw in [0, 10000): compared with rates in basis points (100 = 1 %).
inline std::int64_t SimDrawBps(std::uint64_t seed, std::string_view salt, std::string_view key) {
  return static_cast<std::int64_t>(SimHash(seed, salt, key) % 10000u);
}

}  // namespace ansinh::sims
