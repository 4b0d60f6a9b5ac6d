// The TOTP second factor of users: sealed seeds (confirmed and pending) and
// the last accepted step, plus the session flag a verified code sets.
//
// Seeds arrive sealed (app/auth_secrets.h SealSecret); this store never sees
// a plain seed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct TotpState {
  std::optional<std::string> secret_sealed;   // confirmed; none until enrolled
  std::optional<std::string> pending_sealed;  // enrolled, awaiting a first code
  std::int64_t last_step = 0;                 // last accepted TOTP step
};

// Thread safety: as the session it works on (one thread at a time).
class TotpStore {
 public:
  virtual ~TotpStore() = default;

  // Errors: kNotFound "user.not_found".
  virtual Result<TotpState> Find(std::int64_t user_id) = 0;
  // Stores a new pending seed unless a confirmed one exists; false then.
  virtual Result<bool> SetPending(std::int64_t user_id, const std::string& sealed) = 0;
  // Makes the pending seed (which must still be `sealed`) the confirmed one,
  // with `step` as its last accepted step; false when it changed meanwhile.
  virtual Result<bool> Confirm(std::int64_t user_id, const std::string& sealed,
                               std::int64_t step) = 0;
  // Records `step` as used if it is newer than the last accepted one; false
  // when it is not (a replay, possibly by a concurrent request).
  virtual Result<bool> ClaimStep(std::int64_t user_id, std::int64_t step) = 0;
  // Removes both seeds and the step (an administrator's reset).
  virtual Status Reset(std::int64_t user_id) = 0;
  // Marks the login session (by its token hash) as second-factor verified.
  virtual Status MarkSessionVerified(const std::string& token_hash) = 0;
};

// The one implementation, over either dialect. `session` must outlive the store.
std::unique_ptr<TotpStore> MakeTotpStore(SqlSession& session);

}  // namespace ansinh::store
