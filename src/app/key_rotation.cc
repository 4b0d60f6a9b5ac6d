#include "app/key_rotation.h"

#include <utility>

#include "app/auth_secrets.h"
#include "app/totp_service.h"
#include "crypto/key_ring_source.h"
#include "store/sensitive_reseal.h"
#include "store/sql_session.h"

namespace ansinh::app {
namespace {

constexpr std::string_view kTotpStale =
    " FROM users WHERE (totp_secret IS NOT NULL AND totp_secret NOT LIKE ?1) OR "
    "(totp_pending_secret IS NOT NULL AND totp_pending_secret NOT LIKE ?1)";

std::string CurrentPattern(const std::string& key_id) { return "v1:" + key_id + ":%"; }

Result<std::int64_t> CountStaleTotp(store::SqlSession& session, const std::string& key_id) {
  auto rows = session.Query("SELECT COUNT(*)" + std::string(kTotpStale),
                            {store::SqlText(CurrentPattern(key_id))});
  if (!rows) return Fail(std::move(rows.error()));
  return rows->Int64(0, 0);
}

// A TOTP seed sealed under any key of the ring, resealed under the current one.
Result<std::string> ResealSeed(const crypto::KeyRingKeys& keys, const std::string& sealed,
                               const std::string& context) {
  const ServerKey* owner = &keys.current;
  for (const ServerKey& retired : keys.retired) {
    if (sealed.starts_with("v1:" + retired.id + ":")) owner = &retired;
  }
  auto seed = OpenSecret(*owner, sealed, context);
  if (!seed) return Fail(std::move(seed.error()));
  std::string resealed = SealSecret(keys.current, *seed, context);
  WipeBytes(*seed);
  return resealed;
}

Result<std::optional<std::string>> ResealOptional(const crypto::KeyRingKeys& keys,
                                                  const store::SqlRows& rows, std::size_t r,
                                                  std::size_t c, const std::string& context) {
  auto sealed = rows.OptionalText(r, c);
  if (!sealed || sealed->starts_with("v1:" + keys.current.id + ":")) return sealed;
  auto resealed = ResealSeed(keys, *sealed, context);
  if (!resealed) return Fail(std::move(resealed.error()));
  return std::optional<std::string>(std::move(*resealed));
}

// Users are few (officers, not beneficiaries): one transaction for all seeds.
Result<std::int64_t> ResealTotpSeeds(store::SqlSession& session, const crypto::KeyRingKeys& keys) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto rows = session.Query("SELECT id, totp_secret, totp_pending_secret" + std::string(kTotpStale),
                            {store::SqlText(CurrentPattern(keys.current.id))});
  if (!rows) return Fail(std::move(rows.error()));
  for (std::size_t r = 0; r < rows->size(); ++r) {
    const std::string context = TotpSealContext(rows->Int64(r, 0));
    auto secret = ResealOptional(keys, *rows, r, 1, context);
    if (!secret) return Fail(std::move(secret.error()));
    auto pending = ResealOptional(keys, *rows, r, 2, context);
    if (!pending) return Fail(std::move(pending.error()));
    auto updated = session.Execute(
        "UPDATE users SET totp_secret = ?2, totp_pending_secret = ?3 WHERE id = ?1",
        {store::SqlInt(rows->Int64(r, 0)), store::SqlOptional(*secret),
         store::SqlOptional(*pending)});
    if (!updated) return Fail(std::move(updated.error()));
  }
  if (auto committed = transaction->Commit(); !committed) return Fail(std::move(committed.error()));
  return static_cast<std::int64_t>(rows->size());
}

// Every sealed table, then the TOTP seeds; `complete` false when max_batches
// stopped a table early.
Status ResealEverything(store::SqlSession& session, const crypto::KeyRingKeys& keys,
                        const crypto::KeyRing& ring, int max_batches, KeyRotationSummary& summary,
                        bool& complete) {
  complete = true;
  for (const store::SealedTable& table : store::SealedTables()) {
    auto progress = store::ResealTable(session, ring, table, store::kResealBatchRows, max_batches);
    if (!progress) return Fail(std::move(progress.error()));
    summary.rows_resealed += progress->rows_resealed;
    complete = complete && progress->complete;
  }
  auto seeds = ResealTotpSeeds(session, keys);
  if (!seeds) return Fail(std::move(seeds.error()));
  summary.totp_seeds_resealed = *seeds;
  return {};
}

Status AuditRotation(store::SqlSession& session, const AuditActor& actor,
                     const KeyRotationSummary& summary) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  AuditEvent event{"keys.rotate", "success", "server_key", summary.key_id,
                   nlohmann::json{{"key_id", summary.previous_key_id}}, ToJson(summary)};
  if (auto ok = AppendAudit(session, actor, event); !ok) return ok;
  return transaction->Commit();
}

