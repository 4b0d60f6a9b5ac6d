// One log line per request and the server's own lifecycle lines, on stderr
// (stdout carries the command's JSON). Never personal data: no query string,
// no body, no header values, and for API routes the route pattern instead of
// the path (a path may carry a citizen id).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "http/message.h"

namespace ansinh::http {

struct AccessRecord {
  std::string_view method;      // "GET"; "-" when the request line was unreadable
  std::string_view path;        // from LoggedPath; "-" when unreadable
  int status = 0;
  std::chrono::microseconds duration{0};
  std::string_view request_id;  // "-" when the request was never parsed
};

// What the access log may show of a request's path (see the file comment).
std::string LoggedPath(const Request& request);

// A fresh, unpredictable-enough id for correlating a request with its log line;
// not a secret. Thread-safe.
std::string NewRequestId();

void LogAccess(const AccessRecord& record);
void LogInfo(std::string_view message);
void LogWarning(std::string_view message);
void LogError(std::string_view message);

}  // namespace ansinh::http
