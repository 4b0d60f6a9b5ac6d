// `ansinh serve`: the HTTP API and the web UI on one port, until SIGINT/SIGTERM.
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "http/dispatcher.h"
#include "http/routes.h"
#include "http/server.h"
#include "http/static_files.h"
#include "store/database.h"
#include "store/migrations.h"

namespace ansinh::cli {
namespace {

constexpr int kMaxWorkerThreads = 64;
constexpr int kMaxUploadLimit_mib = 1024;

struct ServeArguments {
  std::string db_url;
  std::string web_dir = http::kDefaultWebDir;
  http::ServerOptions server;
  int upload_limit_mib = 64;
};

// Opens the database and refuses one whose schema is not the one this binary
// expects (it needs `ansinh init`).
Status Serve(const ServeArguments& arguments) {
  http::ServerOptions options = arguments.server;
  options.upload_body_limit_bytes = static_cast<std::uint64_t>(arguments.upload_limit_mib) << 20;
  auto database = OpenCurrentDatabase(arguments.db_url);
  if (!database) return Fail(database.error());
  http::StaticFiles static_files(arguments.web_dir);
  const bool has_ui = static_files.HasIndex();
  auto dispatcher = std::make_shared<const http::Dispatcher>(http::BuildRouter(**database),
                                                             std::move(static_files));
  http::Server server(options,
                      [dispatcher](http::Request& request) { return dispatcher->Handle(request); });
  if (auto started = server.Start(); !started) return started;
  // One line, flushed at once: scripts and tests wait for it to know the port.
  std::cout << nlohmann::json{{"listening", server.BaseUrl()}}.dump() << std::endl;
  if (!has_ui) {
    std::cerr << "Cảnh báo: không thấy giao diện web (index.html) trong " << arguments.web_dir
              << "; hãy chạy `npm run build` trong web/.\n";
  }
  server.Run();
  return {};
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CommandContext& context) {
  auto arguments = std::make_shared<ServeArguments>();
  CLI::App* command = app.add_subcommand("serve", "Chạy máy chủ HTTP: API và giao diện web");
  AddDatabaseOption(*command, arguments->db_url);
  command->add_option("--host", arguments->server.host, "Địa chỉ IP lắng nghe")
      ->capture_default_str();
  command->add_option("--port", arguments->server.port, "Cổng; 0 để hệ thống tự chọn")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command->add_option("--web-dir", arguments->web_dir, "Thư mục giao diện web đã build")
      ->capture_default_str();
  command->add_option("--threads", arguments->server.worker_threads, "Số luồng xử lý")
      ->check(CLI::Range(1, kMaxWorkerThreads))
      ->capture_default_str();
  command->add_option("--upload-limit-mb", arguments->upload_limit_mib,
                      "Giới hạn dung lượng tệp tải lên (MiB), ví dụ tệp nhập danh sách")
      ->check(CLI::Range(1, kMaxUploadLimit_mib))
      ->capture_default_str();
  command->callback([arguments, &context] { context.outcome = Serve(*arguments); });
}

}  // namespace ansinh::cli
