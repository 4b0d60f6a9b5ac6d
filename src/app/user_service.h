// Use cases on users: add, disable, reset a password, list, and the first
// administrator created by `ansinh init`. Every change is audited in the same
// transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "core/error.h"
#include "core/role.h"
#include "store/database.h"
#include "store/user_store.h"

namespace ansinh::app {

struct NewUser {
  std::string username;  // 3..64 of a-z 0-9 . _ -
  core::Role role = core::Role::kCommuneOfficer;
  // Required unless the role has a national scope. Without an edition, the
  // pre-2025 unit of that code is taken if there is one, else the 2025 one.
  std::optional<std::string> unit_code;
  std::optional<std::string> unit_edition;
  std::vector<std::string> contracted_units;  // provider operators only
  std::string password;                       // checked against core::CheckPassword
  bool must_change_password = false;
};

inline constexpr std::int64_t kMaxUsersListed = 1000;

// Errors: kInvalidInput "user.username_invalid", "user.unit_required",
// "user.unit_not_allowed", "user.unit_unknown", "password.*"; kConflict
// "user.exists"; those of the store.
Result<store::UserRecord> AddUser(store::Database& database, const NewUser& user,
                                  const AuditActor& actor);

// Disables the user and ends its sessions. Errors: kNotFound "user.not_found".
Status DisableUser(store::Database& database, const std::string& username,
                   const AuditActor& actor);

// Sets a new password (checked by the policy), re-enables the user, clears any
// lockout and ends its sessions.
Status ResetPassword(store::Database& database, const std::string& username,
                     const std::string& password, bool must_change, const AuditActor& actor);

// At most limit (capped at kMaxUsersListed) users with id > after_id.
Result<std::vector<store::UserRecord>> ListUsers(store::Database& database, std::int64_t after_id,
                                                 std::int64_t limit);

// Creates the administrator "admin" with a one-time password when the
// database has no user at all; returns that password, or none when users
// exist. REQUIRES: a transaction is open on session.
Result<std::optional<std::string>> EnsureFirstAdministrator(store::SqlSession& session);

inline constexpr const char* kFirstAdministrator = "admin";

// A user for JSON output: never the password hash.
nlohmann::json UserToJson(const store::UserRecord& user);

}  // namespace ansinh::app
