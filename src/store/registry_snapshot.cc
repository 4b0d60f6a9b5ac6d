#include "store/registry_snapshot.h"

#include <type_traits>
#include <utility>

#include "store/representative_store.h"

namespace ansinh::store {
namespace {

template <class T>
nlohmann::json OptionalIso(const std::optional<T>& value) {
  if (!value) return nullptr;
  if constexpr (std::is_same_v<T, core::Period>) {
    return value->ToString();
  } else {
    return value->ToIso();
  }
}

nlohmann::json TerminationJson(const std::optional<core::Termination>& termination) {
  if (!termination) return nullptr;
  return {{"reason", core::TerminationReasonCode(termination->reason)},
          {"date", OptionalIso(termination->date)},
          {"destination_commune", termination->destination_commune
                                      ? nlohmann::json(termination->destination_commune->value())
                                      : nlohmann::json(nullptr)},
          {"effective_from", termination->effective_from.ToString()}};
}

nlohmann::json BeneficiaryJson(const BeneficiaryRecord& record) {
  const core::Beneficiary& p = record.person;
  return {{"code", p.code.value()},
          {"full_name", p.full_name},
          {"birth_date", p.birth_date.ToIso()},
          {"sex", p.sex == core::Sex::kMale ? "male" : "female"},
          {"citizen_id", p.citizen_id.raw},
          {"phone", p.phone.raw},
          {"commune_code", p.commune.value()},
          {"commune_edition", record.commune_edition},
          {"address", p.address},
          {"group", core::BeneficiaryGroupCode(p.group)},
          {"status", core::BeneficiaryStatusCode(p.status)},
          {"termination", TerminationJson(p.termination)},
          {"special_case", p.special_case},
          {"has_smartphone", p.has_smartphone},
          {"paid_through", OptionalIso(p.paid_through)}};
}

}  // namespace

Result<std::optional<PersonAggregate>> LoadPerson(SqlSession& session, std::string_view code) {
  auto found = MakeBeneficiaryStore(session)->FindByCode(code);
  if (!found) return Fail(std::move(found.error()));
  if (!*found) return std::optional<PersonAggregate>();
  PersonAggregate person{std::move(**found), {}, std::nullopt, std::nullopt};
  const std::int64_t id = person.beneficiary.id;
  auto entitlements = MakeEntitlementStore(session)->ListFor(id);
  if (!entitlements) return Fail(std::move(entitlements.error()));
  for (auto& record : *entitlements) person.entitlements.push_back(std::move(record.entitlement));
  auto representative = MakeRepresentativeStore(session)->Find(id);
  if (!representative) return Fail(std::move(representative.error()));
  person.representative = std::move(*representative);
  auto method = MakePaymentMethodStore(session)->Find(id);
  if (!method) return Fail(std::move(method.error()));
  person.payment_method = std::move(*method);
  return std::optional<PersonAggregate>(std::move(person));
}

nlohmann::json EntitlementJson(const core::Entitlement& e) {
  return {{"policy_code", e.policy_code},
          {"start", e.start.ToString()},
          {"end", OptionalIso(e.end)},
          {"decision_number", e.decision_number},
          {"fixed_amount_vnd",
           e.fixed_amount ? nlohmann::json(e.fixed_amount->dong()) : nlohmann::json(nullptr)}};
}

nlohmann::json PaymentMethodJson(const PaymentMethodRecord& record) {
  const core::PaymentMethod& m = record.method;
  return {{"channel", core::PaymentChannelCode(m.channel)},
          {"recipient", core::RecipientCode(m.recipient)},
          {"bin", m.account ? m.account->bin_raw : ""},
          {"account_number", m.account ? m.account->account_raw : ""},
          {"holder_name", m.holder_name},
          {"consent", m.consent},
          {"effective_from", m.effective_from.ToString()},
          {"valid", record.valid},
          {"problems", record.problems}};
}

nlohmann::json RepresentativeJson(const core::Representative& r) {
  return {{"kind", r.kind == core::RepresentativeKind::kGuardian ? "guardian" : "authorised"},
          {"full_name", r.full_name},
          {"citizen_id", r.citizen_id.raw},
          {"phone", r.phone.raw},
          {"relationship", r.relationship},
          {"authorisation_number", r.authorisation_number},
          {"authorisation_date", OptionalIso(r.authorisation_date)},
          {"valid_from", OptionalIso(r.valid_from)},
          {"valid_to", OptionalIso(r.valid_to)},
          {"confirmed_by", r.confirmed_by},
          {"confirmed_on", OptionalIso(r.confirmed_on)}};
}

nlohmann::json SnapshotJson(const PersonAggregate& person) {
  nlohmann::json entitlements = nlohmann::json::array();
  for (const auto& e : person.entitlements) entitlements.push_back(EntitlementJson(e));
  return {{"beneficiary", BeneficiaryJson(person.beneficiary)},
          {"entitlements", std::move(entitlements)},
          {"representative", person.representative ? RepresentativeJson(*person.representative)
                                                   : nlohmann::json(nullptr)},
          {"payment_method", person.payment_method ? PaymentMethodJson(*person.payment_method)
                                                   : nlohmann::json(nullptr)}};
}

}  // namespace ansinh::store
