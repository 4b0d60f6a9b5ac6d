// Black-box: size limits and slow clients. A half-open client holds a socket,
// never a worker thread.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

using Clock = std::chrono::steady_clock;

class LimitsTest : public SharedServerTest<LimitsTest> {
 public:
  // One worker thread: the slow-client test then proves that nothing blocks it.
  static std::vector<std::string> ExtraServeArguments() { return {"--threads", "1"}; }
};

TEST_F(LimitsTest, DeclaredOversizedBodyGives413) {
  auto reply = ParseReply(Exchange(
      server_->port(),
      "POST /api/v1/imports HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(ErrorCode(*reply), "http.body_too_large");
  EXPECT_FALSE(reply->headers["content-security-policy"].empty());
}

TEST_F(LimitsTest, ChunkedBodyOverTheLimitGives413) {
  const std::string chunk(600 * 1024, 'a');
  char size_line[32];
  std::snprintf(size_line, sizeof(size_line), "%zx\r\n", chunk.size());
  const std::string raw = "POST /api/v1/imports HTTP/1.1\r\nHost: x\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n" +
                          std::string(size_line) + chunk + "\r\n" + size_line + chunk +
                          "\r\n0\r\n\r\n";
  auto reply = ParseReply(Exchange(server_->port(), raw));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
}

TEST_F(LimitsTest, BodyWithinTheLimitIsRead) {
  HttpReply reply = Request(server_->port(), "POST", "/api/v1/imports", "",
                                  std::string(100 * 1024, 'b'));
  EXPECT_EQ(reply.status, 404);  // read in full, then no such route
  EXPECT_EQ(ErrorCode(reply), "api.route_not_found");
}

TEST_F(LimitsTest, OversizedHeadersGive431) {
  const HttpReply reply =
      Request(server_->port(), "GET", "/healthz", "X-Big: " + std::string(10 * 1024, 'h') + "\r\n");
  EXPECT_EQ(reply.status, 431);
  EXPECT_EQ(ErrorCode(reply), "http.header_too_large");
}

TEST_F(LimitsTest, HeadersJustUnderTheLimitAreAccepted) {
  const HttpReply reply =
      Request(server_->port(), "GET", "/healthz", "X-Big: " + std::string(6 * 1024, 'h') + "\r\n");
  EXPECT_EQ(reply.status, 200);
}

TEST_F(LimitsTest, MalformedRequestGives400) {
  const auto reply =
      ParseReply(Exchange(server_->port(), "GET /healthz HTTP/1.1\r\nBad Header\r\n\r\n"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
}

TEST_F(LimitsTest, HalfOpenClientsDoNotDelayOthers) {
  std::vector<int> stalled;
  for (int i = 0; i < 8; ++i) {
    const int fd = Connect(server_->port());
    ASSERT_GE(fd, 0);
    const std::string half = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    ASSERT_EQ(write(fd, half.data(), half.size()), static_cast<ssize_t>(half.size()));
    stalled.push_back(fd);
  }
  const std::string body_stall =
      "POST /api/v1/imports HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc";
  const int body_fd = Connect(server_->port());
  ASSERT_GE(body_fd, 0);
  ASSERT_EQ(write(body_fd, body_stall.data(), body_stall.size()),
            static_cast<ssize_t>(body_stall.size()));
  stalled.push_back(body_fd);

  const auto start = Clock::now();
  HttpReply reply = Request(server_->port(), "GET", "/healthz");
  const auto elapsed = Clock::now() - start;
  EXPECT_EQ(reply.status, 200);
  EXPECT_LT(elapsed, std::chrono::seconds(2));
  for (const int fd : stalled) close(fd);
}

}  // namespace
}  // namespace ansinh::http::testing
