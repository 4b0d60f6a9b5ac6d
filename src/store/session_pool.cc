#include "store/session_pool.h"

#include <chrono>
#include <utility>

#include "store/migrations.h"

namespace ansinh::store {

SessionLease::SessionLease(std::shared_ptr<SessionPool> pool, std::unique_ptr<SqlSession> session)
    : pool_(std::move(pool)), session_(std::move(session)) {}

SessionLease::SessionLease(SessionLease&& other) noexcept
    : pool_(std::move(other.pool_)), session_(std::move(other.session_)) {}

SessionLease::~SessionLease() {
  if (pool_ && session_) pool_->Release(std::move(session_));
}

SessionPool::SessionPool(SessionFactory factory, DatabaseOptions options)
    : factory_(std::move(factory)), options_(options) {}

Result<SessionLease> SessionPool::Acquire() {
  std::unique_lock lock(mutex_);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.acquire_timeout_ms);
  while (idle_.empty() && open_ >= options_.max_sessions) {
    if (freed_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= options_.max_sessions) {
      return Fail(ErrorKind::kUnavailable, "db.pool_exhausted",
                  "Cơ sở dữ liệu đang bận, không còn kết nối rảnh. Vui lòng thử lại sau.");
    }
  }
  if (!idle_.empty()) {
    auto session = std::move(idle_.back());
    idle_.pop_back();
    return SessionLease(shared_from_this(), std::move(session));
  }
  ++open_;
  lock.unlock();
  // Connecting can take a while; other callers must not wait on the mutex for it.
  auto session = factory_();
  if (!session) {
    std::lock_guard relock(mutex_);
    --open_;
    freed_.notify_one();
    return Fail(std::move(session.error()));
  }
  return SessionLease(shared_from_this(), std::move(*session));
}

void SessionPool::Release(std::unique_ptr<SqlSession> session) {
  const bool reusable = session->IsReusable();
  std::lock_guard lock(mutex_);
  if (reusable) {
    idle_.push_back(std::move(session));
  } else {
    session.reset();
    --open_;
  }
  freed_.notify_one();
}

namespace {

class PooledDatabase : public Database {
 public:
  PooledDatabase(Dialect dialect, std::shared_ptr<SessionPool> pool)
      : dialect_(dialect), pool_(std::move(pool)) {}

  Dialect dialect() const override { return dialect_; }
  Result<SessionLease> Acquire() override { return pool_->Acquire(); }

  Result<int> SchemaVersion() override {
    auto session = pool_->Acquire();
    if (!session) return Fail(std::move(session.error()));
    return AppliedSchemaVersion(**session);
  }

 private:
  Dialect dialect_;
  std::shared_ptr<SessionPool> pool_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPooledDatabase(Dialect dialect, SessionFactory factory,
                                                     const DatabaseOptions& options) {
  auto pool = std::make_shared<SessionPool>(std::move(factory), options);
  auto first = pool->Acquire();  // fail now, not on the first request
  if (!first) return Fail(std::move(first.error()));
  return std::unique_ptr<Database>(new PooledDatabase(dialect, std::move(pool)));
}

}  // namespace ansinh::store
