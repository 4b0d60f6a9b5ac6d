// The connection pool behind every Database, written once for both dialects.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/database.h"
#include "store/sql_session.h"

namespace ansinh::store {

using SessionFactory = std::function<Result<std::unique_ptr<SqlSession>>()>;

// Thread safety: all methods may be called concurrently.
class SessionPool : public std::enable_shared_from_this<SessionPool> {
 public:
  SessionPool(SessionFactory factory, DatabaseOptions options);

  Result<SessionLease> Acquire();
  // Called by SessionLease. A session left in a transaction or with a broken
  // connection is closed rather than handed to the next caller.
  void Release(std::unique_ptr<SqlSession> session);

 private:
  SessionFactory factory_;
  DatabaseOptions options_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<SqlSession>> idle_;  // guarded by mutex_
  int open_ = 0;                                   // guarded by mutex_
};

// Opens a Database over any session factory; opens one session at once.
Result<std::unique_ptr<Database>> OpenPooledDatabase(Dialect dialect, SessionFactory factory,
                                                     const DatabaseOptions& options);

}  // namespace ansinh::store
