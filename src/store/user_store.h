// Users of ansinh: role, scope, password hash and the login-failure counter.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/role.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct UserRecord {
  std::int64_t id = 0;
  std::string username;
  core::Role role = core::Role::kCommuneOfficer;
  std::optional<std::string> unit_code;     // none for a national scope
  std::optional<std::string> unit_edition;  // "pre2025" | "2025", with unit_code
  std::vector<std::string> contracted_units;
  std::string password_hash;
  bool active = true;
  bool must_change_password = false;
  std::int64_t failed_logins = 0;
  std::int64_t locked_until_s = 0;  // Unix seconds; 0 when never locked
  bool second_factor_enrolled = false;
  std::string created_at;
  std::string updated_at;
};

// Thread safety: as the session it works on (one thread at a time).
class UserStore {
 public:
  virtual ~UserStore() = default;

  // Inserts the user (id ignored) and its contracted units; returns the new id.
  // Errors: kConflict "db.unique_violation" when the username is taken.
  virtual Result<std::int64_t> Insert(const UserRecord& user) = 0;
  virtual Result<std::optional<UserRecord>> FindByUsername(const std::string& username) = 0;
  virtual Result<std::optional<UserRecord>> FindById(std::int64_t id) = 0;
  // At most `limit` users with id > after_id, by id.
  virtual Result<std::vector<UserRecord>> List(std::int64_t after_id, std::int64_t limit) = 0;
  virtual Result<std::int64_t> Count() = 0;

  virtual Status SetActive(std::int64_t id, bool active, const std::string& now) = 0;
  // Also clears the failure counter and any lock.
  virtual Status SetPassword(std::int64_t id, const std::string& password_hash,
                             bool must_change, const std::string& now) = 0;
  // Adds one failed login atomically (concurrent failures all count) and
  // returns the new count.
  virtual Result<std::int64_t> IncrementLoginFailures(std::int64_t id) = 0;
  virtual Status SetLockedUntil(std::int64_t id, std::int64_t locked_until_s) = 0;
  virtual Status ClearLoginFailures(std::int64_t id) = 0;
};

// The one implementation, over either dialect. `session` must outlive the store.
std::unique_ptr<UserStore> MakeUserStore(SqlSession& session);

}  // namespace ansinh::store
