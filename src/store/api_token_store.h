// API tokens of machine partners (providers, banks). Each token acts as its
// own service account (a users row); only a hash of the token is stored.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct ApiTokenRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;  // the service account "api.<name>"
  std::string name;
  std::string token_hash;    // BLAKE2b-256 hex of the token
  std::string token_prefix;  // "ans_" and a few characters, for lists
  std::string created_at;
  std::string created_by;
  std::optional<std::string> expires_on;  // YYYY-MM-DD, last valid day
  std::optional<std::int64_t> expires_at_s;
  std::optional<std::string> revoked_at;
  std::optional<std::int64_t> last_used_at_s;
  // The payer the token speaks for on the partner API (the batches'
  // provider_code); none: not a payment partner.
  std::optional<std::string> provider_code;
};

// Thread safety: as the session it works on (one thread at a time).
class ApiTokenStore {
 public:
  virtual ~ApiTokenStore() = default;

  // Returns the new id. Errors: kConflict "db.unique_violation" (name or hash taken).
  virtual Result<std::int64_t> Insert(const ApiTokenRecord& token) = 0;
  virtual Result<std::optional<ApiTokenRecord>> FindByHash(const std::string& token_hash) = 0;
  virtual Result<std::optional<ApiTokenRecord>> FindById(std::int64_t id) = 0;
  // At most `limit` tokens with id > after_id, by id.
  virtual Result<std::vector<ApiTokenRecord>> List(std::int64_t after_id, std::int64_t limit) = 0;
  // False when the token does not exist or was already revoked.
  virtual Result<bool> Revoke(std::int64_t id, const std::string& now) = 0;
  virtual Status Touch(std::int64_t id, std::int64_t now_s) = 0;
  // True when the user is the service account of a token (it never logs in
  // with a password).
  virtual Result<bool> IsServiceAccount(std::int64_t user_id) = 0;
  // The provider code of the token whose service account is `user_id`; none
  // for a person or a token without one.
  virtual Result<std::optional<std::string>> ProviderCodeOf(std::int64_t user_id) = 0;
};

// The one implementation, over either dialect. `session` must outlive the store.
std::unique_ptr<ApiTokenStore> MakeApiTokenStore(SqlSession& session);

}  // namespace ansinh::store
