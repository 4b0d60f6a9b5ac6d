#include "http/connection.h"

#include <algorithm>
#include <exception>
#include <string_view>
#include <utility>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>
#include <fmt/format.h>

#include "http/access_log.h"
#include "http/dispatcher.h"
#include "http/error_status.h"

namespace ansinh::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace beast_http = boost::beast::http;

// After an answer that closes the connection, unread request bytes are read
// and dropped for a moment, so that closing does not reset the connection
// before the client has read the answer (e.g. a 413 sent mid-upload).
constexpr std::chrono::milliseconds kDrainTimeout_ms{1'000};
constexpr std::size_t kMaxDrainBytes = 1024 * 1024;
constexpr std::size_t kDrainChunkBytes = 64 * 1024;

// Sent before reading the body of a request that asked for it (RFC 9110
// §10.1.1): a client uploading a large file waits for it, or for our 413.
constexpr std::string_view kContinueInterim = "HTTP/1.1 100 Continue\r\n\r\n";

bool ExpectsContinue(const BeastRequest& message) {
  const auto expect = message[beast_http::field::expect];
  return expect.size() == 12 && beast::iequals(expect, "100-continue");
}

// The status to answer a failed read with; 0 means close without answering
// (the client left, timed out, or sent nothing).
int StatusForReadFailure(beast::error_code error) {
  if (error == beast_http::error::header_limit) return 431;
  if (error == beast_http::error::body_limit) return 413;
  if (error == beast_http::error::end_of_stream || error == beast_http::error::partial_message) {
    return 0;
  }
  if (error.category() == beast_http::make_error_code(beast_http::error::bad_target).category()) {
    return 400;
  }
  return 0;
}

Error ReadFailureError(int status, const ServerOptions& options, std::uint64_t body_limit_bytes) {
  if (status == 431) {
    return MakeError(ErrorKind::kLimitExceeded, "http.header_too_large",
                     fmt::format("Phần đầu (header) của yêu cầu quá lớn (tối đa {} byte).",
                                 options.header_limit_bytes));
  }
  if (status == 413) {
    return MakeError(ErrorKind::kLimitExceeded, "http.body_too_large",
                     fmt::format("Nội dung yêu cầu quá lớn (tối đa {} byte).", body_limit_bytes));
  }
  return MakeError(ErrorKind::kInvalidInput, "http.request_malformed",
                   "Yêu cầu HTTP không hợp lệ.");
}

Response CallHandler(const RequestHandler& handler, Request& request) {
  try {
    return handler(request);
  } catch (const std::exception& exception) {
    LogError(fmt::format("handler failed id={}: {}", request.request_id, exception.what()));
  }
  return ErrorResponse(MakeError(ErrorKind::kInternal, "internal", "handler threw"));
}

}  // namespace

Connection::Connection(asio::ip::tcp::socket socket, std::shared_ptr<ConnectionShared> shared)
    : stream_(std::move(socket)), shared_(std::move(shared)) {
  shared_->open_connections.fetch_add(1);
  beast::error_code error;
  const auto endpoint = stream_.socket().remote_endpoint(error);
  remote_address_ = error ? "-" : endpoint.address().to_string();
}

Connection::~Connection() { shared_->open_connections.fetch_sub(1); }

void Connection::Start() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->ReadHeader(self->shared_->options.header_timeout_ms);
  });
}

void Connection::ReadHeader(std::chrono::milliseconds timeout_ms) {
  parser_.emplace();
  parser_->header_limit(shared_->options.header_limit_bytes);
  // No body limit while the header is read (Beast would check Content-Length
  // against it before the target is known); OnHeader applies the target's own.
  parser_->body_limit(boost::none);
  body_limit_bytes_ = shared_->options.body_limit_bytes;
  stream_.expires_after(timeout_ms);
  beast_http::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code error, std::size_t) { self->OnHeader(error); });
}

std::uint64_t Connection::BodyLimitFor(std::string_view target) const {
  const ServerOptions& options = shared_->options;
  const bool upload = !options.upload_path_prefix.empty() &&
                      target.substr(0, options.upload_path_prefix.size()) ==
                          options.upload_path_prefix;
  return upload ? options.upload_body_limit_bytes : options.body_limit_bytes;
}

