#include "http/test_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

extern char** environ;

namespace ansinh::http::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::chrono::milliseconds kStartTimeout_ms{15'000};
constexpr std::chrono::milliseconds kInitTimeout_ms{600'000};

std::vector<char*> Argv(std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  return argv;
}

// Servers and commands started by this test process seal personal data with
// a key file of the process's own in the build tree, never var/ansinh.key of
// the working directory. An ANSINH_KEY_FILE set by the caller wins.
void UseTestKeyFile() {
  if (std::getenv("ANSINH_KEY_FILE") != nullptr) return;
  const fs::path cache = fs::path(ANSINH_BINARY).parent_path().parent_path() / "http-test-cache";
  fs::create_directories(cache);
  const fs::path key = cache / ("key-" + std::to_string(getpid()) + ".key");
  setenv("ANSINH_KEY_FILE", key.c_str(), 0);
}

// Spawns the binary with stdout (and stderr unless it is null) on new pipes,
// and stdin from stdin_path when it is not null.
pid_t Spawn(std::vector<std::string> arguments, int* stdout_fd, int* stderr_fd,
            const char* stdin_path = nullptr) {
  UseTestKeyFile();
  arguments.insert(arguments.begin(), ANSINH_BINARY);
  std::array<int, 2> out_pipe{-1, -1};
  std::array<int, 2> err_pipe{-1, -1};
  if (pipe(out_pipe.data()) != 0) return -1;
  if (stderr_fd != nullptr && pipe(err_pipe.data()) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  if (stdin_path != nullptr) {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdin_path, O_RDONLY, 0);
  }
  if (stderr_fd != nullptr) {
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  }
  pid_t pid = -1;
  auto argv = Argv(arguments);
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  *stdout_fd = out_pipe[0];
  if (stderr_fd != nullptr) {
    close(err_pipe[1]);
    *stderr_fd = err_pipe[0];
  }
  return spawned == 0 ? pid : -1;
}

int WaitExit(pid_t pid, std::chrono::milliseconds timeout_ms) {
  const auto deadline = Clock::now() + timeout_ms;
  while (Clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

// Reads from fd until EOF or the deadline; appends to text. True on EOF.
bool ReadUntilEof(int fd, std::string& text, Clock::time_point deadline) {
  std::array<char, 4096> chunk{};
  while (Clock::now() < deadline) {
    pollfd entry{fd, POLLIN, 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (poll(&entry, 1, static_cast<int>(left.count()) + 1) <= 0) continue;
    const ssize_t read_bytes = read(fd, chunk.data(), chunk.size());
    if (read_bytes <= 0) return true;
    text.append(chunk.data(), static_cast<std::size_t>(read_bytes));
  }
  return false;
}

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// Newest modification time among the binary and the SQLite migrations: the
// template database is rebuilt whenever either changes.
long long TemplateStamp() {
  const fs::path migrations = fs::path(ANSINH_TEST_DATA_DIR).parent_path() / "db/migrations/sqlite";
  auto newest = fs::last_write_time(ANSINH_BINARY);
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(migrations, error)) {
    newest = std::max(newest, entry.last_write_time());
  }
  return static_cast<long long>(newest.time_since_epoch().count());
}

// The path of an initialised template database, creating it if needed. Several
// test processes may race here; each writes its own file and renames it.
std::optional<fs::path> TemplateDatabase(std::string& init_stderr) {
  const fs::path cache = fs::path(ANSINH_BINARY).parent_path().parent_path() / "http-test-cache";
  fs::create_directories(cache);
  const fs::path database = cache / ("template-" + std::to_string(TemplateStamp()) + ".db");
  if (fs::exists(database)) return database;
  const fs::path own = cache / ("building-" + std::to_string(getpid()) + ".db");
  fs::remove(own);
  const ProcessResult init = RunAnsinh({"init", "--db", "sqlite:" + own.string()}, kInitTimeout_ms);
  init_stderr = init.stderr_text;
  if (init.exit_code != 0) return std::nullopt;
  fs::rename(own, database);
  return database;
}

}  // namespace

ProcessResult RunAnsinhFrom(const std::vector<std::string>& arguments, const char* stdin_path,
                            std::chrono::milliseconds timeout_ms);

ProcessResult RunAnsinh(const std::vector<std::string>& arguments,
                        std::chrono::milliseconds timeout_ms) {
  return RunAnsinhFrom(arguments, nullptr, timeout_ms);
}

ProcessResult RunAnsinhWithInput(const std::vector<std::string>& arguments,
                                 const std::string& stdin_text,
                                 std::chrono::milliseconds timeout_ms) {
  std::string pattern = (fs::temp_directory_path() / "ansinh-stdin-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return ProcessResult{};
  close(fd);
  WriteFile(pattern, stdin_text);
  ProcessResult result = RunAnsinhFrom(arguments, pattern.c_str(), timeout_ms);
  fs::remove(pattern);
  return result;
}

bool CreateUser(const std::string& db_url, const std::string& username, const std::string& role,
                const std::string& unit, const std::string& password, std::string* error) {
  const ProcessResult added = RunAnsinhWithInput(
      {"user", "--db", db_url, "add", "--username", username, "--role", role, "--unit", unit,
       "--password-stdin"},
      password + "\n");
  if (error != nullptr) *error = added.stderr_text;
  return added.exit_code == 0;
}

ProcessResult RunAnsinhFrom(const std::vector<std::string>& arguments, const char* stdin_path,
                            std::chrono::milliseconds timeout_ms) {
  ProcessResult result;
  int out_fd = -1;
  int err_fd = -1;
  const pid_t pid = Spawn(arguments, &out_fd, &err_fd, stdin_path);
  if (pid < 0) return result;
  const auto deadline = Clock::now() + timeout_ms;
  // The outputs are small; reading one fully before the other cannot block the child.
  ReadUntilEof(err_fd, result.stderr_text, deadline);
  ReadUntilEof(out_fd, result.stdout_text, deadline);
  close(out_fd);
  close(err_fd);
  result.exit_code = WaitExit(pid, std::chrono::milliseconds(1'000));
  if (result.exit_code < 0) {
    kill(pid, SIGKILL);
    WaitExit(pid, std::chrono::milliseconds(5'000));
  }
  return result;
}

Workspace::Workspace(bool initialise) {
  std::string pattern = (fs::temp_directory_path() / "ansinh-http-XXXXXX").string();
  root = mkdtemp(pattern.data());
  web_dir = root / "web";
  WriteFile(web_dir / "index.html",
            "<!doctype html><html lang=\"vi\"><title>ansinh</title><p>Trang chủ</p></html>");
  WriteFile(web_dir / "assets" / "app-abc123.js", "console.log('ansinh');\n");
  WriteFile(web_dir / "assets" / "style-abc123.css", "body{margin:0}\n");
  WriteFile(web_dir / "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  WriteFile(root / "secret.txt", "TOP-SECRET-OUTSIDE-WEB-DIR");
  db_url = "sqlite:" + (root / "ansinh.db").string();
  if (!initialise) return;
  const auto template_database = TemplateDatabase(init_stderr);
  if (!template_database) return;
  fs::copy_file(*template_database, root / "ansinh.db");
  initialised = true;
}

Workspace::~Workspace() {
  std::error_code ignored;
  fs::remove_all(root, ignored);
}

std::unique_ptr<ServerProcess> ServerProcess::Start(const std::vector<std::string>& arguments,
                                                    std::string& error) {
  std::vector<std::string> full{"serve", "--port", "0"};
  full.insert(full.end(), arguments.begin(), arguments.end());
  std::unique_ptr<ServerProcess> server(new ServerProcess());
  server->pid_ = Spawn(full, &server->stdout_fd_, nullptr);
  if (server->pid_ < 0) {
    error = "could not spawn " ANSINH_BINARY;
    return nullptr;
  }
  std::string line;
  const auto deadline = Clock::now() + kStartTimeout_ms;
  std::array<char, 1> next{};
  while (line.find('\n') == std::string::npos && Clock::now() < deadline) {
    pollfd entry{server->stdout_fd_, POLLIN, 0};
    if (poll(&entry, 1, 100) <= 0) continue;
    if (read(server->stdout_fd_, next.data(), 1) != 1) break;
    line.push_back(next[0]);
  }
  const auto json = nlohmann::json::parse(line, nullptr, false);
  if (json.is_discarded() || !json.contains("listening")) {
    error = "no listening line, got: " + line;
    return nullptr;
  }
  server->listening_url_ = json["listening"].get<std::string>();
  const auto colon = server->listening_url_.rfind(':');
  server->port_ = static_cast<std::uint16_t>(std::stoi(server->listening_url_.substr(colon + 1)));
  return server;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0 && Stop(SIGTERM, std::chrono::seconds(10)) < 0) {
    kill(pid_, SIGKILL);
    WaitExit(pid_, std::chrono::seconds(5));
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

int ServerProcess::Stop(int signal, std::chrono::milliseconds timeout_ms) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  const int exit_code = WaitExit(pid_, timeout_ms);
  if (exit_code >= 0) pid_ = -1;
  return exit_code;
}

int Connect(std::uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

std::string Exchange(std::uint16_t port, const std::string& raw_request,
                     std::chrono::milliseconds timeout_ms) {
  const int fd = Connect(port);
  if (fd < 0) return "";
  std::size_t sent_bytes = 0;
  while (sent_bytes < raw_request.size()) {
    const ssize_t written = send(fd, raw_request.data() + sent_bytes,
                                 raw_request.size() - sent_bytes, MSG_NOSIGNAL);
    if (written <= 0) break;  // the server may answer and close before reading it all
    sent_bytes += static_cast<std::size_t>(written);
  }
  std::string response;
  ReadUntilEof(fd, response, Clock::now() + timeout_ms);
  close(fd);
  return response;
}

std::optional<HttpReply> ParseReply(const std::string& raw) {
  const auto header_end = raw.find("\r\n\r\n");
  if (header_end == std::string::npos || !raw.starts_with("HTTP/1.")) return std::nullopt;
  HttpReply reply;
  std::istringstream lines(raw.substr(0, header_end));
  std::string line;
  std::getline(lines, line);
  reply.status = std::atoi(line.substr(9, 3).c_str());
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos) return std::nullopt;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
  }
  reply.body = raw.substr(header_end + 4);
  return reply;
}

HttpReply Request(std::uint16_t port, const std::string& method, const std::string& target,
                  const std::string& extra_headers, const std::string& body) {
  std::string raw = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!body.empty()) raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  raw += extra_headers + "\r\n" + body;
  return ParseReply(Exchange(port, raw)).value_or(HttpReply{});
}

std::string ErrorCode(const HttpReply& reply) {
  const auto body = nlohmann::json::parse(reply.body, nullptr, false);
  if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return "";
  return body["error"].value("code", "");
}

}  // namespace ansinh::http::testing
