// Black-box helpers: run the real `ansinh` binary and talk raw HTTP/1.1 to it
// over loopback sockets, with a deadline on every wait.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ansinh::http::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when it did not exit in time (it is then killed)
  std::string stdout_text;
  std::string stderr_text;
};

// Runs ANSINH_BINARY with arguments to completion.
ProcessResult RunAnsinh(const std::vector<std::string>& arguments,
                        std::chrono::milliseconds timeout_ms = std::chrono::seconds(60));

// As RunAnsinh, with stdin_text as the child's standard input.
ProcessResult RunAnsinhWithInput(const std::vector<std::string>& arguments,
                                 const std::string& stdin_text,
                                 std::chrono::milliseconds timeout_ms = std::chrono::seconds(60));

// `ansinh user --db db_url add ... --password-stdin`; true when it exits 0.
bool CreateUser(const std::string& db_url, const std::string& username, const std::string& role,
                const std::string& unit, const std::string& password, std::string* error = nullptr);

// A temporary directory with a small fake web UI (index.html, assets), a file
// beside the UI that must never be served, and, when initialise is true, a
// SQLite database initialised by `ansinh init`. `init` loads all reference data,
// so it runs once per build into a cached template that is then copied.
struct Workspace {
  explicit Workspace(bool initialise = true);
  ~Workspace();
  std::filesystem::path root;
  std::filesystem::path web_dir;
  std::string db_url;  // "sqlite:<root>/ansinh.db", initialised by `ansinh init`
  std::string init_stderr;
  bool initialised = false;
};

// `ansinh serve --port 0` running in the background.
class ServerProcess {
 public:
  // Starts `ansinh serve --port 0 <arguments>` and waits for its listening line.
  // Returns nullptr (and the reason in error) if it exits or stays silent.
  static std::unique_ptr<ServerProcess> Start(const std::vector<std::string>& arguments,
                                              std::string& error);
  ~ServerProcess();  // SIGTERM, then SIGKILL if it does not stop in time

  std::uint16_t port() const { return port_; }
  const std::string& listening_url() const { return listening_url_; }

  // Sends signal and waits up to timeout_ms; the exit code, or -1 on timeout.
  int Stop(int signal, std::chrono::milliseconds timeout_ms);

 private:
  ServerProcess() = default;
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::uint16_t port_ = 0;
  std::string listening_url_;
};

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

// The "error.code" of a JSON error body; empty when the body is not one.
std::string ErrorCode(const HttpReply& reply);

// Opens a loopback TCP connection; -1 on failure. The caller closes it.
int Connect(std::uint16_t port);

// Sends raw bytes on a fresh connection and reads until the server closes or
// timeout_ms passes; returns what was read.
std::string Exchange(std::uint16_t port, const std::string& raw_request,
                     std::chrono::milliseconds timeout_ms = std::chrono::seconds(5));

// Parses one HTTP/1.1 response (Content-Length framed); nullopt if malformed.
std::optional<HttpReply> ParseReply(const std::string& raw);

// GET (or another method) with "Connection: close"; status 0 if no valid reply.
HttpReply Request(std::uint16_t port, const std::string& method, const std::string& target,
                  const std::string& extra_headers = "", const std::string& body = "");

}  // namespace ansinh::http::testing
