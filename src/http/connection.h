// One client connection: read a request under deadlines and limits, answer it,
// repeat while keep-alive lasts. Internal to http/ (server.cc creates them).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/beast_adapter.h"
#include "http/server.h"

namespace ansinh::http {

// What every connection of one server shares; outlives the io_context's handlers.
struct ConnectionShared {
  ServerOptions options;
  RequestHandler handler;
  std::atomic<std::size_t> open_connections{0};
  std::atomic<bool> stopping{false};
};

// Thread safety: all of a connection's work runs on the strand of its socket.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  // REQUIRES: socket's executor is a strand.
  Connection(boost::asio::ip::tcp::socket socket, std::shared_ptr<ConnectionShared> shared);
  ~Connection();

  void Start();

 private:
  using Clock = std::chrono::steady_clock;

  void ReadHeader(std::chrono::milliseconds timeout_ms);
  void OnHeader(boost::beast::error_code error);
  void ReadBody();
  void OnBody(boost::beast::error_code error);
  // The body limit of this request's target (ServerOptions).
  std::uint64_t BodyLimitFor(std::string_view target) const;
  void Answer();
  void AnswerReadFailure(boost::beast::error_code error);
  void Write(BeastResponse message, bool close_after);
  void OnWrite(bool close_after, boost::beast::error_code error);
  void DrainAndClose();
  void Drain();
  void Close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::shared_ptr<ConnectionShared> shared_;
  std::shared_ptr<BeastResponse> response_;  // alive until its write completes
  std::string remote_address_;
  Clock::time_point request_start_;
  std::size_t drained_bytes_ = 0;
  std::uint64_t body_limit_bytes_ = 0;  // of the request being read
};

}  // namespace ansinh::http