Result<KeyRotationSummary> Run(store::Database& database, const AuditActor* actor, bool rotate,
                               int max_batches) {
  auto lease = database.Acquire();
  if (!lease) return Fail(std::move(lease.error()));
  store::SqlSession& session = **lease;
  crypto::KeyRingSource& source = session.field_keys();
  auto keys = crypto::LoadKeyRingKeys(source.key_file(), true);
  if (!keys) return Fail(std::move(keys.error()));
  KeyRotationSummary summary;
  summary.previous_key_id = keys->current.id;
  auto ring = source.Reload();
  auto stale = store::CountStaleRows(session, *ring);
  if (!stale) return Fail(std::move(stale.error()));
  auto stale_seeds = CountStaleTotp(session, keys->current.id);
  if (!stale_seeds) return Fail(std::move(stale_seeds.error()));
  summary.resumed = *stale + *stale_seeds > 0;
  if (rotate && !summary.resumed) {
    auto fresh = crypto::ReplaceServerKey(source.key_file(), keys->current);
    if (!fresh) return Fail(std::move(fresh.error()));
    keys = crypto::LoadKeyRingKeys(source.key_file(), false);
    if (!keys) return Fail(std::move(keys.error()));
    ring = source.Reload();
  }
  summary.key_id = ring->current_id();
  bool complete = false;
  if (auto ok = ResealEverything(session, *keys, *ring, max_batches, summary, complete); !ok) {
    return Fail(std::move(ok.error()));
  }
  if (actor != nullptr && complete) {
    if (auto ok = AuditRotation(session, *actor, summary); !ok) return Fail(std::move(ok.error()));
  }
  return summary;
}

// The key file errors KeyRingSource throws, as values.
template <class F>
Result<KeyRotationSummary> CatchKeyErrors(F run) {
  try {
    return run();
  } catch (const crypto::KeyFileError& error) {
    return Fail(error.error());
  }
}

}  // namespace

nlohmann::json ToJson(const KeyRotationSummary& s) {
  return {{"resumed", s.resumed},
          {"previous_key_id", s.previous_key_id},
          {"key_id", s.key_id},
          {"rows_resealed", s.rows_resealed},
          {"totp_seeds_resealed", s.totp_seeds_resealed}};
}

Result<KeyRotationSummary> SealPendingValues(store::Database& database) {
  // A database without clear text needs no key here: init does not create a
  // key file on a machine that holds no personal data.
  {
    auto lease = database.Acquire();
    if (!lease) return Fail(std::move(lease.error()));
    auto clear = store::CountClearRows(**lease);
    if (!clear) return Fail(std::move(clear.error()));
    if (*clear == 0) return KeyRotationSummary{};
  }
  return CatchKeyErrors([&] { return Run(database, nullptr, false, 0); });
}

Result<KeyRotationSummary> RotateKeys(store::Database& database, const AuditActor& actor,
                                      int max_batches) {
  return CatchKeyErrors([&] { return Run(database, &actor, true, max_batches); });
}

}  // namespace ansinh::app
