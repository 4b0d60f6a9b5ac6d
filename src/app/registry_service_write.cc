#include "app/registry_service_write.h"

#include <array>
#include <string_view>
#include <utility>

#include <sodium.h>

#include "core/registration_rules.h"
#include "store/admin_unit_store.h"
#include "store/entitlement_store.h"
#include "store/registry_history_store.h"
#include "store/representative_store.h"

namespace ansinh::app {
namespace {

// SHA-256 of a snapshot, hex: binds the audit entry to the sealed history
// entry without copying personal data into the audit log.
std::string SnapshotDigest(std::string_view json) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(json.data()),
                     json.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

// The audit log's record of a register change: what kind, when it takes
// effect, and the digests of the before/after snapshots kept (sealed) in the
// history, so an edit of either is detectable.
Status AuditChange(store::SqlSession& session, const std::string& code,
                   const ChangeContext& context, const Edit& edit,
                   const std::optional<std::string>& before_json, const std::string& after_json) {
  AuditEvent event{"beneficiary." + edit.kind, "success", "beneficiary", code, std::nullopt,
                   nlohmann::json{{"effective", edit.effective.ToString()},
                                  {"security_relevant", edit.security_relevant},
                                  {"snapshot_sha256", SnapshotDigest(after_json)}}};
  if (before_json) event.before = nlohmann::json{{"snapshot_sha256", SnapshotDigest(*before_json)}};
  return AppendAudit(session, AuditActorOf(context), event);
}

Status AppendHistory(store::SqlSession& session, std::int64_t beneficiary_id,
                     const ChangeContext& context, const Edit& edit,
                     std::optional<std::string> before_json, std::string after_json) {
  store::HistoryEntry entry{0,
                            beneficiary_id,
                            FormatInstant(context.now),
                            context.actor,
                            edit.kind,
                            context.reason.empty() ? edit.reason : context.reason,
                            edit.effective.ToString(),
                            edit.security_relevant,
                            std::move(before_json),
                            std::move(after_json)};
  auto appended = store::MakeRegistryHistoryStore(session)->AppendBatch({entry});
  if (!appended) return Fail(std::move(appended.error()));
  return {};
}

// Reads the person back after the write, so the caller sees what is stored.
Result<store::PersonAggregate> Reload(store::SqlSession& session, const std::string& code) {
  auto person = store::LoadPerson(session, code);
  if (!person) return Fail(std::move(person.error()));
  if (!*person) return Fail(ErrorKind::kInternal, "beneficiary.vanished", "Mất dữ liệu đối tượng.");
  return std::move(**person);
}

// Writes `after`, its history entry, and commits.
Result<store::PersonAggregate> Finish(store::SqlSession& session, store::Transaction& transaction,
                                      const store::PersonAggregate& after,
                                      const ChangeContext& context, const Edit& edit,
                                      std::optional<std::string> before_json) {
  if (auto written = WritePerson(session, after); !written) return Fail(written.error());
  const std::string& code = after.beneficiary.person.code.value();
  auto stored = Reload(session, code);
  if (!stored) return stored;
  std::string after_json = store::SnapshotJson(*stored).dump();
  if (auto audited = AuditChange(session, code, context, edit, before_json, after_json);
      !audited) {
    return Fail(audited.error());
  }
  if (auto ok = AppendHistory(session, stored->beneficiary.id, context, edit,
                              std::move(before_json), std::move(after_json));
      !ok) {
    return Fail(ok.error());
  }
  if (auto committed = transaction.Commit(); !committed) return Fail(committed.error());
  return stored;
}

}  // namespace

Result<store::PersonAggregate> ApplyEdit(store::SqlSession& session, const std::string& code,
                                         const ChangeContext& context, const EditFn& edit) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto before = store::LoadPerson(session, code);
  if (!before) return Fail(std::move(before.error()));
  if (!*before) {
    return Fail(ErrorKind::kNotFound, "beneficiary.not_found",
                "Không tìm thấy đối tượng có mã " + code + ".");
  }
  store::PersonAggregate after = **before;
  auto done = edit(after);
  if (!done) return Fail(std::move(done.error()));
  after.beneficiary.updated_at = FormatInstant(context.now);
  return Finish(session, *transaction, after, context, *done,
                store::SnapshotJson(**before).dump());
}

