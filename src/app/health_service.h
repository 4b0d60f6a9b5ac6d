// Use case: is this server able to serve? Answers /healthz and nothing else.
#pragma once

#include <string>

#include "core/error.h"
#include "store/database.h"

namespace ansinh::app {

struct Health {
  std::string dialect_name;  // "sqlite" or "postgresql" (store::DialectName)
  int schema_version = 0;    // highest migration applied
};

// Asks the database for its schema version, which proves it answers queries.
// Errors: kUnavailable ("health.database_unavailable") when the database does
// not answer, with the store's error code (never its message) as the detail.
Result<Health> CheckHealth(store::Database& database);

}  // namespace ansinh::app
