#include "store/session_store.h"

#include <utility>

namespace ansinh::store {
namespace {

Status Done(Result<std::int64_t> changed) {
  if (!changed) return Fail(std::move(changed.error()));
  return {};
}

class SqlSessionStore : public SessionStore {
 public:
  explicit SqlSessionStore(SqlSession& session) : session_(session) {}

  Status Insert(const SessionRecord& s) override {
    return Done(session_.Execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at_s, last_seen_at_s, "
        "second_factor, source_address) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        {SqlText(s.token_hash), SqlInt(s.user_id), SqlText(s.csrf_token), SqlInt(s.created_at_s),
         SqlInt(s.last_seen_at_s), SqlInt(s.second_factor ? 1 : 0), SqlText(s.source_address)}));
  }

  Result<std::optional<SessionRecord>> Find(const std::string& token_hash) override {
    auto rows = session_.Query(
        "SELECT token_hash, user_id, csrf_token, created_at_s, last_seen_at_s, second_factor, "
        "source_address FROM sessions WHERE token_hash = ?1",
        {SqlText(token_hash)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<SessionRecord>();
    return std::optional<SessionRecord>(SessionRecord{
        rows->Text(0, 0), rows->Int64(0, 1), rows->Text(0, 2), rows->Int64(0, 3),
        rows->Int64(0, 4), rows->Int64(0, 5) != 0, rows->Text(0, 6)});
  }

  Status Touch(const std::string& token_hash, std::int64_t now_s) override {
    return Done(session_.Execute("UPDATE sessions SET last_seen_at_s = ?2 WHERE token_hash = ?1",
                                 {SqlText(token_hash), SqlInt(now_s)}));
  }

  Result<std::int64_t> Delete(const std::string& token_hash) override {
    return session_.Execute("DELETE FROM sessions WHERE token_hash = ?1", {SqlText(token_hash)});
  }

  Result<std::int64_t> DeleteForUser(std::int64_t user_id) override {
    return session_.Execute("DELETE FROM sessions WHERE user_id = ?1", {SqlInt(user_id)});
  }

  Result<std::int64_t> DeleteExpired(std::int64_t idle_before_s,
                                     std::int64_t created_before_s) override {
    return session_.Execute(
        "DELETE FROM sessions WHERE last_seen_at_s < ?1 OR created_at_s < ?2",
        {SqlInt(idle_before_s), SqlInt(created_before_s)});
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<SessionStore> MakeSessionStore(SqlSession& session) {
  return std::make_unique<SqlSessionStore>(session);
}

}  // namespace ansinh::store
