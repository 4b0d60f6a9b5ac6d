#include "app/registry_service.h"

#include <pwd.h>
#include <unistd.h>

#include <ctime>
#include <stdexcept>
#include <functional>
#include <utility>

#include "app/init_service.h"
#include "app/registry_service_write.h"
#include "core/registration_rules.h"
#include "store/representative_store.h"

namespace ansinh::app {
namespace {

using store::PersonAggregate;

Error NotFound(const std::string& code) {
  return MakeError(ErrorKind::kNotFound, "beneficiary.not_found",
                   "Không tìm thấy đối tượng có mã " + code + ".");
}

Error BadTransition(const std::string& text) {
  return MakeError(ErrorKind::kConflict, "beneficiary.status_transition", text);
}

// The default effective month of a change: the month after `now`.
core::Period NextMonth(std::chrono::system_clock::time_point now) {
  return MonthOf(now).PlusMonths(1).value_or(MonthOf(now));
}

Result<Edit> Terminate(PersonAggregate& person, const StatusChange& change,
                       const ChangeContext& context) {
  core::Beneficiary& p = person.beneficiary.person;
  if (p.status == core::BeneficiaryStatus::kTerminated) {
    return Fail(BadTransition("Đối tượng đã thôi hưởng, không thể thôi hưởng lại."));
  }
  if (!change.reason) {
    return Fail(ErrorKind::kInvalidInput, "termination.reason_required",
                "Cần nêu lý do thôi hưởng: death, moved hoặc ineligible.");
  }
  if (*change.reason == core::TerminationReason::kDeath && !change.date) {
    return Fail(ErrorKind::kInvalidInput, "termination.date_required",
                "Thôi hưởng do chết cần ngày chết (--date).");
  }
  if (*change.reason == core::TerminationReason::kMovedAway && !change.destination_commune) {
    return Fail(ErrorKind::kInvalidInput, "termination.destination_required",
                "Thôi hưởng do chuyển đi cần mã xã nơi đến.");
  }
  core::Period effective = NextMonth(context.now);
  if (change.date && !change.date->is_year_only()) {
    auto month = core::Period::FromYearMonth(change.date->year(), change.date->month());
    if (month) effective = month->PlusMonths(1).value_or(*month);
  }
  if (change.effective_from) effective = *change.effective_from;
  p.status = core::BeneficiaryStatus::kTerminated;
  p.termination = core::Termination{*change.reason, change.date, change.destination_commune,
                                    effective};
  return Edit{"terminated", effective, false, core::TerminationReasonCode(*change.reason)};
}

Result<Edit> StepStatus(PersonAggregate& person, const StatusChange& change,
                        const ChangeContext& context) {
  using Kind = StatusChange::Kind;
  if (change.kind == Kind::kTerminate) return Terminate(person, change, context);
  core::Beneficiary& p = person.beneficiary.person;
  const bool suspend = change.kind == Kind::kSuspend;
  const auto required = suspend ? core::BeneficiaryStatus::kActive
                                : core::BeneficiaryStatus::kSuspended;
  if (p.status != required) {
    return Fail(BadTransition(suspend ? "Chỉ tạm dừng được đối tượng đang hưởng."
                                      : "Chỉ hưởng lại được đối tượng đang tạm dừng."));
  }
  p.status = suspend ? core::BeneficiaryStatus::kSuspended : core::BeneficiaryStatus::kActive;
  const core::Period effective = change.effective_from.value_or(NextMonth(context.now));
  const char* kind = suspend ? "suspended" : change.back_pay ? "reinstated_back_pay" : "reinstated";
  return Edit{kind, effective, false, ""};
}

bool AccountChanged(const std::optional<store::PaymentMethodRecord>& before,
                    const core::PaymentMethod& after) {
  if (!before || !after.account) return false;
  const auto& old_account = before->method.account;
  return !old_account || old_account->bin_raw != after.account->bin_raw ||
         old_account->account_raw != after.account->account_raw;
}

}  // namespace

std::string FormatInstant(std::chrono::system_clock::time_point instant) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(instant);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

core::Period MonthOf(std::chrono::system_clock::time_point instant) {
  const std::string text = FormatInstant(instant);
  auto period = core::Period::Parse(text.substr(0, 7));
  if (!period) throw std::logic_error("clock outside the supported years: " + text);
  return *period;
}

std::string CommuneEditionOn(std::chrono::system_clock::time_point instant) {
  return FormatInstant(instant) >= "2025-07-01" ? "2025" : "pre2025";
}

Result<RegistryConnection> ConnectRegistry(const std::string& url) {
  auto parsed = store::ParseDatabaseUrl(url);
  if (!parsed) return Fail(std::move(parsed.error()));
  auto database = store::OpenDatabase(*parsed);
  if (!database) return Fail(std::move(database.error()));
  auto codes = LoadReferenceCodesFromDatabase(**database);
  if (!codes) return Fail(std::move(codes.error()));
  return RegistryConnection{std::move(*database), std::move(*codes)};
}

AuditActor AuditActorOf(const ChangeContext& context) {
  if (context.audit_actor) return *context.audit_actor;
  return CliActor(context.actor);
}

std::string CommandActor(const std::string& given) {
  if (!given.empty()) return given;
  const passwd* user = ::getpwuid(::getuid());
  return std::string("cli:") + (user != nullptr ? user->pw_name : std::to_string(::getuid()));
}

RegistryService::RegistryService(store::SqlSession& session, const core::ReferenceCodes& codes)
    : session_(session), codes_(codes) {}

Result<PersonAggregate> RegistryService::Show(const std::string& code) {
  auto person = store::LoadPerson(session_, code);
  if (!person) return Fail(std::move(person.error()));
  if (!*person) return Fail(NotFound(code));
  return std::move(**person);
}

Result<store::BeneficiaryPage> RegistryService::Search(const store::BeneficiaryQuery& query) {
  return store::MakeBeneficiaryStore(session_)->Search(query);
}

Result<PersonAggregate> RegistryService::Create(const core::Beneficiary& person,
                                                const ChangeContext& context) {
  const std::string edition = CommuneEditionOn(context.now);
  if (auto known = CheckCommune(session_, person.commune.value(), edition); !known) {
    return Fail(std::move(known.error()));
  }
  store::BeneficiaryRecord record{0, person, edition, FormatInstant(context.now),
                                  FormatInstant(context.now)};
  record.person.status = core::BeneficiaryStatus::kActive;
  record.person.termination.reset();
  return CreatePerson(session_, std::move(record), context);
}

Result<PersonAggregate> RegistryService::Update(const core::Beneficiary& person,
                                                const ChangeContext& context) {
  return ApplyEdit(session_, person.code.value(), context,
                   [&](PersonAggregate& stored) -> Result<Edit> {
                     core::Beneficiary& p = stored.beneficiary.person;
                     const auto status = p.status;
                     auto termination = p.termination;
                     p = person;
                     p.status = status;
                     p.termination = std::move(termination);
                     return Edit{"updated", MonthOf(context.now), false, ""};
                   });
}

Result<PersonAggregate> RegistryService::ChangeStatus(const std::string& code,
                                                      const StatusChange& change,
                                                      const ChangeContext& context) {
  return ApplyEdit(session_, code, context, [&](PersonAggregate& person) {
    return StepStatus(person, change, context);
  });
}

Result<PersonAggregate> RegistryService::AddEntitlement(const std::string& code,
                                                        const core::Entitlement& entitlement,
                                                        const ChangeContext& context) {
  auto policies = LoadPolicies(session_);
  if (!policies) return Fail(std::move(policies.error()));
  return ApplyEdit(session_, code, context, [&](PersonAggregate& person) -> Result<Edit> {
    if (auto ok = CheckEntitlement(*policies, person, entitlement); !ok) return Fail(ok.error());
    person.entitlements.push_back(entitlement);
    return Edit{"entitlement_added", entitlement.start, false, entitlement.policy_code};
  });
}

Result<PersonAggregate> RegistryService::SetPaymentMethod(const std::string& code,
                                                          const PaymentMethodChange& change,
                                                          const ChangeContext& context) {
  return ApplyEdit(session_, code, context, [&](PersonAggregate& person) -> Result<Edit> {
    const core::Beneficiary& p = person.beneficiary.person;
    if (auto ok = core::CheckChannelAllowed(change.method.channel, p); !ok) return Fail(ok.error());
    if (auto ok = core::CheckRecipient(change.method.recipient, change.representative); !ok) {
      return Fail(ok.error());
    }
    const bool security = p.status == core::BeneficiaryStatus::kActive &&
                          AccountChanged(person.payment_method, change.method);
    person.payment_method = CheckedMethod(change.method, change.representative, codes_);
    person.representative = change.representative;
    return Edit{security ? "account_changed" : "payment_method_changed",
                change.method.effective_from, security, ""};
  });
}

Result<std::vector<store::HistoryEntry>> RegistryService::History(const std::string& code) {
  auto record = store::MakeBeneficiaryStore(session_)->FindByCode(code);
  if (!record) return Fail(std::move(record.error()));
  if (!*record) return Fail(NotFound(code));
  return store::MakeRegistryHistoryStore(session_)->ListFor((*record)->id);
}

Result<nlohmann::json> RegistryService::AsOf(const std::string& code,
                                             std::chrono::system_clock::time_point instant) {
  auto record = store::MakeBeneficiaryStore(session_)->FindByCode(code);
  if (!record) return Fail(std::move(record.error()));
  if (!*record) return Fail(NotFound(code));
  auto entry = store::MakeRegistryHistoryStore(session_)->AsOf((*record)->id,
                                                               FormatInstant(instant));
  if (!entry) return Fail(std::move(entry.error()));
  if (!*entry) return nlohmann::json(nullptr);
  return nlohmann::json::parse((*entry)->after_json);
}

}  // namespace ansinh::app
