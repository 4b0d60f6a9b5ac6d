// The PostgreSQL implementation of SqlSession (libpq). Only this folder
// includes libpq-fe.h.
#pragma once

#include <memory>
#include <string>

#include "store/sql_session.h"

namespace ansinh::store {

// Connects with a libpq URI; sets UTF-8, ISO dates and a statement timeout.
// Errors: kUnavailable "db.unavailable" naming the server's complaint.
Result<std::unique_ptr<SqlSession>> OpenPostgresSession(const std::string& uri);

// Rewrites ?N placeholders to $N outside string literals, quoted identifiers
// and comments. Exposed for tests.
std::string ToDollarPlaceholders(std::string_view sql);

}  // namespace ansinh::store
