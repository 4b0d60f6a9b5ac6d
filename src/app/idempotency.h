// Idempotent writes (DESIGN.md §6): the first answer to a request sent with
// an Idempotency-Key is kept, so a client that retries after a lost answer
// gets that answer again instead of a second change.
//
// A key belongs to one user. The first request reserves it (status 0) before
// it runs, so a concurrent retry is told to wait instead of running twice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct StoredAnswer {
  int status = 0;
  std::string content_type;
  std::string body;
};

// What a request with a key must do.
struct RunIt {};       // the key was free and is now reserved: run, then Complete or Release
struct Replay {        // the same request ran before: answer this
  StoredAnswer answer;
};
struct KeyReused {};   // the key came with a different request: 422
struct InProgress {};  // the first request with this key is still running: 409
using Reservation = std::variant<RunIt, Replay, KeyReused, InProgress>;

inline constexpr std::int64_t kIdempotencyRetention_s = 24 * 60 * 60;

// request_hash: a digest of method, target and body (64 hex characters).
// Also prunes keys older than kIdempotencyRetention_s. Errors: the store's.
Result<Reservation> ReserveIdempotencyKey(store::SqlSession& session, std::int64_t user_id,
                                          const std::string& key, const std::string& request_hash,
                                          std::int64_t now_s);

// Stores the answer to replay. REQUIRES: status in 200..499.
Status CompleteIdempotencyKey(store::SqlSession& session, std::int64_t user_id,
                              const std::string& key, const StoredAnswer& answer);

// Frees the key after a server-side failure, so a retry runs again.
Status ReleaseIdempotencyKey(store::SqlSession& session, std::int64_t user_id,
                             const std::string& key);

}  // namespace ansinh::app
