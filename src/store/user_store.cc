#include "store/user_store.h"

#include <utility>

namespace ansinh::store {
namespace {

constexpr const char* kUserSelect =
    "SELECT id, username, role, unit_code, unit_edition, password_hash, active, "
    "must_change_password, failed_logins, locked_until_s, "
    "CASE WHEN totp_secret IS NULL THEN 0 ELSE 1 END, "
    "created_at, updated_at FROM users";

UserRecord ReadUser(const SqlRows& rows, std::size_t r) {
  UserRecord user;
  user.id = rows.Int64(r, 0);
  user.username = rows.Text(r, 1);
  user.role = core::ParseRole(rows.Text(r, 2)).value_or(core::Role::kAuditor);
  user.unit_code = rows.OptionalText(r, 3);
  user.unit_edition = rows.OptionalText(r, 4);
  user.password_hash = rows.Text(r, 5);
  user.active = rows.Int64(r, 6) != 0;
  user.must_change_password = rows.Int64(r, 7) != 0;
  user.failed_logins = rows.Int64(r, 8);
  user.locked_until_s = rows.Int64(r, 9);
  user.second_factor_enrolled = rows.Int64(r, 10) != 0;
  user.created_at = rows.Text(r, 11);
  user.updated_at = rows.Text(r, 12);
  return user;
}

class SqlUserStore : public UserStore {
 public:
  explicit SqlUserStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> Insert(const UserRecord& user) override {
    auto rows = session_.Query(
        "INSERT INTO users (username, role, unit_code, unit_edition, password_hash, active, "
        "must_change_password, failed_logins, locked_until_s, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 0, ?8, ?8) RETURNING id",
        {SqlText(user.username), SqlText(core::RoleName(user.role)), SqlOptional(user.unit_code),
         SqlOptional(user.unit_edition), SqlText(user.password_hash), SqlInt(user.active ? 1 : 0),
         SqlInt(user.must_change_password ? 1 : 0), SqlText(user.created_at)});
    if (!rows) return Fail(std::move(rows.error()));
    const std::int64_t id = rows->Int64(0, 0);
    for (const auto& unit : user.contracted_units) {
      auto inserted = session_.Execute(
          "INSERT INTO user_contracted_units (user_id, unit_code) VALUES (?1, ?2) "
          "ON CONFLICT DO NOTHING",
          {SqlInt(id), SqlText(unit)});
      if (!inserted) return Fail(std::move(inserted.error()));
    }
    return id;
  }

  Result<std::optional<UserRecord>> FindByUsername(const std::string& username) override {
    return FindOne(std::string(kUserSelect) + " WHERE username = ?1", SqlText(username));
  }

  Result<std::optional<UserRecord>> FindById(std::int64_t id) override {
    return FindOne(std::string(kUserSelect) + " WHERE id = ?1", SqlInt(id));
  }

  Result<std::vector<UserRecord>> List(std::int64_t after_id, std::int64_t limit) override {
    auto rows = session_.Query(std::string(kUserSelect) + " WHERE id > ?1 ORDER BY id LIMIT ?2",
                               {SqlInt(after_id), SqlInt(limit)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<UserRecord> users;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      users.push_back(ReadUser(*rows, r));
      if (auto ok = LoadContractedUnits(users.back()); !ok) return Fail(std::move(ok.error()));
    }
    return users;
  }

  Result<std::int64_t> Count() override {
    auto rows = session_.Query("SELECT COUNT(*) FROM users");
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Status SetActive(std::int64_t id, bool active, const std::string& now) override {
    return Changed(session_.Execute("UPDATE users SET active = ?2, updated_at = ?3 WHERE id = ?1",
                                    {SqlInt(id), SqlInt(active ? 1 : 0), SqlText(now)}));
  }

  Status SetPassword(std::int64_t id, const std::string& password_hash, bool must_change,
                     const std::string& now) override {
    return Changed(session_.Execute(
        "UPDATE users SET password_hash = ?2, must_change_password = ?3, failed_logins = 0, "
        "locked_until_s = 0, updated_at = ?4 WHERE id = ?1",
        {SqlInt(id), SqlText(password_hash), SqlInt(must_change ? 1 : 0), SqlText(now)}));
  }

  Result<std::int64_t> IncrementLoginFailures(std::int64_t id) override {
    auto rows = session_.Query(
        "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?1 RETURNING failed_logins",
        {SqlInt(id)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) {
      return Fail(ErrorKind::kNotFound, "user.not_found", "Không tìm thấy người dùng.");
    }
    return rows->Int64(0, 0);
  }

  Status SetLockedUntil(std::int64_t id, std::int64_t locked_until_s) override {
    return Changed(session_.Execute("UPDATE users SET locked_until_s = ?2 WHERE id = ?1",
                                    {SqlInt(id), SqlInt(locked_until_s)}));
  }

  Status ClearLoginFailures(std::int64_t id) override {
    return Changed(session_.Execute(
        "UPDATE users SET failed_logins = 0, locked_until_s = 0 WHERE id = ?1", {SqlInt(id)}));
  }

 private:
  Result<std::optional<UserRecord>> FindOne(const std::string& sql, SqlValue key) {
    auto rows = session_.Query(sql, {std::move(key)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<UserRecord>();
    UserRecord user = ReadUser(*rows, 0);
    if (auto ok = LoadContractedUnits(user); !ok) return Fail(std::move(ok.error()));
    return std::optional<UserRecord>(std::move(user));
  }

  Status LoadContractedUnits(UserRecord& user) {
    auto rows = session_.Query(
        "SELECT unit_code FROM user_contracted_units WHERE user_id = ?1 ORDER BY unit_code",
        {SqlInt(user.id)});
    if (!rows) return Fail(std::move(rows.error()));
    for (std::size_t r = 0; r < rows->size(); ++r) user.contracted_units.push_back(rows->Text(r, 0));
    return {};
  }

  static Status Changed(Result<std::int64_t> changed) {
    if (!changed) return Fail(std::move(changed.error()));
    if (*changed == 0) {
      return Fail(ErrorKind::kNotFound, "user.not_found", "Không tìm thấy người dùng.");
    }
    return {};
  }

  SqlSession& session_;
};

}  // namespace

std::unique_ptr<UserStore> MakeUserStore(SqlSession& session) {
  return std::make_unique<SqlUserStore>(session);
}

}  // namespace ansinh::store
