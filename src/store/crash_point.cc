#include "store/crash_point.h"

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <string>

namespace ansinh::store {
namespace {

// The N of ANSINH_CRASH_AT, read once; 0 when unset or malformed.
long CrashAt() {
  static const long at = [] {
    const char* text = std::getenv("ANSINH_CRASH_AT");
    if (text == nullptr || *text == '\0') return 0L;
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    return (end != nullptr && *end == '\0' && value > 0) ? value : 0L;
  }();
  return at;
}

std::atomic<long> reached{0};

}  // namespace

void CrashPoint() {
  const long at = CrashAt();
  if (at == 0) return;
  if (reached.fetch_add(1, std::memory_order_relaxed) + 1 == at) std::raise(SIGKILL);
}

}  // namespace ansinh::store
