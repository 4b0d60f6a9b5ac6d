// API tokens for machine partners (providers, banks): created and revoked
// from the console, presented as `Authorization: Bearer ans_…`.
//
// A token is 32 random bytes, base64url, prefixed "ans_" so that secret
// scanners and people recognise it; it is shown once at creation and only its
// BLAKE2b hash is stored. Each token acts as its own service account
// "api.<name>" (a users row with the token's role and scope, and a random
// password nobody knows), so scope checks, audit entries and idempotency keys
// treat it like a person; the account never logs in with a password. A token
// never carries a second factor, so it cannot approve, settle or manage users.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/audit_log.h"
#include "core/error.h"
#include "core/permission.h"
#include "core/role.h"
#include "store/api_token_store.h"
#include "store/database.h"
#include "store/user_store.h"

namespace ansinh::app {

inline constexpr std::string_view kApiTokenPrefix = "ans_";
inline constexpr std::string_view kServiceAccountPrefix = "api.";
inline constexpr std::int64_t kMaxApiTokensListed = 1000;

struct NewApiToken {
  std::string name;  // 3..60 of a-z 0-9 . _ -
  core::Role role = core::Role::kProviderOperator;
  std::optional<std::string> unit_code;  // as for a user (app/user_service.h)
  std::optional<std::string> unit_edition;
  std::vector<std::string> contracted_units;
  std::optional<std::string> expires_on;  // YYYY-MM-DD: the last day it works (Vietnam time)
  // The payer the token speaks for on the partner API (docs/protocols/partner-api.md):
  // the batches' provider code, [A-Z0-9]{1,12}; only for provider_operator.
  std::optional<std::string> provider_code;
};

struct CreatedApiToken {
  std::string token;  // shown once; never stored or logged
  store::ApiTokenRecord record;
};

// Errors: kInvalidInput "api_token.name_invalid", "api_token.expiry_invalid"
// (malformed or not in the future), "api_token.provider_invalid" (malformed, or
// on a role other than provider_operator), those of AddUser ("user.unit_*"); kConflict
// "api_token.exists".
Result<CreatedApiToken> CreateApiToken(store::Database& database, const NewApiToken& token,
                                       const AuditActor& actor, std::int64_t now_s);

// Revokes the token and disables its service account. Errors: kNotFound
// "api_token.not_found"; kConflict "api_token.revoked" when already revoked.
Status RevokeApiToken(store::Database& database, std::int64_t id, const AuditActor& actor);

struct ApiTokenListing {
  store::ApiTokenRecord token;
  store::UserRecord account;  // the service account: role, scope, active
};

// At most limit (capped at kMaxApiTokensListed) tokens with id > after_id.
Result<std::vector<ApiTokenListing>> ListApiTokens(store::Database& database, std::int64_t after_id,
                                                   std::int64_t limit);

// The principal a presented token acts for, recording its use (last_used_at,
// to the second). Errors: kUnauthenticated "auth.token_invalid" for an unknown,
// malformed, revoked or expired token, or a disabled service account.
Result<core::Principal> AuthenticateApiToken(store::Database& database, std::string_view token,
                                             std::int64_t now_s);

// Unix seconds when a token valid through `expires_on` (YYYY-MM-DD) stops
// working: midnight after that day in Vietnam (UTC+7). None when malformed.
std::optional<std::int64_t> ApiTokenExpiry(std::string_view expires_on);

// A token for JSON output: never the hash; with its account's role and scope
// when given.
nlohmann::json ApiTokenToJson(const store::ApiTokenRecord& token,
                              const store::UserRecord* account = nullptr);

}  // namespace ansinh::app
