// An asynchronous HTTP/1.1 server: one io_context, worker_threads threads.
//
// Connections are read with Beast under the limits and deadlines of
// ServerOptions, turned into our Request, answered by the handler, and written
// back with the security headers of ApplySecurityHeaders. Nothing above http/
// sees Beast or Asio.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/error.h"
#include "http/message.h"
#include "http/server_options.h"

namespace ansinh::http {

// Called on a worker thread for every complete request; may throw, which is
// answered with a generic 500 and logged.
using RequestHandler = std::function<Response(Request&)>;

class Server {
 public:
  Server(ServerOptions options, RequestHandler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens, and from now on treats SIGINT and SIGTERM as Stop().
  // Errors: kInvalidInput ("http.host_invalid"), kUnavailable ("http.listen_failed").
  // REQUIRES: called once, before Run.
  Status Start();

  // The bound port (the system's choice when options.port was 0).
  // REQUIRES: Start succeeded.
  std::uint16_t port() const;

  // "http://127.0.0.1:8080" for the bound address.
  std::string BaseUrl() const;

  // Serves until Stop() or a signal, then lets open connections finish for up
  // to shutdown_grace_ms and returns. Blocks the calling thread, which is one
  // of the worker_threads.
  void Run();

  // Stops accepting and starts the graceful shutdown; safe from any thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ansinh::http