Result<store::PersonAggregate> CreatePerson(store::SqlSession& session,
                                            store::BeneficiaryRecord record,
                                            const ChangeContext& context) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto id = store::MakeBeneficiaryStore(session)->Insert(record);
  if (!id && id.error().code == "db.unique_violation") {
    return Fail(ErrorKind::kConflict, "beneficiary.exists",
                "Mã đối tượng " + record.person.code.value() + " đã có trong danh sách.");
  }
  if (!id) return Fail(std::move(id.error()));
  record.id = *id;
  store::PersonAggregate person{std::move(record), {}, std::nullopt, std::nullopt};
  const Edit edit{"created", MonthOf(context.now), false, ""};
  return Finish(session, *transaction, person, context, edit, std::nullopt);
}

Status WritePerson(store::SqlSession& session, const store::PersonAggregate& person) {
  const std::int64_t id = person.beneficiary.id;
  if (auto ok = store::MakeBeneficiaryStore(session)->Update(person.beneficiary); !ok) return ok;
  std::vector<store::EntitlementRecord> entitlements;
  for (const auto& e : person.entitlements) entitlements.push_back({0, id, e});
  if (auto ok = store::MakeEntitlementStore(session)->UpsertBatch(entitlements); !ok) {
    return Fail(std::move(ok.error()));
  }
  auto representatives = store::MakeRepresentativeStore(session);
  auto rep = person.representative ? representatives->PutBatch({{id, *person.representative}})
                                   : representatives->RemoveFor({id});
  if (!rep) return Fail(std::move(rep.error()));
  if (!person.payment_method) return {};
  store::PaymentMethodRecord method = *person.payment_method;
  method.beneficiary_id = id;
  auto put = store::MakePaymentMethodStore(session)->PutBatch({method});
  if (!put) return Fail(std::move(put.error()));
  return {};
}

Status CheckCommune(store::SqlSession& session, const std::string& commune_code,
                    const std::string& edition) {
  const auto map = edition == "2025" ? formats::AdminEdition::k2025 : formats::AdminEdition::kPre2025;
  auto unit = store::MakeAdminUnitStore(session)->Find(map, formats::AdminLevel::kCommune,
                                                       commune_code);
  if (!unit) return Fail(std::move(unit.error()));
  if (!*unit) {
    return Fail(ErrorKind::kInvalidInput, "commune.unknown",
                "Mã xã " + commune_code + " không có trong danh mục đơn vị hành chính.");
  }
  return {};
}

Result<PolicyCatalog> LoadPolicies(store::SqlSession& session) {
  auto rows = session.Query("SELECT DISTINCT policy_code, policy_group, basis FROM policy_rates");
  if (!rows) return Fail(std::move(rows.error()));
  PolicyCatalog policies;
  for (std::size_t r = 0; r < rows->size(); ++r) {
    policies[rows->Text(r, 0)] = formats::ImportPolicy{
        rows->Text(r, 1) == "NCC" ? core::BeneficiaryGroup::kNcc : core::BeneficiaryGroup::kBtxh,
        rows->Text(r, 2) == "FIXED" ? formats::PolicyBasis::kFixed
                                    : formats::PolicyBasis::kCoefficient};
  }
  return policies;
}

Status CheckEntitlement(const PolicyCatalog& policies, const store::PersonAggregate& person,
                        const core::Entitlement& entitlement) {
  const auto policy = policies.find(entitlement.policy_code);
  if (policy == policies.end()) {
    return Fail(ErrorKind::kInvalidInput, "policy.unknown",
                "Mã chế độ " + entitlement.policy_code + " không có trong danh mục.");
  }
  auto ok = core::CheckPolicyGroup(policy->second.group, person.beneficiary.person.group,
                                   entitlement.policy_code);
  if (ok) ok = core::CheckEntitlementPeriod(entitlement);
  for (const auto& existing : person.entitlements) {
    if (ok) ok = core::CheckNoOverlap(entitlement, existing);
  }
  return ok;
}

store::PaymentMethodRecord CheckedMethod(const core::PaymentMethod& method,
                                         const std::optional<core::Representative>& representative,
                                         const core::ReferenceCodes& codes) {
  store::PaymentMethodRecord record{0, method, true, ""};
  if (record.method.account) {
    auto& account = *record.method.account;
    auto parsed = core::BankRef::Parse(account.bin_raw, account.account_raw, codes);
    account.parsed = parsed ? std::optional<core::BankRef>(*parsed) : std::nullopt;
  }
  for (const auto& problem :
       core::PaymentMethodProblems(record.method, representative, method.effective_from)) {
    record.problems += (record.problems.empty() ? "" : "; ") + problem.code;
  }
  record.valid = record.problems.empty();
  return record;
}

}  // namespace ansinh::app
