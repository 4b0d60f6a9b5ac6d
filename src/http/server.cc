#include "http/server.h"

#include <algorithm>
#include <csignal>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <fmt/format.h>

#include "http/access_log.h"
#include "http/connection.h"

namespace ansinh::http {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

constexpr int kMaxWorkerThreads = 64;
// How often a stopping server looks whether its last connection has closed.
constexpr std::chrono::milliseconds kShutdownPoll_ms{20};
// Pause before accepting again after accept() failed (e.g. out of descriptors).
constexpr std::chrono::milliseconds kAcceptRetry_ms{100};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, RequestHandler handler)
      : io_context(std::clamp(options.worker_threads, 1, kMaxWorkerThreads)),
        strand(asio::make_strand(io_context)),
        acceptor(strand),
        signals(strand),
        timer(strand),
        shared(std::make_shared<ConnectionShared>()) {
    shared->options = std::move(options);
    shared->handler = std::move(handler);
  }

  void Accept();
  void OnAccept(tcp::socket socket);
  void BeginShutdown();
  void WaitForConnections(std::chrono::steady_clock::time_point deadline);

  asio::io_context io_context;
  asio::strand<asio::io_context::executor_type> strand;  // acceptor, signals, timer
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer timer;
  std::shared_ptr<ConnectionShared> shared;
  tcp::endpoint bound;
};

void Server::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(io_context), [this](boost::system::error_code error,
                                                               tcp::socket socket) {
    if (shared->stopping.load() || !acceptor.is_open()) return;
    if (!error) {
      OnAccept(std::move(socket));
      return Accept();
    }
    LogWarning(fmt::format("accept failed: {}", error.message()));
    timer.expires_after(kAcceptRetry_ms);
    timer.async_wait([this](boost::system::error_code wait_error) {
      if (!wait_error && !shared->stopping.load()) Accept();
    });
  });
}

void Server::Impl::OnAccept(tcp::socket socket) {
  if (shared->open_connections.load() >= shared->options.max_connections) {
    boost::system::error_code ignored;
    socket.close(ignored);
    LogWarning("connection refused: max_connections reached");
    return;
  }
  std::make_shared<Connection>(std::move(socket), shared)->Start();
}

void Server::Impl::BeginShutdown() {
  if (shared->stopping.exchange(true)) return;
  LogInfo("shutting down: no new connections");
  boost::system::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  timer.cancel();
  WaitForConnections(std::chrono::steady_clock::now() + shared->options.shutdown_grace_ms);
}

void Server::Impl::WaitForConnections(std::chrono::steady_clock::time_point deadline) {
  // With no connection left and nothing else pending, io_context.run() returns.
  if (shared->open_connections.load() == 0) return;
  if (std::chrono::steady_clock::now() >= deadline) {
    LogWarning("shutdown grace period over: closing remaining connections");
    io_context.stop();
    return;
  }
  timer.expires_after(kShutdownPoll_ms);
  timer.async_wait([this, deadline](boost::system::error_code) { WaitForConnections(deadline); });
}

Server::Server(ServerOptions options, RequestHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

Status Server::Start() {
  const ServerOptions& options = impl_->shared->options;
  boost::system::error_code error;
  const auto address = asio::ip::make_address(options.host, error);
  if (error) {
    return Fail(ErrorKind::kInvalidInput, "http.host_invalid",
                fmt::format("Địa chỉ lắng nghe không hợp lệ: «{}» (cần một địa chỉ IP).",
                            options.host));
  }
  const tcp::endpoint endpoint(address, options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (!error) impl_->bound = acceptor.local_endpoint(error);
  if (error) {
    return Fail(ErrorKind::kUnavailable, "http.listen_failed",
                fmt::format("Không mở được cổng {} trên {}: {}.", options.port, options.host,
                            error.message()));
  }
  impl_->signals.add(SIGINT);
  impl_->signals.add(SIGTERM);
  impl_->signals.async_wait([this](boost::system::error_code wait_error, int) {
    if (!wait_error) impl_->BeginShutdown();
  });
  impl_->Accept();
  return {};
}

std::uint16_t Server::port() const { return impl_->bound.port(); }

std::string Server::BaseUrl() const {
  const auto address = impl_->bound.address();
  const std::string host =
      address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  return fmt::format("http://{}:{}", host, port());
}

void Server::Run() {
  const int thread_count = std::clamp(impl_->shared->options.worker_threads, 1, kMaxWorkerThreads);
  std::vector<std::thread> workers;
  for (int i = 1; i < thread_count; ++i) {
    workers.emplace_back([this] { impl_->io_context.run(); });
  }
  impl_->io_context.run();
  for (auto& worker : workers) worker.join();
  LogInfo("stopped");
}

void Server::Stop() {
  asio::post(impl_->strand, [this] { impl_->BeginShutdown(); });
}

}  // namespace ansinh::http