void Connection::OnHeader(beast::error_code error) {
  if (error) return AnswerReadFailure(error);
  request_start_ = Clock::now();
  if (parser_->is_done()) return Answer();
  const BeastRequest& message = parser_->get();
  body_limit_bytes_ = BodyLimitFor(std::string_view(message.target()));
  const auto length = parser_->content_length();
  if (length && *length > body_limit_bytes_) {
    return AnswerReadFailure(beast_http::error::body_limit);  // before reading any of it
  }
  parser_->body_limit(body_limit_bytes_);  // bounds a chunked body as it arrives
  if (!ExpectsContinue(message)) return ReadBody();
  stream_.expires_after(shared_->options.write_timeout_ms);
  boost::asio::async_write(stream_, boost::asio::buffer(kContinueInterim),
                           [self = shared_from_this()](beast::error_code write_error, std::size_t) {
                             if (write_error) return self->Close();
                             self->ReadBody();
                           });
}

void Connection::ReadBody() {
  stream_.expires_after(shared_->options.body_timeout_ms);
  beast_http::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code body_error, std::size_t) {
        self->OnBody(body_error);
      });
}

void Connection::OnBody(beast::error_code error) {
  if (error) return AnswerReadFailure(error);
  Answer();
}

void Connection::AnswerReadFailure(beast::error_code error) {
  const int status = StatusForReadFailure(error);
  if (status == 0) return Close();
  Response response =
      ErrorResponse(status, ReadFailureError(status, shared_->options, body_limit_bytes_));
  ApplySecurityHeaders(response);
  LogAccess(AccessRecord{"-", "-", status, std::chrono::microseconds{0}, "-"});
  Write(ToBeastResponse(std::move(response), Method::kGet, 11, false), true);
}

void Connection::Answer() {
  BeastRequest& message = parser_->get();
  const bool keep_alive = message.keep_alive() && !shared_->stopping.load();
  const unsigned version = message.version();
  Result<Request> request = ToRequest(message, remote_address_);
  if (!request) {
    Response response = ErrorResponse(request.error());
    ApplySecurityHeaders(response);
    LogAccess(AccessRecord{"-", "-", response.status, std::chrono::microseconds{0}, "-"});
    return Write(ToBeastResponse(std::move(response), Method::kGet, version, false), true);
  }
  request->request_id = NewRequestId();
  Response response = CallHandler(shared_->handler, *request);
  ApplySecurityHeaders(response);
  response.SetHeader("X-Request-Id", request->request_id);
  const auto duration =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - request_start_);
  const std::string logged_path = LoggedPath(*request);
  LogAccess(AccessRecord{MethodName(request->method), logged_path, response.status, duration,
                         request->request_id});
  Write(ToBeastResponse(std::move(response), request->method, version, keep_alive), !keep_alive);
}

void Connection::Write(BeastResponse message, bool close_after) {
  response_ = std::make_shared<BeastResponse>(std::move(message));
  stream_.expires_after(shared_->options.write_timeout_ms);
  beast_http::async_write(stream_, *response_,
                          [self = shared_from_this(), close_after](beast::error_code error,
                                                                   std::size_t) {
                            self->OnWrite(close_after, error);
                          });
}

void Connection::OnWrite(bool close_after, beast::error_code error) {
  response_.reset();
  if (error) return Close();
  if (close_after) return DrainAndClose();
  ReadHeader(shared_->options.keep_alive_idle_ms);
}

void Connection::DrainAndClose() {
  beast::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.expires_after(kDrainTimeout_ms);
  Drain();
}

void Connection::Drain() {
  buffer_.consume(buffer_.size());
  stream_.async_read_some(
      buffer_.prepare(kDrainChunkBytes),
      [self = shared_from_this()](beast::error_code error, std::size_t read_bytes) {
        self->drained_bytes_ += read_bytes;
        if (error || self->drained_bytes_ > kMaxDrainBytes) return self->Close();
        self->Drain();
      });
}

void Connection::Close() {
  beast::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  stream_.close();
}

}  // namespace ansinh::http
