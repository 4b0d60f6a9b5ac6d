#include "sims/common/sim_server.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

namespace ansinh::sims {

int RunSimServer(const SimServerOptions& options, http::RequestHandler handler) {
  http::ServerOptions server_options;
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.worker_threads = 2;
  server_options.body_limit_bytes = options.body_limit_bytes;
  server_options.shutdown_grace_ms = std::chrono::milliseconds{500};
  http::Server server(server_options, std::move(handler));
  if (auto started = server.Start(); !started) {
    std::fprintf(stderr, "%s\n", started.error().message.c_str());
    return 69;  // EX_UNAVAILABLE
  }
  std::printf("%s\n", nlohmann::json{{"port", server.port()}}.dump().c_str());
  std::fflush(stdout);
  server.Run();
  return 0;
}

http::Response SimError(int status, const std::string& code, const std::string& message) {
  return http::JsonResponse(status, {{"error", {{"code", code}, {"message", message}}}});
}

http::Response SimBody(int status, std::string content_type, std::string body) {
  http::Response response;
  response.status = status;
  response.SetHeader("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

}  // namespace ansinh::sims
