// Decides who answers a request: a route, the API's 404, or the web UI.
#pragma once

#include "http/message.h"
#include "http/router.h"
#include "http/static_files.h"

namespace ansinh::http {

// Thread safety: immutable after construction; Handle may run on many threads.
class Dispatcher {
 public:
  Dispatcher(Router router, StaticFiles static_files);

  // Routes first; then a JSON 404 for any other /api path; then, for GET and
  // HEAD, the static web UI; any other method on a UI path gets 405.
  Response Handle(Request& request) const;

 private:
  Router router_;
  StaticFiles static_files_;
};

// Headers every response carries, whoever produced it. A response that did not
// choose a Cache-Control (API answers, errors) gets "no-store".
void ApplySecurityHeaders(Response& response);

}  // namespace ansinh::http
