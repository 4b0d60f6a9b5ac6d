// The one mapping from the error model to HTTP (DESIGN §6), and the one place
// that builds the JSON error body {"error":{"code","message","details"}}.
#pragma once

#include "core/error.h"
#include "http/message.h"

namespace ansinh::http {

// The HTTP status for an error kind. Defined only in error_status.cc.
int HttpStatusFor(ErrorKind kind);

// The JSON error response for an error, with status HttpStatusFor(error.kind).
// For kInternal the code, message and details are replaced by generic ones so
// that no internal detail (SQL, file paths, exception text) reaches a client.
Response ErrorResponse(const Error& error);

// An error response with an explicit status, for failures found by the server
// itself before any handler runs (431, 413, 400, 404, 405).
Response ErrorResponse(int status, const Error& error);

}  // namespace ansinh::http
