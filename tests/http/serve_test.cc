// Black-box: the real `ansinh serve` on a fresh SQLite database and a fake UI.
#include <gtest/gtest.h>

#include <memory>

#include <nlohmann/json.hpp>

#include "http/shared_server_test.h"

namespace ansinh::http::testing {
namespace {

constexpr const char* kCsp =
    "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

class ServeTest : public SharedServerTest<ServeTest> {
 protected:
  static HttpReply Get(const std::string& target) { return Request(server_->port(), "GET", target); }
};

TEST_F(ServeTest, PrintsListeningUrlOnLoopback) {
  EXPECT_EQ(server_->listening_url(), "http://127.0.0.1:" + std::to_string(server_->port()));
}

TEST_F(ServeTest, HealthzHasTheExactShape) {
  HttpReply reply = Get("/healthz");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.headers["content-type"], "application/json; charset=utf-8");
  const auto body = nlohmann::json::parse(reply.body);
  ASSERT_TRUE(body.is_object());
  EXPECT_EQ(body.size(), 3u);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["db"], "sqlite");
  ASSERT_TRUE(body["schema_version"].is_number_integer());
  EXPECT_GT(body["schema_version"].get<int>(), 0);
}

TEST_F(ServeTest, EveryResponseCarriesSecurityHeaders) {
  for (const char* target : {"/healthz", "/", "/assets/app-abc123.js", "/api/v1/nothing"}) {
    HttpReply reply = Get(target);
    EXPECT_EQ(reply.headers["content-security-policy"], kCsp) << target;
    EXPECT_EQ(reply.headers["x-content-type-options"], "nosniff") << target;
    EXPECT_EQ(reply.headers["referrer-policy"], "no-referrer") << target;
    EXPECT_FALSE(reply.headers["x-request-id"].empty()) << target;
  }
  EXPECT_EQ(Get("/healthz").headers["cache-control"], "no-store");
  EXPECT_EQ(Get("/api/v1/nothing").headers["cache-control"], "no-store");
}

TEST_F(ServeTest, ServesIndexAtRoot) {
  HttpReply reply = Get("/");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(reply.body.find("Trang chủ"), std::string::npos);
  EXPECT_EQ(reply.headers["cache-control"], "no-cache");
}

TEST_F(ServeTest, ServesAssetsWithContentTypeAndLongCache) {
  HttpReply script = Get("/assets/app-abc123.js");
  ASSERT_EQ(script.status, 200);
  EXPECT_EQ(script.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_EQ(script.headers["cache-control"], "public, max-age=31536000, immutable");
  EXPECT_EQ(script.body, "console.log('ansinh');\n");
  EXPECT_EQ(Get("/assets/style-abc123.css").headers["content-type"], "text/css; charset=utf-8");
  EXPECT_EQ(Get("/logo.svg").headers["content-type"], "image/svg+xml");
}

TEST_F(ServeTest, HeadHasLengthButNoBody) {
  const std::string raw = Exchange(server_->port(),
                                   "HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  auto reply = ParseReply(raw);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_NE(reply->headers["content-length"], "0");
  EXPECT_TRUE(reply->body.empty());
}

TEST_F(ServeTest, ClientRoutesFallBackToIndex) {
  HttpReply reply = Get("/chi-tra/ky-2025-01");
  ASSERT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("Trang chủ"), std::string::npos);
  EXPECT_EQ(Get("/assets/missing-123.js").status, 404);
}

TEST_F(ServeTest, PathTraversalNeverLeavesTheWebDir) {
  const char* attempts[] = {
      "/../secret.txt",          "/assets/../../secret.txt", "/%2e%2e/secret.txt",
      "/%2E%2E/secret.txt",      "/assets/%2e%2e/%2e%2e/secret.txt",
      "/..%2fsecret.txt",        "/%2e%2e%2fsecret.txt",     "/assets/..%5c..%5csecret.txt",
      "//etc/passwd",            "/%00index.html",           "/index.html%00.js",
      "/./secret.txt",           "/assets/./../../secret.txt",
  };
  for (const char* target : attempts) {
    HttpReply reply = Get(target);
    EXPECT_EQ(reply.body.find("TOP-SECRET"), std::string::npos) << target;
    EXPECT_EQ(reply.body.find("root:"), std::string::npos) << target;
    EXPECT_TRUE(reply.status == 400 || reply.status == 404) << target << " → " << reply.status;
  }
}

TEST_F(ServeTest, AbsoluteFormTargetIsRefused) {
  HttpReply reply = Get("http://127.0.0.1/etc/passwd");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.body.find("root:"), std::string::npos);
}

TEST_F(ServeTest, UnknownApiPathGivesJson404) {
  HttpReply reply = Get("/api/v1/khong-ton-tai?page=1");
  ASSERT_EQ(reply.status, 404);
  EXPECT_EQ(reply.headers["content-type"], "application/json; charset=utf-8");
  const auto body = nlohmann::json::parse(reply.body);
  EXPECT_EQ(body["error"]["code"], "api.route_not_found");
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
  EXPECT_TRUE(body["error"]["details"].is_array());
}

TEST_F(ServeTest, WrongMethodOnKnownPathGives405WithAllow) {
  HttpReply reply = Request(server_->port(), "POST", "/healthz", "", "{}");
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.headers["allow"], "GET, HEAD");
  EXPECT_EQ(nlohmann::json::parse(reply.body)["error"]["code"], "http.method_not_allowed");
}

TEST_F(ServeTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  const std::string one = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string last = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::string raw = Exchange(server_->port(), one + one + last);
  std::size_t count = 0;
  for (auto at = raw.find("HTTP/1.1 200"); at != std::string::npos;
       at = raw.find("HTTP/1.1 200", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 3u);
}

}  // namespace
}  // namespace ansinh::http::testing
