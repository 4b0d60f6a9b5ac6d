// The register's use cases: create and change beneficiaries, their
// entitlements and payment method, walk the status lifecycle
// (active ⇄ suspended, → terminated), and answer from the history.
//
// Every change runs in one transaction and appends one history entry with the
// whole person before and after, who (ChangeContext::actor), when
// (ChangeContext::now; the caller's clock, core has none) and why.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "core/beneficiary.h"
#include "core/error.h"
#include "core/reference_codes.h"
#include "store/beneficiary_store.h"
#include "store/database.h"
#include "store/registry_history_store.h"
#include "store/registry_snapshot.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct ChangeContext {
  std::string actor;  // "cli:alice", or the logged-in user of the HTTP layer
  std::chrono::system_clock::time_point now;
  std::string reason;  // free text kept in the history; may be empty
  // Who the audit log names (user id, source address, request id); a
  // console change without one is logged as `actor` from "cli".
  std::optional<AuditActor> audit_actor = std::nullopt;
};

AuditActor AuditActorOf(const ChangeContext& context);

// "YYYY-MM-DDTHH:MM:SSZ" in UTC: the text form of every instant in the register.
std::string FormatInstant(std::chrono::system_clock::time_point instant);
// The month `instant` falls in (UTC).
core::Period MonthOf(std::chrono::system_clock::time_point instant);

// Which map a commune code is read in: "2025" from 1 July 2025, "pre2025" before.
std::string CommuneEditionOn(std::chrono::system_clock::time_point instant);

// An open database and the code lists read from it, for a command that works
// on the register. Acquire the session after this returns (a lease is never
// held while another is acquired).
struct RegistryConnection {
  std::unique_ptr<store::Database> database;
  core::ReferenceCodes codes;
};
// Errors: those of ParseDatabaseUrl, OpenDatabase and LoadReferenceCodesFromDatabase.
Result<RegistryConnection> ConnectRegistry(const std::string& url);

// The actor a command records: `given` when set, else "cli:<unix user>".
std::string CommandActor(const std::string& given);

// A lifecycle step. effective_from empty = the month after `now` (or, for a
// death, the month after the date of death).
struct StatusChange {
  enum class Kind { kSuspend, kReinstate, kTerminate } kind = Kind::kSuspend;
  std::optional<core::TerminationReason> reason;  // kTerminate only
  std::optional<core::Date> date;                 // death or decision date
  std::optional<core::AdminUnitCode> destination_commune;  // reason kMovedAway
  std::optional<core::Period> effective_from;
  // kReinstate only: the suspended months are owed after all; the payroll
  // pays them as arrears (history kind "reinstated_back_pay").
  bool back_pay = false;
};

struct PaymentMethodChange {
  core::PaymentMethod method;
  std::optional<core::Representative> representative;  // required unless recipient is kSelf
};

// Thread safety: one thread at a time, as the session. REQUIRES: `session`
// and `codes` outlive the service; no transaction open on the session.
class RegistryService {
 public:
  RegistryService(store::SqlSession& session, const core::ReferenceCodes& codes);

  // Errors: kNotFound beneficiary.not_found.
  Result<store::PersonAggregate> Show(const std::string& code);
  Result<store::BeneficiaryPage> Search(const store::BeneficiaryQuery& query);

  // Registers a new person (status active). Errors: kConflict beneficiary.exists,
  // kInvalidInput commune.unknown (not a commune of the edition in force), name.*.
  Result<store::PersonAggregate> Create(const core::Beneficiary& person,
                                        const ChangeContext& context);
  // Replaces the personal fields; status, termination and code are kept.
  Result<store::PersonAggregate> Update(const core::Beneficiary& person,
                                        const ChangeContext& context);
  // Errors: kConflict beneficiary.status_transition (e.g. reinstating a
  // terminated person), kInvalidInput termination.date_required (death),
  // termination.destination_required (moved), termination.reason_required.
  Result<store::PersonAggregate> ChangeStatus(const std::string& code, const StatusChange& change,
                                              const ChangeContext& context);
  // Errors: kInvalidInput policy.unknown, policy.group_mismatch,
  // entitlement.end_before_start, entitlement.overlap.
  Result<store::PersonAggregate> AddEntitlement(const std::string& code,
                                                const core::Entitlement& entitlement,
                                                const ChangeContext& context);
  // Checks CheckChannelAllowed and CheckRecipient (errors as those); stores
  // the method with valid = no PaymentMethodProblems in its effective month.
  // A new account for an active person is recorded as security-relevant.
  Result<store::PersonAggregate> SetPaymentMethod(const std::string& code,
                                                  const PaymentMethodChange& change,
                                                  const ChangeContext& context);

  Result<std::vector<store::HistoryEntry>> History(const std::string& code);
  // The snapshot recorded latest at or before `instant`; null when the person
  // was not yet registered then. Errors: kNotFound beneficiary.not_found.
  Result<nlohmann::json> AsOf(const std::string& code,
                              std::chrono::system_clock::time_point instant);

 private:
  store::SqlSession& session_;
  const core::ReferenceCodes& codes_;
};

}  // namespace ansinh::app
