// The write half of the beneficiary import: every table in batched
// statements, inside the transaction ImportBeneficiaryBytes opened.
#include <algorithm>
#include <unordered_map>
#include <utility>

#include "app/import_service.h"
#include "app/import_service_snapshot.h"
#include "app/registry_service_write.h"
#include "store/beneficiary_store.h"
#include "store/entitlement_store.h"
#include "store/finding_store.h"
#include "store/registry_history_store.h"
#include "store/representative_store.h"

namespace ansinh::app {
namespace {

using IdsByCode = std::unordered_map<std::string, std::int64_t>;
using People = std::vector<formats::ImportedBeneficiary>;

std::vector<store::BeneficiaryRecord> Records(const People& people, const std::string& edition,
                                              const std::string& now) {
  std::vector<store::BeneficiaryRecord> records;
  records.reserve(people.size());
  for (const auto& imported : people) {
    records.push_back(store::BeneficiaryRecord{0, imported.person, edition, now, now});
  }
  return records;
}

// Each person's payment method as it will be stored, checked once.
std::vector<store::PaymentMethodRecord> CheckedMethods(const People& people,
                                                       const core::ReferenceCodes& codes) {
  std::vector<store::PaymentMethodRecord> methods;
  methods.reserve(people.size());
  for (const auto& imported : people) {
    auto method = CheckedMethod(imported.payment_method, imported.representative, codes);
    method.valid = method.valid && imported.payment_method_valid;
    methods.push_back(std::move(method));
  }
  return methods;
}

Status WriteParts(store::SqlSession& session, const People& people, const IdsByCode& ids,
                  std::vector<store::PaymentMethodRecord>& methods, std::int64_t existing_max_id) {
  std::vector<store::EntitlementRecord> entitlements;
  std::vector<store::RepresentativeRecord> representatives;
  std::vector<std::int64_t> without_representative;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const auto& imported = people[i];
    const std::int64_t id = ids.at(imported.person.code.value());
    for (const auto& e : imported.entitlements) entitlements.push_back({0, id, e.entitlement});
    if (imported.representative) {
      representatives.push_back({id, *imported.representative});
    } else if (id <= existing_max_id) {
      without_representative.push_back(id);
    }
    methods[i].beneficiary_id = id;
  }
  if (auto ok = store::MakeEntitlementStore(session)->UpsertBatch(entitlements); !ok) return Fail(ok.error());
  auto rep_store = store::MakeRepresentativeStore(session);
  if (auto ok = rep_store->RemoveFor(without_representative); !ok) return Fail(ok.error());
  if (auto ok = rep_store->PutBatch(representatives); !ok) return Fail(ok.error());
  if (auto ok = store::MakePaymentMethodStore(session)->PutBatch(methods); !ok) return Fail(ok.error());
  return {};
}

// One citizen ID held by two people of the register is a typo or a double
// registration: the commune checks it; neither person is kept out.
Result<std::vector<store::FindingRecord>> CitizenIdClashFindings(store::SqlSession& session,
                                                                 const People& people,
                                                                 const IdsByCode& ids,
                                                                 const std::string& now) {
  std::vector<std::int64_t> written;
  written.reserve(people.size());
  for (const auto& imported : people) written.push_back(ids.at(imported.person.code.value()));
  auto clashes = store::FindCitizenIdClashes(session, written);
  if (!clashes) return Fail(std::move(clashes.error()));
  std::vector<store::FindingRecord> findings;
  for (const store::CitizenIdClash& clash : *clashes) {
    findings.push_back({0, clash.beneficiary_id, "", "so_dinh_danh", "citizen_id.duplicate",
                        "Số định danh trùng với đối tượng " + clash.other_code +
                            "; cần kiểm tra xem có đăng ký hai lần hay nhập nhầm số",
                        "open", now});
  }
  return findings;
}

Result<std::int64_t> WriteFindings(store::SqlSession& session, const People& people,
                                   const IdsByCode& ids, const std::string& now,
                                   std::int64_t existing_max_id) {
  std::vector<std::int64_t> person_ids;
  std::vector<store::FindingRecord> findings;
  for (const auto& imported : people) {
    const std::int64_t id = ids.at(imported.person.code.value());
    if (id <= existing_max_id) person_ids.push_back(id);
    for (const auto& f : imported.findings) {
      findings.push_back({0, id, "", f.field, f.code, f.message, "open", now});
    }
  }
  auto finding_store = store::MakeFindingStore(session);
  if (auto cleared = finding_store->ClearOpen(person_ids); !cleared) return cleared;
  auto clashes = CitizenIdClashFindings(session, people, ids, now);
  if (!clashes) return Fail(std::move(clashes.error()));
  findings.insert(findings.end(), clashes->begin(), clashes->end());
  return finding_store->AddBatch(findings);
}

// Entitlements are upserted, never deleted: the stored ones the file does not
// repeat stay, in the order the store lists them.
void MergeStoredEntitlements(const nlohmann::json& before, nlohmann::json& after);

// The snapshot the register will hold after the import: the file's data, the
// entitlements already stored that the file does not repeat, and the status
// the register already had (an import never changes it).
store::PersonAggregate AfterAggregate(const formats::ImportedBeneficiary& imported,
                                     const std::string& edition,
                                     const store::PaymentMethodRecord& method) {
  store::PersonAggregate person{store::BeneficiaryRecord{0, imported.person, edition, "", ""},
                                {}, imported.representative, method};
  person.payment_method->beneficiary_id = 0;
  for (const auto& e : imported.entitlements) person.entitlements.push_back(e.entitlement);
  return person;
}

nlohmann::json AfterSnapshot(const formats::ImportedBeneficiary& imported, const std::string& edition,
                             const nlohmann::json& before, const store::PaymentMethodRecord& method) {
  nlohmann::json after = store::SnapshotJson(AfterAggregate(imported, edition, method));
  if (!before.is_null()) {
    after["beneficiary"]["status"] = before["beneficiary"]["status"];
    after["beneficiary"]["termination"] = before["beneficiary"]["termination"];
    MergeStoredEntitlements(before, after);
  }
  return after;
}

void MergeStoredEntitlements(const nlohmann::json& before, nlohmann::json& after) {
  for (const auto& old : before["entitlements"]) {
    const bool repeated = std::any_of(after["entitlements"].begin(), after["entitlements"].end(),
                                      [&old](const nlohmann::json& e) {
                                        return e["policy_code"] == old["policy_code"] &&
                                               e["start"] == old["start"];
                                      });
    if (!repeated) after["entitlements"].push_back(old);
  }
  std::sort(after["entitlements"].begin(), after["entitlements"].end(),
            [](const nlohmann::json& a, const nlohmann::json& b) {
              return std::tie(a["policy_code"], a["start"]) < std::tie(b["policy_code"], b["start"]);
            });
}

// A new account on a person being paid: a later check flags such changes
// shortly before a payday.
bool AccountChanged(const nlohmann::json& before, const nlohmann::json& after) {
  if (before.is_null() || before["payment_method"].is_null()) return false;
  if (before["beneficiary"]["status"] != "active") return false;
  const auto& old_method = before["payment_method"];
  const auto& new_method = after["payment_method"];
  return !new_method["account_number"].get<std::string>().empty() &&
         (old_method["bin"] != new_method["bin"] ||
          old_method["account_number"] != new_method["account_number"]);
}

Result<std::int64_t> WriteHistory(store::SqlSession& session, const People& people,
                                  const IdsByCode& ids, const std::string& edition,
                                  const std::vector<store::PaymentMethodRecord>& methods,
                                  std::int64_t existing_max_id, const ChangeContext& context) {
  std::vector<std::int64_t> stored_ids;
  for (const auto& imported : people) {
    const std::int64_t id = ids.at(imported.person.code.value());
    if (id <= existing_max_id) stored_ids.push_back(id);
  }
  auto history = store::MakeRegistryHistoryStore(session);
  std::unordered_map<std::int64_t, std::string> latest;
  if (!stored_ids.empty()) {
    auto read = history->LatestSnapshots(stored_ids);
    if (!read) return Fail(std::move(read.error()));
    latest = std::move(*read);
  }
  std::vector<store::HistoryEntry> entries;
  entries.reserve(people.size());
  const std::string now = FormatInstant(context.now);
  for (std::size_t i = 0; i < people.size(); ++i) {
    const auto& imported = people[i];
    const std::int64_t id = ids.at(imported.person.code.value());
    const std::string effective = imported.payment_method.effective_from.ToString();
    const auto found = latest.find(id);
    if (found == latest.end()) {
      // Nothing stored before: the snapshot is new, written straight to text.
      entries.push_back(store::HistoryEntry{
          0, id, now, context.actor, "imported", context.reason, effective, false, std::nullopt,
          SnapshotText(AfterAggregate(imported, edition, methods[i]))});
      continue;
    }
    const nlohmann::json before = nlohmann::json::parse(found->second);
    const nlohmann::json after = AfterSnapshot(imported, edition, before, methods[i]);
    if (after == before) continue;
    const bool security = AccountChanged(before, after);
    entries.push_back(store::HistoryEntry{
        0, id, now, context.actor, security ? "account_changed" : "imported", context.reason,
        effective, security, before.dump(), after.dump()});
  }
  return history->AppendBatch(entries);
}

}  // namespace

