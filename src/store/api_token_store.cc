#include "store/api_token_store.h"

#include <utility>

namespace ansinh::store {
namespace {

constexpr const char* kApiTokenSelect =
    "SELECT id, user_id, name, token_hash, token_prefix, created_at, created_by, expires_on, "
    "expires_at_s, revoked_at, last_used_at_s, provider_code FROM api_tokens";

ApiTokenRecord ReadToken(const SqlRows& rows, std::size_t r) {
  return ApiTokenRecord{rows.Int64(r, 0),        rows.Int64(r, 1),         rows.Text(r, 2),
                        rows.Text(r, 3),         rows.Text(r, 4),          rows.Text(r, 5),
                        rows.Text(r, 6),         rows.OptionalText(r, 7),  rows.OptionalInt64(r, 8),
                        rows.OptionalText(r, 9), rows.OptionalInt64(r, 10),
                        rows.OptionalText(r, 11)};
}

class SqlApiTokenStore : public ApiTokenStore {
 public:
  explicit SqlApiTokenStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> Insert(const ApiTokenRecord& t) override {
    auto rows = session_.Query(
        "INSERT INTO api_tokens (user_id, name, token_hash, token_prefix, created_at, created_by, "
        "expires_on, expires_at_s, provider_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
        "RETURNING id",
        {SqlInt(t.user_id), SqlText(t.name), SqlText(t.token_hash), SqlText(t.token_prefix),
         SqlText(t.created_at), SqlText(t.created_by), SqlOptional(t.expires_on),
         SqlOptional(t.expires_at_s), SqlOptional(t.provider_code)});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Result<std::optional<ApiTokenRecord>> FindByHash(const std::string& token_hash) override {
    return FindOne(std::string(kApiTokenSelect) + " WHERE token_hash = ?1", SqlText(token_hash));
  }

  Result<std::optional<ApiTokenRecord>> FindById(std::int64_t id) override {
    return FindOne(std::string(kApiTokenSelect) + " WHERE id = ?1", SqlInt(id));
  }

  Result<std::vector<ApiTokenRecord>> List(std::int64_t after_id, std::int64_t limit) override {
    auto rows = session_.Query(std::string(kApiTokenSelect) + " WHERE id > ?1 ORDER BY id LIMIT ?2",
                               {SqlInt(after_id), SqlInt(limit)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<ApiTokenRecord> tokens;
    for (std::size_t r = 0; r < rows->size(); ++r) tokens.push_back(ReadToken(*rows, r));
    return tokens;
  }

  Result<bool> Revoke(std::int64_t id, const std::string& now) override {
    auto changed = session_.Execute(
        "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
        {SqlInt(id), SqlText(now)});
    if (!changed) return Fail(std::move(changed.error()));
    return *changed == 1;
  }

  Status Touch(std::int64_t id, std::int64_t now_s) override {
    auto changed = session_.Execute("UPDATE api_tokens SET last_used_at_s = ?2 WHERE id = ?1",
                                    {SqlInt(id), SqlInt(now_s)});
    if (!changed) return Fail(std::move(changed.error()));
    return {};
  }

  Result<bool> IsServiceAccount(std::int64_t user_id) override {
    auto rows = session_.Query("SELECT 1 FROM api_tokens WHERE user_id = ?1", {SqlInt(user_id)});
    if (!rows) return Fail(std::move(rows.error()));
    return !rows->empty();
  }

  Result<std::optional<std::string>> ProviderCodeOf(std::int64_t user_id) override {
    auto rows = session_.Query("SELECT provider_code FROM api_tokens WHERE user_id = ?1",
                               {SqlInt(user_id)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<std::string>();
    return rows->OptionalText(0, 0);
  }

 private:
  Result<std::optional<ApiTokenRecord>> FindOne(const std::string& sql, SqlValue key) {
    auto rows = session_.Query(sql, {std::move(key)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<ApiTokenRecord>();
    return std::optional<ApiTokenRecord>(ReadToken(*rows, 0));
  }

  SqlSession& session_;
};

}  // namespace

std::unique_ptr<ApiTokenStore> MakeApiTokenStore(SqlSession& session) {
  return std::make_unique<SqlApiTokenStore>(session);
}

}  // namespace ansinh::store
