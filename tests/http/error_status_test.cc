// HttpStatusFor and the JSON error body: one mapping, no internals leaked.
#include "http/error_status.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/dispatcher.h"

namespace ansinh::http {
namespace {

struct KindStatus {
  ErrorKind kind;
  int status;
};

TEST(HttpStatusForTest, MapsEveryKind) {
  const KindStatus cases[] = {
      {ErrorKind::kInvalidInput, 400}, {ErrorKind::kNotFound, 404},
      {ErrorKind::kConflict, 409},     {ErrorKind::kUnauthenticated, 401},
      {ErrorKind::kForbidden, 403},    {ErrorKind::kLimitExceeded, 413},
      {ErrorKind::kUnavailable, 503},  {ErrorKind::kInternal, 500},
  };
  for (const auto& entry : cases) {
    EXPECT_EQ(HttpStatusFor(entry.kind), entry.status) << ErrorKindName(entry.kind);
  }
}

TEST(ErrorResponseTest, CarriesCodeMessageAndDetails) {
  Error error = MakeError(ErrorKind::kInvalidInput, "citizen_id.province_unknown",
                          "Mã tỉnh trong số CCCD không tồn tại.");
  error.details.push_back(ErrorDetail{3, "citizen_id", "citizen_id.province_unknown", "Sai mã tỉnh."});
  const Response response = ErrorResponse(error);
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.Header("Content-Type").value_or(""), "application/json; charset=utf-8");
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "citizen_id.province_unknown");
  EXPECT_EQ(body["error"]["message"], "Mã tỉnh trong số CCCD không tồn tại.");
  ASSERT_EQ(body["error"]["details"].size(), 1u);
  EXPECT_EQ(body["error"]["details"][0]["row"], 3);
  EXPECT_EQ(body["error"]["details"][0]["field"], "citizen_id");
}

TEST(ErrorResponseTest, InternalErrorsLeakNothing) {
  Error error = MakeError(ErrorKind::kInternal, "sqlite.corrupt", "database disk image at /var/x");
  error.details.push_back(ErrorDetail{0, "sql", "x", "SELECT secret FROM t"});
  const Response response = ErrorResponse(error);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("/var/x"), std::string::npos);
  EXPECT_EQ(response.body.find("SELECT"), std::string::npos);
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "internal");
  EXPECT_TRUE(body["error"]["details"].empty());
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
}

TEST(ErrorResponseTest, ExplicitStatusKeepsTheBody) {
  const Response response =
      ErrorResponse(431, MakeError(ErrorKind::kLimitExceeded, "http.header_too_large", "Quá lớn."));
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["code"], "http.header_too_large");
}

TEST(SecurityHeadersTest, AddsHeadersAndNoStoreByDefault) {
  Response response;
  ApplySecurityHeaders(response);
  EXPECT_EQ(response.Header("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_EQ(response.Header("Referrer-Policy").value_or(""), "no-referrer");
  EXPECT_EQ(response.Header("Cache-Control").value_or(""), "no-store");
  EXPECT_EQ(response.Header("content-security-policy").value_or(""),
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
}

TEST(SecurityHeadersTest, KeepsAChosenCacheControl) {
  Response response;
  response.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
  ApplySecurityHeaders(response);
  EXPECT_EQ(response.Header("Cache-Control").value_or(""), "public, max-age=31536000, immutable");
}

}  // namespace
}  // namespace ansinh::http
