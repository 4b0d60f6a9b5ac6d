#include "store/totp_store.h"

#include <utility>

namespace ansinh::store {
namespace {

Result<bool> ChangedOne(Result<std::int64_t> changed) {
  if (!changed) return Fail(std::move(changed.error()));
  return *changed == 1;
}

class SqlTotpStore : public TotpStore {
 public:
  explicit SqlTotpStore(SqlSession& session) : session_(session) {}

  Result<TotpState> Find(std::int64_t user_id) override {
    auto rows = session_.Query(
        "SELECT totp_secret, totp_pending_secret, totp_last_step FROM users WHERE id = ?1",
        {SqlInt(user_id)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) {
      return Fail(ErrorKind::kNotFound, "user.not_found", "Không tìm thấy người dùng.");
    }
    return TotpState{rows->OptionalText(0, 0), rows->OptionalText(0, 1), rows->Int64(0, 2)};
  }

  Result<bool> SetPending(std::int64_t user_id, const std::string& sealed) override {
    return ChangedOne(session_.Execute(
        "UPDATE users SET totp_pending_secret = ?2 WHERE id = ?1 AND totp_secret IS NULL",
        {SqlInt(user_id), SqlText(sealed)}));
  }

  Result<bool> Confirm(std::int64_t user_id, const std::string& sealed,
                       std::int64_t step) override {
    return ChangedOne(session_.Execute(
        "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, "
        "totp_last_step = ?3 WHERE id = ?1 AND totp_pending_secret = ?2 AND totp_secret IS NULL",
        {SqlInt(user_id), SqlText(sealed), SqlInt(step)}));
  }

  Result<bool> ClaimStep(std::int64_t user_id, std::int64_t step) override {
    // One conditional UPDATE: of two requests with the same code, one wins.
    return ChangedOne(session_.Execute(
        "UPDATE users SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2 "
        "AND totp_secret IS NOT NULL",
        {SqlInt(user_id), SqlInt(step)}));
  }

  Status Reset(std::int64_t user_id) override {
    auto changed = session_.Execute(
        "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = 0 "
        "WHERE id = ?1",
        {SqlInt(user_id)});
    if (!changed) return Fail(std::move(changed.error()));
    return {};
  }

  Status MarkSessionVerified(const std::string& token_hash) override {
    auto changed = session_.Execute("UPDATE sessions SET second_factor = 1 WHERE token_hash = ?1",
                                    {SqlText(token_hash)});
    if (!changed) return Fail(std::move(changed.error()));
    return {};
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<TotpStore> MakeTotpStore(SqlSession& session) {
  return std::make_unique<SqlTotpStore>(session);
}

}  // namespace ansinh::store