Result<ImportWriteCounts> WriteImportedBeneficiaries(store::SqlSession& session,
                                                     const core::ReferenceCodes& codes,
                                                     const People& people,
                                                     const std::string& commune_edition,
                                                     std::int64_t existing_max_id,
                                                     const ChangeContext& context) {
  const std::string now = FormatInstant(context.now);
  auto ids = store::MakeBeneficiaryStore(session)->UpsertBatchReturningIds(
      Records(people, commune_edition, now));
  if (!ids) return Fail(std::move(ids.error()));
  ImportWriteCounts counts;
  for (const auto& imported : people) {
    counts.entitlements += static_cast<std::int64_t>(imported.entitlements.size());
  }
  std::vector<store::PaymentMethodRecord> methods = CheckedMethods(people, codes);
  if (auto ok = WriteParts(session, people, *ids, methods, existing_max_id); !ok) {
    return Fail(ok.error());
  }
  auto findings = WriteFindings(session, people, *ids, now, existing_max_id);
  if (!findings) return Fail(std::move(findings.error()));
  counts.findings = *findings;
  auto history =
      WriteHistory(session, people, *ids, commune_edition, methods, existing_max_id, context);
  if (!history) return Fail(std::move(history.error()));
  counts.history_entries = *history;
  return counts;
}

}  // namespace ansinh::app
