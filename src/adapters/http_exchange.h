// One HTTP/1.1 request to an outside system and its whole answer, over Beast,
// under one deadline (connect + write + read). Shared by the adapters; the
// protocol-specific checks (status, body) are theirs.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/error.h"

namespace ansinh::adapters {

// Names an outside system in error codes and messages: {"bank", "ngân hàng"}.
struct OutsideSystem {
  std::string code;
  std::string name;
};

struct HttpEndpoint {
  std::string host;
  std::string port;       // "80" when the URL has none
  std::string base_path;  // "" or "/prefix" without a trailing slash
};

struct HttpReply {
  int status = 0;
  std::string content_type;
  std::string body;
};

inline constexpr std::uint64_t kMaxReplyBytes = 256ull << 20;

// "http://127.0.0.1:8089" or "http://host:port/prefix". Errors (kInvalidInput):
// <system>.url_invalid (not an http URL with a host; https is not spoken here:
// the simulators live on loopback).
Result<HttpEndpoint> ParseHttpBaseUrl(const std::string& url, const OutsideSystem& system);

// Sends `method` (GET, POST) to base_path + target and reads the whole reply,
// whatever its status. Errors (kUnavailable): <system>.unreachable (cannot
// resolve or connect, or the connection broke), <system>.timeout (no whole
// answer within `timeout`); kLimitExceeded <system>.reply_too_large.
Result<HttpReply> HttpExchange(const HttpEndpoint& endpoint, const OutsideSystem& system,
                               const std::string& method, const std::string& target,
                               const std::string& body, const std::string& content_type,
                               std::chrono::milliseconds timeout);

// <system>.bad_status (kUnavailable): the system answered with an
// unexpected HTTP status; its error message, when it sent one, is quoted.
Error BadStatusError(const OutsideSystem& system, const HttpReply& reply);

}  // namespace ansinh::adapters
