// Numbered schema migrations per dialect: db/migrations/<dialect>/NNNN_name.sql.
//
// The runner applies the pending files in order, each in its own transaction
// together with its row in `schema_migrations` (version, name, checksum), so a
// failing migration leaves the database at the previous version. The directory
// is the compile definition ANSINH_MIGRATIONS_DIR, overridden by the environment
// variable of the same name.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/database.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct Migration {
  int version = 0;
  std::string name;      // "reference_data" from 0001_reference_data.sql
  std::string sql;
  std::string checksum;  // FNV-1a 64 of the file, hex; detects edits, not tampering
};

// The migrations directory root (containing sqlite/ and postgres/).
std::filesystem::path MigrationsRoot();

// Reads and orders root/<dialect>/*.sql. Errors: kInternal "migrations.*" for a
// missing directory, a badly named file, a gap or a duplicate version.
Result<std::vector<Migration>> ReadMigrations(const std::filesystem::path& root, Dialect dialect);

// Applies pending migrations; returns how many were applied. Refuses (as
// CheckSchemaCurrent) a database whose applied migrations differ from the files.
Result<int> ApplyMigrations(Database& database);
Result<int> ApplyMigrations(Database& database, const std::filesystem::path& root);

// Start-up check for `ansinh serve`. Errors, all kConflict: "schema.empty",
// "schema.pending", "schema.unknown_version", "schema.checksum_mismatch"; the
// message tells the operator to run `ansinh init` (or to upgrade the binary).
Status CheckSchemaCurrent(Database& database);
Status CheckSchemaCurrent(Database& database, const std::filesystem::path& root);

// Highest applied version on this session; 0 when never initialised.
Result<int> AppliedSchemaVersion(SqlSession& session);

}  // namespace ansinh::store
