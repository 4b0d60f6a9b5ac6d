#include "app/api_token_service.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <utility>

#include "app/auth_secrets.h"
#include "app/auth_service.h"
#include "app/user_service.h"
#include "store/user_store.h"

namespace ansinh::app {
namespace {

constexpr std::size_t kApiTokenBytes = 32;
constexpr std::size_t kMinName = 3;
constexpr std::size_t kMaxName = 60;
constexpr std::size_t kShownPrefix = 8;  // "ans_" and 4 characters
constexpr std::int64_t kVietnamOffset_s = 7 * 60 * 60;
constexpr std::int64_t kDay_s = 24 * 60 * 60;

tl::unexpected<Error> TokenInvalid() {
  return Fail(ErrorKind::kUnauthenticated, "auth.token_invalid",
              "Mã API không hợp lệ, đã bị thu hồi hoặc đã hết hạn.");
}

Status CheckName(const std::string& name) {
  bool valid = name.size() >= kMinName && name.size() <= kMaxName;
  for (const char c : name) {
    valid = valid &&
            ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-');
  }
  if (valid) return {};
  return Fail(ErrorKind::kInvalidInput, "api_token.name_invalid",
              "Tên mã API phải dài 3–60 ký tự, chỉ gồm chữ thường không dấu, số, '.', '_', '-'.");
}

Result<std::optional<std::int64_t>> CheckExpiry(const std::optional<std::string>& expires_on,
                                                std::int64_t now_s) {
  if (!expires_on) return std::optional<std::int64_t>();
  const auto expiry_s = ApiTokenExpiry(*expires_on);
  if (!expiry_s || *expiry_s <= now_s) {
    return Fail(ErrorKind::kInvalidInput, "api_token.expiry_invalid",
                "Ngày hết hạn phải có dạng YYYY-MM-DD và chưa qua: " + *expires_on);
  }
  return expiry_s;
}

Status CheckProvider(const NewApiToken& token) {
  if (!token.provider_code) return {};
  const std::string& code = *token.provider_code;
  bool valid = !code.empty() && code.size() <= 12 && token.role == core::Role::kProviderOperator;
  for (const char c : code) valid = valid && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  if (valid) return {};
  return Fail(ErrorKind::kInvalidInput, "api_token.provider_invalid",
              "Mã tổ chức chi trả phải gồm 1–12 chữ in hoa hoặc số (ví dụ VNPOST) và chỉ dùng "
              "cho vai trò provider_operator: " +
                  code);
}

bool IsTokenShaped(std::string_view token) {
  if (!token.starts_with(kApiTokenPrefix) || token.size() > 128) return false;
  for (const char c : token.substr(kApiTokenPrefix.size())) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// The service account of a token: a user with the token's role and scope and
// a random password that is thrown away.
Result<store::UserRecord> AddServiceAccount(store::Database& database, const NewApiToken& token,
                                            const AuditActor& actor) {
  NewUser user{std::string(kServiceAccountPrefix) + token.name,
               token.role,
               token.unit_code,
               token.unit_edition,
               token.contracted_units,
               GenerateOneTimePassword(),
               false};
  auto added = AddUser(database, user, actor);
  if (!added && added.error().code == "user.exists") {
    return Fail(ErrorKind::kConflict, "api_token.exists",
                "Đã có mã API (hoặc người dùng) tên «" + token.name + "».");
  }
  return added;
}

Result<store::ApiTokenRecord> InsertToken(store::Database& database, store::ApiTokenRecord record,
                                          const AuditActor& actor) {
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto transaction = store::Transaction::Begin(**session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto id = store::MakeApiTokenStore(**session)->Insert(record);
  if (!id) return Fail(std::move(id.error()));
  record.id = *id;
  auto audited =
      AppendAudit(**session, actor,
                  AuditEvent{"api_token.create", "success", "api_token", std::to_string(record.id),
                             std::nullopt, ApiTokenToJson(record)});
  if (!audited) return Fail(std::move(audited.error()));
  if (auto ok = transaction->Commit(); !ok) return Fail(std::move(ok.error()));
  return record;
}

}  // namespace

std::optional<std::int64_t> ApiTokenExpiry(std::string_view expires_on) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  char tail = '\0';
  const std::string text(expires_on);
  if (text.size() != 10 ||
      std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &tail) != 3) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  if (!date.ok() || year < 2000 || year > 2199) return std::nullopt;
  const auto days = std::chrono::sys_days(date).time_since_epoch().count();
  return static_cast<std::int64_t>(days) * kDay_s + kDay_s - kVietnamOffset_s;
}

Result<CreatedApiToken> CreateApiToken(store::Database& database, const NewApiToken& token,
                                       const AuditActor& actor, std::int64_t now_s) {
  if (auto ok = CheckName(token.name); !ok) return Fail(std::move(ok.error()));
  if (auto ok = CheckProvider(token); !ok) return Fail(std::move(ok.error()));
  auto expiry_s = CheckExpiry(token.expires_on, now_s);
  if (!expiry_s) return Fail(std::move(expiry_s.error()));
  auto user = AddServiceAccount(database, token, actor);
  if (!user) return Fail(std::move(user.error()));
  CreatedApiToken created;
  created.token = std::string(kApiTokenPrefix) + RandomBase64Url(kApiTokenBytes);
  store::ApiTokenRecord& record = created.record;
  record.user_id = user->id;
  record.name = token.name;
  record.token_hash = HashToken(created.token);
  record.token_prefix = created.token.substr(0, kShownPrefix);
  record.created_at = UtcTimestamp(now_s);
  record.created_by = actor.name;
  record.expires_on = token.expires_on;
  record.expires_at_s = *expiry_s;
  record.provider_code = token.provider_code;
  auto inserted = InsertToken(database, record, actor);
  if (!inserted) {
    // Leave no usable account behind a token that was never issued.
    (void)DisableUser(database, user->username, actor);
    return Fail(std::move(inserted.error()));
  }
  record = std::move(*inserted);
  return created;
}

Status RevokeApiToken(store::Database& database, std::int64_t id, const AuditActor& actor) {
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto transaction = store::Transaction::Begin(**session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto tokens = store::MakeApiTokenStore(**session);
  auto token = tokens->FindById(id);
  if (!token) return Fail(std::move(token.error()));
  if (!*token) {
    return Fail(ErrorKind::kNotFound, "api_token.not_found",
                "Không có mã API số " + std::to_string(id) + ".");
  }
  const std::string now = UtcTimestamp(NowUnixSeconds());
  auto revoked = tokens->Revoke(id, now);
  if (!revoked) return Fail(std::move(revoked.error()));
  if (!*revoked) {
    return Fail(ErrorKind::kConflict, "api_token.revoked", "Mã API này đã bị thu hồi trước đó.");
  }
  Status steps[] = {
      store::MakeUserStore(**session)->SetActive((*token)->user_id, false, now),
      AppendAudit(**session, actor,
                  AuditEvent{"api_token.revoke", "success", "api_token", std::to_string(id),
                             nlohmann::json{{"revoked", false}},
                             nlohmann::json{{"revoked", true}, {"name", (*token)->name}}}),
  };
  for (auto& done : steps) {
    if (!done) return done;
  }
  return transaction->Commit();
}

Result<std::vector<ApiTokenListing>> ListApiTokens(store::Database& database, std::int64_t after_id,
                                                   std::int64_t limit) {
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto tokens = store::MakeApiTokenStore(**session)->List(
      after_id, std::clamp<std::int64_t>(limit, 1, kMaxApiTokensListed));
  if (!tokens) return Fail(std::move(tokens.error()));
  auto users = store::MakeUserStore(**session);
  std::vector<ApiTokenListing> listing;
  for (auto& token : *tokens) {
    auto account = users->FindById(token.user_id);
    if (!account) return Fail(std::move(account.error()));
    if (!*account) continue;  // unreachable: the foreign key keeps the account
    listing.push_back(ApiTokenListing{std::move(token), std::move(**account)});
  }
  return listing;
}

Result<core::Principal> AuthenticateApiToken(store::Database& database, std::string_view token,
                                             std::int64_t now_s) {
  if (!IsTokenShaped(token)) return TokenInvalid();
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto tokens = store::MakeApiTokenStore(**session);
  const std::string hash = HashToken(token);
  auto record = tokens->FindByHash(hash);
  if (!record) return Fail(std::move(record.error()));
  if (!*record || !ConstantTimeEquals((*record)->token_hash, hash) || (*record)->revoked_at ||
      ((*record)->expires_at_s && *(*record)->expires_at_s <= now_s)) {
    return TokenInvalid();
  }
  auto user = store::MakeUserStore(**session)->FindById((*record)->user_id);
  if (!user) return Fail(std::move(user.error()));
  if (!*user || !(*user)->active) return TokenInvalid();
  if ((*record)->last_used_at_s != now_s) {
    if (auto ok = tokens->Touch((*record)->id, now_s); !ok) return Fail(std::move(ok.error()));
  }
  return PrincipalOf(**user, false);
}

nlohmann::json ApiTokenToJson(const store::ApiTokenRecord& token,
                              const store::UserRecord* account) {
  const auto optional = [](const auto& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  nlohmann::json json{
      {"id", token.id},
      {"name", token.name},
      {"account", std::string(kServiceAccountPrefix) + token.name},
      {"token_prefix", token.token_prefix},
      {"created_at", token.created_at},
      {"created_by", token.created_by},
      {"expires_on", optional(token.expires_on)},
      {"provider", optional(token.provider_code)},
      {"revoked_at", optional(token.revoked_at)},
      {"last_used_at", token.last_used_at_s ? nlohmann::json(UtcTimestamp(*token.last_used_at_s))
                                            : nlohmann::json(nullptr)},
  };
  if (account != nullptr) {
    json["role"] = core::RoleName(account->role);
    json["unit"] = optional(account->unit_code);
    json["unit_edition"] = optional(account->unit_edition);
    json["contracted_units"] = account->contracted_units;
    json["active"] = account->active;
  }
  return json;
}

}  // namespace ansinh::app
