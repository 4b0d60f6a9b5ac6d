// Conversion between Beast messages and our Request/Response. Internal to
// http/: only connection.cc includes it.
#pragma once

#include <string>

#include <boost/beast/http.hpp>

#include "core/error.h"
#include "http/message.h"

namespace ansinh::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Moves the body out of message.
// Errors: kInvalidInput ("http.target_invalid") for a target that is not an
// origin-form path ("/a/b?x=1") or that decodes to a NUL byte.
Result<Request> ToRequest(BeastRequest& message, std::string remote_address);

// A response to a HEAD request keeps its Content-Length but carries no body.
BeastResponse ToBeastResponse(Response response, Method request_method, unsigned version,
                              bool keep_alive);

}  // namespace ansinh::http
