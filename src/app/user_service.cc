#include "app/user_service.h"

#include <utility>

#include "app/auth_secrets.h"
#include "core/password_policy.h"
#include "store/admin_unit_store.h"
#include "store/session_store.h"

namespace ansinh::app {
namespace {

using formats::AdminEdition;
using formats::AdminLevel;
using core::Role;

constexpr std::size_t kMinUsername = 3;
constexpr std::size_t kMaxUsername = 64;

Status CheckUsername(const std::string& username) {
  bool valid = username.size() >= kMinUsername && username.size() <= kMaxUsername;
  for (const char c : username) {
    valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                      c == '-');
  }
  if (valid) return {};
  return Fail(ErrorKind::kInvalidInput, "user.username_invalid",
              "Tên đăng nhập phải dài 3–64 ký tự, chỉ gồm chữ thường không dấu, số, '.', '_', '-'.");
}

// The levels a role's unit may have: a district office is a district before
// the 2025 reform and a province (or commune cluster) after it.
std::vector<AdminLevel> AllowedLevels(Role role) {
  switch (role) {
    case Role::kCommuneOfficer: return {AdminLevel::kCommune};
    case Role::kDistrictOfficer: return {AdminLevel::kDistrict, AdminLevel::kProvince};
    case Role::kProvinceOfficer: return {AdminLevel::kProvince};
    case Role::kPoliceVerifier: return {AdminLevel::kCommune, AdminLevel::kDistrict};
    case Role::kTreasuryOfficer: return {AdminLevel::kDistrict, AdminLevel::kProvince};
    default: return {AdminLevel::kProvince, AdminLevel::kDistrict, AdminLevel::kCommune};
  }
}

// The edition in which code names a unit of an allowed level, or an error.
Result<std::string> ResolveUnit(store::SqlSession& session, Role role, const std::string& code,
                                const std::optional<std::string>& edition) {
  auto units = store::MakeAdminUnitStore(session);
  for (const AdminEdition candidate : {AdminEdition::kPre2025, AdminEdition::k2025}) {
    const std::string name = formats::AdminEditionName(candidate);
    if (edition && *edition != name) continue;
    for (const AdminLevel level : AllowedLevels(role)) {
      auto found = units->Find(candidate, level, code);
      if (!found) return Fail(std::move(found.error()));
      if (*found) return name;
    }
  }
  return Fail(ErrorKind::kInvalidInput, "user.unit_unknown",
              "Không có đơn vị hành chính mã " + code + " phù hợp với vai trò " +
                  core::RoleDisplayName(role) + ".");
}

Status CheckScope(store::SqlSession& session, NewUser& user) {
  if (!user.unit_code) {
    if (core::RoleHasNationalScope(user.role)) return {};
    return Fail(ErrorKind::kInvalidInput, "user.unit_required",
                std::string("Vai trò ") + core::RoleDisplayName(user.role) +
                    " cần mã đơn vị hành chính (--unit).");
  }
  if (!user.contracted_units.empty() && user.role != Role::kProviderOperator) {
    return Fail(ErrorKind::kInvalidInput, "user.unit_not_allowed",
                "Chỉ nhân viên tổ chức chi trả mới có địa bàn hợp đồng.");
  }
  auto edition = ResolveUnit(session, user.role, *user.unit_code, user.unit_edition);
  if (!edition) return Fail(std::move(edition.error()));
  user.unit_edition = *edition;
  for (const auto& unit : user.contracted_units) {
    if (auto ok = ResolveUnit(session, user.role, unit, edition.value()); !ok) {
      return Fail(std::move(ok.error()));
    }
  }
  return {};
}

Result<store::UserRecord> FindExisting(store::SqlSession& session, const std::string& username) {
  auto user = store::MakeUserStore(session)->FindByUsername(username);
  if (!user) return Fail(std::move(user.error()));
  if (!*user) {
    return Fail(ErrorKind::kNotFound, "user.not_found",
                "Không có người dùng «" + username + "».");
  }
  return std::move(**user);
}

// Runs change(session) and its audit entry in one transaction.
template <class Change>
Status InTransaction(store::Database& database, Change change) {
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto transaction = store::Transaction::Begin(**session);
  if (!transaction) return Fail(std::move(transaction.error()));
  if (auto ok = change(**session); !ok) return ok;
  return transaction->Commit();
}

Result<std::int64_t> InsertUser(store::SqlSession& session, const NewUser& user,
                                const std::string& password_hash) {
  store::UserRecord record;
  record.username = user.username;
  record.role = user.role;
  record.unit_code = user.unit_code;
  record.unit_edition = user.unit_code ? user.unit_edition : std::nullopt;
  record.contracted_units = user.contracted_units;
  record.password_hash = password_hash;
  record.must_change_password = user.must_change_password;
  record.created_at = UtcTimestamp(NowUnixSeconds());
  auto id = store::MakeUserStore(session)->Insert(record);
  if (!id && id.error().code == "db.unique_violation") {
    return Fail(ErrorKind::kConflict, "user.exists",
                "Tên đăng nhập «" + user.username + "» đã có.");
  }
  return id;
}

}  // namespace

