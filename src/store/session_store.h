// Server-side login sessions, shared by every server process on the database.
//
// Only a hash of the session token is stored (the token itself lives in the
// browser's cookie), so reading this table gives no way to log in.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct SessionRecord {
  std::string token_hash;  // 64 hex characters
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at_s = 0;    // Unix seconds
  std::int64_t last_seen_at_s = 0;  // Unix seconds
  bool second_factor = false;       // verified in this session
  std::string source_address;
};

// Thread safety: as the session it works on (one thread at a time).
class SessionStore {
 public:
  virtual ~SessionStore() = default;

  virtual Status Insert(const SessionRecord& session) = 0;
  virtual Result<std::optional<SessionRecord>> Find(const std::string& token_hash) = 0;
  virtual Status Touch(const std::string& token_hash, std::int64_t now_s) = 0;
  // Return the number of sessions removed.
  virtual Result<std::int64_t> Delete(const std::string& token_hash) = 0;
  virtual Result<std::int64_t> DeleteForUser(std::int64_t user_id) = 0;
  // Sessions idle since before idle_before_s or created before created_before_s.
  virtual Result<std::int64_t> DeleteExpired(std::int64_t idle_before_s,
                                             std::int64_t created_before_s) = 0;
};

// The one implementation, over either dialect. `session` must outlive the store.
std::unique_ptr<SessionStore> MakeSessionStore(SqlSession& session);

}  // namespace ansinh::store
