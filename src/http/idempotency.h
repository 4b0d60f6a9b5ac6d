// The Idempotency-Key header on writes (DESIGN.md §6): same key and same
// request → the first answer again (with "Idempotency-Replayed: true"); same
// key and another request → 422; while the first still runs → 409. Requests
// without the header run as they are. Answers of 5xx are not kept, so a retry
// after a server failure runs again.
#pragma once

#include <string>

#include <string>

#include "http/authorization_rule.h"
#include "store/database.h"

namespace ansinh::http {

inline constexpr std::size_t kMaxIdempotencyKey_bytes = 128;

// Thread safety: shared by every server thread. REQUIRES: database outlives it.
class IdempotencyGuard {
 public:
  explicit IdempotencyGuard(store::Database& database) : database_(database) {}

  // The handler behind the key check. Only for routes with a logged-in user.
  AuthorizedHandler Wrap(AuthorizedHandler handler) const;

 private:
  Response Run(const AuthorizedHandler& handler, const Request& request,
               const core::Principal& principal) const;
  // A handler that throws must not leave its key reserved for a day.
  Response RunReleasingOnThrow(const AuthorizedHandler& handler, const Request& request,
                               const core::Principal& principal, const std::string& key) const;

  store::Database& database_;
};

}  // namespace ansinh::http