Result<store::UserRecord> AddUser(store::Database& database, const NewUser& request,
                                  const AuditActor& actor) {
  NewUser user = request;
  if (auto ok = CheckUsername(user.username); !ok) return Fail(std::move(ok.error()));
  if (auto ok = core::CheckPassword(user.password, user.username); !ok) {
    return Fail(std::move(ok.error()));
  }
  auto password_hash = HashPassword(user.password);
  if (!password_hash) return Fail(std::move(password_hash.error()));
  std::optional<store::UserRecord> added;
  auto done = InTransaction(database, [&](store::SqlSession& session) -> Status {
    if (auto ok = CheckScope(session, user); !ok) return ok;
    auto id = InsertUser(session, user, *password_hash);
    if (!id) return Fail(std::move(id.error()));
    auto found = store::MakeUserStore(session)->FindById(*id);
    if (!found) return Fail(std::move(found.error()));
    added = std::move(**found);
    return AppendAudit(session, actor,
                       AuditEvent{"user.add", "success", "user", user.username, std::nullopt,
                                  UserToJson(*added)});
  });
  if (!done) return Fail(std::move(done.error()));
  return std::move(*added);
}

Status DisableUser(store::Database& database, const std::string& username,
                   const AuditActor& actor) {
  return InTransaction(database, [&](store::SqlSession& session) -> Status {
    auto user = FindExisting(session, username);
    if (!user) return Fail(std::move(user.error()));
    const std::string now = UtcTimestamp(NowUnixSeconds());
    if (auto ok = store::MakeUserStore(session)->SetActive(user->id, false, now); !ok) return ok;
    auto ended = store::MakeSessionStore(session)->DeleteForUser(user->id);
    if (!ended) return Fail(std::move(ended.error()));
    return AppendAudit(session, actor,
                       AuditEvent{"user.disable", "success", "user", username,
                                  nlohmann::json{{"active", user->active}},
                                  nlohmann::json{{"active", false}}});
  });
}

Status ResetPassword(store::Database& database, const std::string& username,
                     const std::string& password, bool must_change, const AuditActor& actor) {
  if (auto ok = core::CheckPassword(password, username); !ok) return ok;
  auto password_hash = HashPassword(password);
  if (!password_hash) return Fail(std::move(password_hash.error()));
  return InTransaction(database, [&](store::SqlSession& session) -> Status {
    auto user = FindExisting(session, username);
    if (!user) return Fail(std::move(user.error()));
    auto users = store::MakeUserStore(session);
    const std::string now = UtcTimestamp(NowUnixSeconds());
    if (auto ok = users->SetPassword(user->id, *password_hash, must_change, now); !ok) return ok;
    if (auto ok = users->SetActive(user->id, true, now); !ok) return ok;
    auto ended = store::MakeSessionStore(session)->DeleteForUser(user->id);
    if (!ended) return Fail(std::move(ended.error()));
    return AppendAudit(
        session, actor,
        AuditEvent{"user.reset_password", "success", "user", username,
                   nlohmann::json{{"active", user->active}, {"failed_logins", user->failed_logins}},
                   nlohmann::json{{"active", true}, {"failed_logins", 0},
                                  {"must_change_password", must_change}}});
  });
}

Result<std::vector<store::UserRecord>> ListUsers(store::Database& database, std::int64_t after_id,
                                                 std::int64_t limit) {
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  const std::int64_t capped = std::clamp<std::int64_t>(limit, 1, kMaxUsersListed);
  return store::MakeUserStore(**session)->List(after_id, capped);
}

Result<std::optional<std::string>> EnsureFirstAdministrator(store::SqlSession& session) {
  auto count = store::MakeUserStore(session)->Count();
  if (!count) return Fail(std::move(count.error()));
  if (*count > 0) return std::optional<std::string>();
  const std::string password = GenerateOneTimePassword();
  auto password_hash = HashPassword(password);
  if (!password_hash) return Fail(std::move(password_hash.error()));
  NewUser admin{kFirstAdministrator, Role::kAdmin, std::nullopt, std::nullopt, {}, password, true};
  auto id = InsertUser(session, admin, *password_hash);
  if (!id) return Fail(std::move(id.error()));
  AuditActor system{std::nullopt, "system", "cli", ""};
  auto audited = AppendAudit(session, system,
                             AuditEvent{"user.add", "success", "user", kFirstAdministrator,
                                        std::nullopt,
                                        nlohmann::json{{"role", "admin"}, {"first", true}}});
  if (!audited) return Fail(std::move(audited.error()));
  return std::optional<std::string>(password);
}

nlohmann::json UserToJson(const store::UserRecord& user) {
  nlohmann::json json{{"id", user.id},
                      {"username", user.username},
                      {"role", core::RoleName(user.role)},
                      {"unit", user.unit_code ? nlohmann::json(*user.unit_code) : nullptr},
                      {"unit_edition",
                       user.unit_edition ? nlohmann::json(*user.unit_edition) : nullptr},
                      {"active", user.active},
                      {"must_change_password", user.must_change_password},
                      {"second_factor_enrolled", user.second_factor_enrolled},
                      {"locked", user.locked_until_s > NowUnixSeconds()},
                      {"created_at", user.created_at}};
  if (!user.contracted_units.empty()) json["contracted_units"] = user.contracted_units;
  return json;
}

}  // namespace ansinh::app
