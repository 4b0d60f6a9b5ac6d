// The SQLite implementation of SqlSession (sqlite3 C API). Only this folder
// includes sqlite3.h.
#pragma once

#include <memory>
#include <string>

#include "store/sql_session.h"

namespace ansinh::store {

// Opens (creating if missing) the database file with WAL journaling, foreign
// keys on and a busy timeout, so concurrent writers wait instead of failing.
// Errors: kUnavailable "db.unavailable" when the file cannot be opened.
Result<std::unique_ptr<SqlSession>> OpenSqliteSession(const std::string& path);

}  // namespace ansinh::store
