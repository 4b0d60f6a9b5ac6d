#include "adapters/http_exchange.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

namespace ansinh::adapters {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;

Error ExchangeError(ErrorKind kind, const OutsideSystem& system, const char* what,
                    std::string message) {
  return MakeError(kind, system.code + "." + what, std::move(message));
}

// The asynchronous steps of one exchange, run to completion on a private
// io_context: Beast's stream deadline covers only asynchronous operations.
struct Exchange {
  asio::io_context io;
  tcp::resolver resolver{io};
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
  bhttp::request<bhttp::string_body> request;
  bhttp::response_parser<bhttp::string_body> parser;
  beast::error_code error;
  const char* failed_step = "";

  bool Failed(beast::error_code ec, const char* step) {
    if (!ec) return false;
    error = ec;
    failed_step = step;
    return true;
  }

  void Start(const HttpEndpoint& endpoint) {
    resolver.async_resolve(
        endpoint.host, endpoint.port,
        [this](beast::error_code ec, const tcp::resolver::results_type& results) {
          if (!Failed(ec, "resolve")) Connect(results);
        });
  }
  void Connect(const tcp::resolver::results_type& results) {
    stream.async_connect(results, [this](beast::error_code ec, const tcp::endpoint&) {
      if (Failed(ec, "connect")) return;
      bhttp::async_write(stream, request, [this](beast::error_code wec, std::size_t) {
        if (!Failed(wec, "write")) Read();
      });
    });
  }
  void Read() {
    bhttp::async_read(stream, buffer, parser, [this](beast::error_code ec, std::size_t) {
      Failed(ec, "read");
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    });
  }
};

}  // namespace

Result<HttpEndpoint> ParseHttpBaseUrl(const std::string& url, const OutsideSystem& system) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed || parsed->scheme() != "http" || parsed->host().empty() || parsed->has_query()) {
    return Fail(ExchangeError(
        ErrorKind::kInvalidInput, system, "url_invalid",
        "Địa chỉ " + system.name + " không hợp lệ: «" + url + "» (cần dạng http://máy:cổng)."));
  }
  HttpEndpoint endpoint{parsed->host(), parsed->has_port() ? std::string(parsed->port()) : "80",
                        std::string(parsed->path())};
  while (!endpoint.base_path.empty() && endpoint.base_path.back() == '/') {
    endpoint.base_path.pop_back();
  }
  return endpoint;
}

Result<HttpReply> HttpExchange(const HttpEndpoint& endpoint, const OutsideSystem& system,
                               const std::string& method, const std::string& target,
                               const std::string& body, const std::string& content_type,
                               std::chrono::milliseconds timeout) {
  Exchange x;
  x.request.method_string(method);
  x.request.target(endpoint.base_path + target);
  x.request.version(11);
  x.request.set(bhttp::field::host, endpoint.host + ":" + endpoint.port);
  x.request.set(bhttp::field::user_agent, "ansinh");
  x.request.keep_alive(false);
  if (!content_type.empty()) x.request.set(bhttp::field::content_type, content_type);
  x.request.body() = body;
  x.request.prepare_payload();
  x.parser.body_limit(kMaxReplyBytes);
  x.stream.expires_after(timeout);  // one deadline for connect, write and read
  x.Start(endpoint);
  x.io.run();
  const std::string where = system.name + " tại " + endpoint.host + ":" + endpoint.port;
  if (x.error == beast::error::timeout) {
    return Fail(
        ExchangeError(ErrorKind::kUnavailable, system, "timeout",
                      where + " không trả lời trong " + std::to_string(timeout.count()) + " ms."));
  }
  if (x.error == bhttp::error::body_limit) {
    return Fail(ExchangeError(ErrorKind::kLimitExceeded, system, "reply_too_large",
                              where + " trả lời quá 256 MiB."));
  }
  if (x.error) {
    return Fail(ExchangeError(
        ErrorKind::kUnavailable, system, "unreachable",
        "Không kết nối được " + where + " (" + x.failed_step + ": " + x.error.message() + ")."));
  }
  const auto& response = x.parser.get();
  return HttpReply{static_cast<int>(response.result_int()),
                   std::string(response[bhttp::field::content_type]), response.body()};
}

Error BadStatusError(const OutsideSystem& system, const HttpReply& reply) {
  std::string said;
  const auto json = nlohmann::json::parse(reply.body, nullptr, false);
  if (json.is_object() && json.contains("error") && json["error"].is_object() &&
      json["error"].value("message", nlohmann::json()).is_string()) {
    said = ": " + json["error"]["message"].get<std::string>();
  }
  return MakeError(ErrorKind::kUnavailable, system.code + ".bad_status",
                   system.name + " trả lời mã HTTP " + std::to_string(reply.status) +
                       (said.empty() ? "." : said));
}

}  // namespace ansinh::adapters
