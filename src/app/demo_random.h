// The demo province's source of randomness. The file it feeds must be
// byte-identical for the same seed on any machine, so nothing here goes
// through the standard library's distributions (whose algorithms are
// implementation-defined) or through floating point: xoshiro256** seeded by
// splitmix64, integer ranges by rejection, probabilities in parts per million.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace ansinh::app::demo_detail {

// One step of splitmix64 (Steele, Lea, Flood 2014): advances `state`.
constexpr std::uint64_t SplitMix64(std::uint64_t& state) {
  state += 0x9E3779B97F4A7C15ull;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// xoshiro256** (Blackman, Vigna 2018). Not thread-safe; cheap to construct,
// so each beneficiary gets its own stream derived from (seed, index) and a
// person does not change when the demo is made larger or smaller.
class DemoRandom {
 public:
  DemoRandom(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t mix = seed ^ (stream * 0xD1B54A32D192ED03ull);
    for (std::uint64_t& word : state_) word = SplitMix64(mix);
  }

  std::uint64_t Next() {
    const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, bound). REQUIRES: bound > 0. Rejection keeps it unbiased.
  std::uint64_t Below(std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      std::uint64_t r = Next();
      if (r >= threshold) return r % bound;
    }
  }

  // Uniform in [low, high]. REQUIRES: low <= high.
  int Between(int low, int high) {
    const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(high) - low) + 1;
    return static_cast<int>(low + static_cast<std::int64_t>(Below(span)));
  }

  // True with probability per_million / 1,000,000.
  bool Chance(std::uint32_t per_million) { return Below(1'000'000) < per_million; }

  // A decimal digit '0'..'9'.
  char Digit() { return static_cast<char>('0' + Below(10)); }

 private:
  static constexpr std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t state_[4];
};

// Picks an index with probability proportional to its weight.
class WeightedIndex {
 public:
  WeightedIndex() = default;
  // Zero weights are never drawn. REQUIRES: some weight > 0.
  explicit WeightedIndex(std::span<const std::uint32_t> weights) {
    std::uint64_t total = 0;
    for (std::uint32_t weight : weights) cumulative_.push_back(total += weight);
  }

  bool empty() const { return cumulative_.empty() || cumulative_.back() == 0; }

  std::size_t Draw(DemoRandom& random) const {
    const std::uint64_t ticket = random.Below(cumulative_.back());
    return static_cast<std::size_t>(
        std::upper_bound(cumulative_.begin(), cumulative_.end(), ticket) - cumulative_.begin());
  }

 private:
  std::vector<std::uint64_t> cumulative_;
};

}  // namespace ansinh::app::demo_detail
