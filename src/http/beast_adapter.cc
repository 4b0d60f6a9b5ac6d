#include "http/beast_adapter.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace ansinh::http {
namespace {

bool HasNul(std::string_view text) { return text.find('\0') != std::string_view::npos; }

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

tl::unexpected<Error> InvalidTarget() {
  return Fail(ErrorKind::kInvalidInput, "http.target_invalid", "Địa chỉ yêu cầu không hợp lệ.");
}

// Fills path, path_segments and query from the request target.
Status ParseTarget(std::string_view target, Request& request) {
  const auto url = boost::urls::parse_origin_form(target);
  if (!url) return InvalidTarget();
  request.path = std::string(url->encoded_path());
  for (const std::string segment : url->segments()) {
    if (HasNul(segment)) return InvalidTarget();
    request.path_segments.push_back(segment);
  }
  for (const auto param : url->params()) {
    if (HasNul(param.key) || HasNul(param.value)) return InvalidTarget();
    request.query.emplace_back(param.key, param.value);
  }
  return {};
}

}  // namespace

Result<Request> ToRequest(BeastRequest& message, std::string remote_address) {
  Request request;
  request.method = ParseMethod(std::string_view(message.method_string()));
  request.remote_address = std::move(remote_address);
  if (auto parsed = ParseTarget(std::string_view(message.target()), request); !parsed) {
    return Fail(parsed.error());
  }
  for (const auto& field : message) {
    request.headers.emplace_back(Lowercase(std::string_view(field.name_string())),
                                 std::string(std::string_view(field.value())));
  }
  request.body = std::move(message.body());
  return request;
}

BeastResponse ToBeastResponse(Response response, Method request_method, unsigned version,
                              bool keep_alive) {
  BeastResponse message;
  message.version(version);
  message.result(static_cast<unsigned>(response.status));
  for (auto& [name, value] : response.headers) message.set(name, std::move(value));
  message.keep_alive(keep_alive);
  if (request_method == Method::kHead) {
    message.content_length(response.body.size());
  } else {
    message.body() = std::move(response.body);
    message.prepare_payload();
  }
  return message;
}

}  // namespace ansinh::http
