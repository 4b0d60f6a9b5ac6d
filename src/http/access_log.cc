#include "http/access_log.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <random>

#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace ansinh::http {
namespace {

// A path longer than this is cut in the log; the line stays one line.
constexpr std::size_t kMaxLoggedPathChars = 200;

spdlog::logger& Logger() {
  // Created once, thread-safely; stderr so that stdout stays machine-readable.
  static const std::shared_ptr<spdlog::logger> logger = [] {
    auto created = std::make_shared<spdlog::logger>(
        "http", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    created->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
    created->flush_on(spdlog::level::info);
    return created;
  }();
  return *logger;
}

std::uint64_t ProcessSalt() {
  static const std::uint64_t salt = [] {
    std::random_device device;
    return (std::uint64_t{device()} << 32) ^ device();
  }();
  return salt;
}

}  // namespace

std::string LoggedPath(const Request& request) {
  if (!request.route_pattern.empty()) return request.route_pattern;
  if (request.IsApi()) return "/api/(no route)";
  if (request.path.size() <= kMaxLoggedPathChars) return request.path;
  return request.path.substr(0, kMaxLoggedPathChars) + "…";
}

std::string NewRequestId() {
  static std::atomic<std::uint64_t> counter{0};
  const std::uint64_t sequence = counter.fetch_add(1, std::memory_order_relaxed);
  return fmt::format("{:016x}", ProcessSalt() ^ (sequence * 0x9E3779B97F4A7C15ULL));
}

void LogAccess(const AccessRecord& record) {
  Logger().info("access {} {} {} {:.1f}ms id={}", record.method, record.path, record.status,
                static_cast<double>(record.duration.count()) / 1000.0, record.request_id);
}

void LogInfo(std::string_view message) { Logger().info("{}", message); }
void LogWarning(std::string_view message) { Logger().warn("{}", message); }
void LogError(std::string_view message) { Logger().error("{}", message); }

}  // namespace ansinh::http
