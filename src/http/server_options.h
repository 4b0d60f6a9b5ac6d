// Every limit of the HTTP server, set explicitly (STYLE.md §6).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace ansinh::http {

struct ServerOptions {
  std::string host = "127.0.0.1";  // an IPv4 or IPv6 address literal
  std::uint16_t port = 8080;       // 0 lets the system pick a free port
  int worker_threads = 2;          // threads running the io_context; 1..64

  std::uint32_t header_limit_bytes = 8 * 1024;    // request line + headers; over it: 431
  std::uint64_t body_limit_bytes = 1024 * 1024;   // over it: 413
  // Uploads (targets under upload_path_prefix) have their own, larger limit,
  // chosen from the request line before any of the body is read.
  std::uint64_t upload_body_limit_bytes = 64ull * 1024 * 1024;  // over it: 413
  std::string upload_path_prefix = "/api/v1/imports/";
  std::size_t max_connections = 512;              // further connections are closed at once

  // A slow or half-open client holds no thread, only a socket, and only until
  // the deadline of the phase it is in.
  std::chrono::milliseconds header_timeout_ms{10'000};      // first byte to end of headers
  std::chrono::milliseconds body_timeout_ms{30'000};        // end of headers to end of body
  std::chrono::milliseconds keep_alive_idle_ms{5'000};      // between requests, to end of headers
  std::chrono::milliseconds write_timeout_ms{30'000};       // whole response
  std::chrono::milliseconds shutdown_grace_ms{3'000};       // open connections after a signal
};

}  // namespace ansinh::http
