// What the payroll needs to know about the people of one paying office, read
// in chunks of consecutive beneficiary ids so that an office of millions of
// people never sits in memory at once: each person's facts as known today
// (core::PersonFacts, with suspension spans derived from the register's
// history), their payment method for routing, the amounts approved cycles
// already paid for their entitlements (core::PaidLedger) and their one-off
// payments of the period.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/beneficiary.h"
#include "core/error.h"
#include "core/payroll.h"
#include "store/sql_session.h"

namespace ansinh::store {

// The communes an office pays, per map edition (a register kept from before
// the 2025 reform still carries old codes). Codes are 5 digits.
struct OfficeCommunes {
  std::vector<std::string> pre2025;
  std::vector<std::string> y2025;
};

// The current payment method as routing needs it.
struct PayrollMethod {
  core::PaymentChannel channel = core::PaymentChannel::kCashPaypoint;
  core::Recipient recipient = core::Recipient::kSelf;
  bool valid = true;
  std::string problems;  // stored problem codes when not valid
  std::optional<core::Date> authorisation_from;  // the representative's, if any
  std::optional<core::Date> authorisation_to;
};

struct PayrollPerson {
  core::PersonFacts facts;
  std::string commune_code;
  std::optional<PayrollMethod> method;  // none: no method registered
};

struct PayrollOneOff {
  std::int64_t id = 0;
  core::OneOffPayment payment;
};

struct PayrollChunk {
  std::vector<PayrollPerson> persons;  // by beneficiary id; only people with entitlements
  core::PaidLedger paid;
  std::vector<PayrollOneOff> one_offs;  // of the period, by person
};

// Thread safety: as the session it works on (one thread at a time).
class PayrollFactsStore {
 public:
  virtual ~PayrollFactsStore() = default;

  // The highest beneficiary id (0 when the register is empty).
  virtual Result<std::int64_t> MaxBeneficiaryId() = 0;

  // People of `communes` with ids in [first_id, last_id], their ledger for
  // months from `ledger_from` on, and their one-offs of `period`.
  virtual Result<PayrollChunk> LoadChunk(const OfficeCommunes& communes, std::int64_t first_id,
                                         std::int64_t last_id, core::Period period,
                                         core::Period ledger_from) = 0;
};

// `session` must outlive the store.
std::unique_ptr<PayrollFactsStore> MakePayrollFactsStore(SqlSession& session);

// Spans from a person's status changes, oldest first: "suspended" opens a
// span from its effective month, "reinstated" closes it, and
// "reinstated_back_pay" closes it with back pay. Exposed for tests.
struct StatusChangeRow {
  std::string change_kind;
  core::Period effective_month;
};
std::vector<core::SuspensionSpan> SuspensionSpans(const std::vector<StatusChangeRow>& changes);

}  // namespace ansinh::store
