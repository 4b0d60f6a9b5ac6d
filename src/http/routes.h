// The routes of the server: every handler is a thin adapter from Request to a
// use case in app/ and from its Result back to a Response.
#pragma once

#include "http/router.h"
#include "store/database.h"

namespace ansinh::http {

// REQUIRES: database outlives the returned Router and is safe to use from
// several threads at once (store::Database's contract).
Router BuildRouter(store::Database& database);

}  // namespace ansinh::http
