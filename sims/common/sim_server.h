// How every simulator runs: the project's own HTTP server (src/http, Beast)
// on loopback; the first line on stdout is {"port":N} so a test that asked for
// port 0 learns the one the system picked. Logs go to stderr.
#pragma once

#include <cstdint>
#include <string>

#include "http/message.h"
#include "http/server.h"

namespace ansinh::sims {

struct SimServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  std::uint64_t body_limit_bytes = 256ull << 20;  // a pain.001 of 250,000 lines fits
};

// Serves until SIGINT/SIGTERM; returns the process exit code.
int RunSimServer(const SimServerOptions& options, http::RequestHandler handler);

// {"error":{"code","message"}} with a Vietnamese message, as the ansinh API.
http::Response SimError(int status, const std::string& code, const std::string& message);

// A body of another content type.
http::Response SimBody(int status, std::string content_type, std::string body);

}  // namespace ansinh::sims
