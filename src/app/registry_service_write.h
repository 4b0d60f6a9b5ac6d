// The write path shared by the register's use cases (registry_service.cc):
// one edit of one person in one transaction, with its history entry, and the
// checks against reference data that several use cases make.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>

#include "app/registry_service.h"
#include "formats/beneficiary_import.h"
#include "store/payment_method_store.h"
#include "store/registry_snapshot.h"

namespace ansinh::app {

// What an edit did, for its history entry.
struct Edit {
  std::string kind;  // "updated", "suspended", "account_changed", ...
  core::Period effective;
  bool security_relevant = false;
  std::string reason;  // used when ChangeContext::reason is empty
};

using EditFn = std::function<Result<Edit>(store::PersonAggregate&)>;

// Loads the person, lets `edit` change it in memory, writes every part of it,
// appends the history entry (before and after) and commits. Nothing is written
// when `edit` fails. Errors: kNotFound beneficiary.not_found, those of `edit`
// and of the store.
Result<store::PersonAggregate> ApplyEdit(store::SqlSession& session, const std::string& code,
                                         const ChangeContext& context, const EditFn& edit);

// Inserts a new person with history kind "created". Errors: kConflict
// beneficiary.exists.
Result<store::PersonAggregate> CreatePerson(store::SqlSession& session,
                                            store::BeneficiaryRecord record,
                                            const ChangeContext& context);

// Writes the beneficiary row, entitlements, representative and payment
// method of a stored person (record id set).
Status WritePerson(store::SqlSession& session, const store::PersonAggregate& person);

// Errors: kInvalidInput commune.unknown.
Status CheckCommune(store::SqlSession& session, const std::string& commune_code,
                    const std::string& edition);

using PolicyCatalog = std::unordered_map<std::string, formats::ImportPolicy>;
// Every policy code of policy_rates with its group and basis.
Result<PolicyCatalog> LoadPolicies(store::SqlSession& session);

// Errors: kInvalidInput policy.unknown, policy.group_mismatch,
// entitlement.end_before_start, entitlement.overlap.
Status CheckEntitlement(const PolicyCatalog& policies, const store::PersonAggregate& person,
                        const core::Entitlement& entitlement);

// The method as stored: account parsed against `codes`, valid when
// PaymentMethodProblems finds nothing in its effective month.
store::PaymentMethodRecord CheckedMethod(const core::PaymentMethod& method,
                                         const std::optional<core::Representative>& representative,
                                         const core::ReferenceCodes& codes);

}  // namespace ansinh::app
