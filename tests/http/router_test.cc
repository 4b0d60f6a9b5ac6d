// Router: pattern matching, parameters, 405 with Allow, precedence.
#include "http/router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace ansinh::http {
namespace {

Request MakeRequest(Method method, std::vector<std::string> segments) {
  Request request;
  request.method = method;
  for (const auto& segment : segments) request.path += "/" + segment;
  request.path_segments = std::move(segments);
  return request;
}

Handler Answer(std::string text) {
  return [text](const Request&) {
    Response response;
    response.body = text;
    return response;
  };
}

TEST(RouterTest, MatchesLiteralPath) {
  Router router;
  router.Add(Method::kGet, "/healthz", Answer("health"));
  Request request = MakeRequest(Method::kGet, {"healthz"});
  const auto response = router.Dispatch(request);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "health");
  EXPECT_EQ(request.route_pattern, "/healthz");
}

TEST(RouterTest, UnknownPathIsNotMatched) {
  Router router;
  router.Add(Method::kGet, "/api/v1/beneficiaries", Answer("list"));
  Request request = MakeRequest(Method::kGet, {"api", "v1", "payroll"});
  EXPECT_FALSE(router.Dispatch(request));
  Request longer = MakeRequest(Method::kGet, {"api", "v1", "beneficiaries", "x"});
  EXPECT_FALSE(router.Dispatch(longer));
}

TEST(RouterTest, BindsPlaceholders) {
  Router router;
  router.Add(Method::kGet, "/api/v1/payroll/{unit}/{period}", [](const Request& request) {
    Response response;
    response.body = request.path_params.at("unit") + "|" + request.path_params.at("period");
    return response;
  });
  Request request = MakeRequest(Method::kGet, {"api", "v1", "payroll", "79", "2025-01"});
  const auto response = router.Dispatch(request);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "79|2025-01");
  EXPECT_EQ(request.route_pattern, "/api/v1/payroll/{unit}/{period}");
}

TEST(RouterTest, PlaceholderDoesNotMatchEmptySegment) {
  Router router;
  router.Add(Method::kGet, "/api/v1/beneficiaries/{code}", Answer("one"));
  Request request = MakeRequest(Method::kGet, {"api", "v1", "beneficiaries", ""});
  EXPECT_FALSE(router.Dispatch(request));
}

TEST(RouterTest, LiteralBeatsPlaceholderWhateverTheOrder) {
  Router router;
  router.Add(Method::kGet, "/api/v1/batches/{id}", Answer("by id"));
  router.Add(Method::kGet, "/api/v1/batches/latest", Answer("latest"));
  Request request = MakeRequest(Method::kGet, {"api", "v1", "batches", "latest"});
  EXPECT_EQ(router.Dispatch(request)->body, "latest");
  Request other = MakeRequest(Method::kGet, {"api", "v1", "batches", "42"});
  EXPECT_EQ(router.Dispatch(other)->body, "by id");
}

TEST(RouterTest, WrongMethodGives405WithAllow) {
  Router router;
  router.Add(Method::kGet, "/api/v1/imports", Answer("list"));
  router.Add(Method::kPost, "/api/v1/imports", Answer("create"));
  Request request = MakeRequest(Method::kDelete, {"api", "v1", "imports"});
  const auto response = router.Dispatch(request);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 405);
  EXPECT_EQ(response->Header("Allow").value_or(""), "GET, HEAD, POST");
  const auto body = nlohmann::json::parse(response->body);
  EXPECT_EQ(body["error"]["code"], "http.method_not_allowed");
}

TEST(RouterTest, HeadIsServedByGet) {
  Router router;
  router.Add(Method::kGet, "/healthz", Answer("health"));
  Request request = MakeRequest(Method::kHead, {"healthz"});
  const auto response = router.Dispatch(request);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
}

TEST(RouterTest, MethodsAreParsedCaseSensitively) {
  EXPECT_EQ(ParseMethod("GET"), Method::kGet);
  EXPECT_EQ(ParseMethod("get"), Method::kOther);
  EXPECT_EQ(ParseMethod("BREW"), Method::kOther);
  EXPECT_STREQ(MethodName(Method::kPatch), "PATCH");
}

}  // namespace
}  // namespace ansinh::http
