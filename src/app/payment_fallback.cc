#include "app/payment_fallback.h"

#include <utility>

#include "app/registry_service.h"
#include "app/registry_service_write.h"
#include "store/beneficiary_store.h"
#include "store/finding_store.h"
#include "store/payment_result_store.h"

namespace ansinh::app {
namespace {

// The problem code a bank rejection leaves on the payment method; the
// payroll's hold reason names it (app/payroll_routing.cc).
constexpr const char* kRejectedByBank = "payment_method.rejected_by_bank";

std::string BankReasonText(const std::string& code) {
  if (code == "MD07") return "người nhận đã chết";
  if (code == "AC01") return "số tài khoản sai";
  if (code == "AC04") return "tài khoản đã đóng";
  if (code == "AC06") return "tài khoản bị phong tỏa";
  return "lý do " + code;
}

ChangeContext FallbackContext(const AuditActor& actor, std::chrono::system_clock::time_point now,
                              const store::PendingFallback& p) {
  return ChangeContext{actor.name, now,
                       "Ngân hàng từ chối dòng chi trả " + p.line_id + " (" + p.reason_code + ": " +
                           BankReasonText(p.reason_code) + ").",
                       actor};
}

// Suspends the person; false when they were not active (nothing to change).
Result<bool> SuspendDeceased(store::SqlSession& session, const core::ReferenceCodes& codes,
                             const ChangeContext& context, const store::PendingFallback& p) {
  auto done = RegistryService(session, codes).ChangeStatus(p.beneficiary_code, StatusChange{},
                                                           context);
  if (done) return true;
  if (done.error().code == "beneficiary.status_transition") return false;
  return Fail(std::move(done.error()));
}

// Marks the payment method invalid; false when it was invalid already.
Result<bool> BlockMethod(store::SqlSession& session, const ChangeContext& context,
                         const store::PendingFallback& p) {
  auto done = ApplyEdit(session, p.beneficiary_code, context,
                        [&](store::PersonAggregate& person) -> Result<Edit> {
                          auto& method = person.payment_method;
                          if (!method || !method->valid) {
                            return Fail(ErrorKind::kConflict, "fallback.nothing_to_block",
                                        "Hình thức chi trả đã không hợp lệ.");
                          }
                          method->valid = false;
                          method->problems = kRejectedByBank;
                          return Edit{"payment_method_blocked", MonthOf(context.now), true, ""};
                        });
  if (done) return true;
  if (done.error().code == "fallback.nothing_to_block") return false;
  return Fail(std::move(done.error()));
}

store::FindingRecord FindingFor(const store::PendingFallback& p, std::int64_t beneficiary_id,
                                const std::string& action, const std::string& now) {
  store::FindingRecord f;
  f.beneficiary_id = beneficiary_id;
  f.created_at = now;
  if (action == "suspend") {
    f.field = "tinh_trang";
    f.code = "payment.deceased_reported";
    f.message = "Ngân hàng từ chối dòng chi trả " + p.line_id +
                " vì người nhận đã chết (MD07); đã tạm dừng chi trả. Cần xác minh và làm thủ "
                "tục thôi hưởng.";
  } else {
    f.field = "so_tai_khoan";
    f.code = kRejectedByBank;
    f.message = "Ngân hàng từ chối dòng chi trả " + p.line_id + " (" + p.reason_code + ": " +
                BankReasonText(p.reason_code) +
                "). Cần cập nhật tài khoản hoặc chuyển sang nhận tiền mặt.";
  }
  return f;
}

// The finding and the fallback record, in one transaction. The finding is
// opened even when the register had nothing left to change (a second line of
// the same person, or a run interrupted after the change): each rejected line
// is named on the worklist once, because the fallback record is written with it.
Status RecordFallback(store::SqlSession& session, const store::PendingFallback& p,
                      const std::string& action, const AuditActor& actor, const std::string& now,
                      FallbackSummary& summary) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  if (action != "none") {
    auto person = store::MakeBeneficiaryStore(session)->FindByCode(p.beneficiary_code);
    if (!person) return Fail(std::move(person.error()));
    if (*person) {
      auto added =
          store::MakeFindingStore(session)->AddBatch({FindingFor(p, (*person)->id, action, now)});
      if (!added) return Fail(std::move(added.error()));
      ++summary.findings;
    }
  }
  auto inserted = store::MakePaymentResultStore(session)->InsertFallback(
      {p.batch_ref, p.line_ref, p.reason_code, action, actor.name, now});
  if (!inserted) return Fail(std::move(inserted.error()));
  return transaction->Commit();
}

}  // namespace

nlohmann::json ToJson(const FallbackSummary& s) {
  return {{"suspended", s.suspended},
          {"methods_blocked", s.methods_blocked},
          {"recorded_only", s.recorded_only},
          {"findings", s.findings}};
}

std::string FallbackActionFor(const std::string& reason_code) {
  if (reason_code == "MD07") return "suspend";
  if (reason_code == "AC01" || reason_code == "AC04" || reason_code == "AC06") {
    return "block_method";
  }
  return "none";
}

Result<FallbackSummary> ApplyPaymentFallbacks(store::SqlSession& session,
                                              const core::ReferenceCodes& codes,
                                              const AuditActor& actor,
                                              std::chrono::system_clock::time_point now) {
  FallbackSummary summary;
  auto pending = store::MakePaymentResultStore(session)->PendingFallbacks(kMaxFallbacksPerRun);
  if (!pending) return Fail(std::move(pending.error()));
  const std::string at = FormatInstant(now);
  for (const auto& p : *pending) {
    const std::string action = FallbackActionFor(p.reason_code);
    const ChangeContext context = FallbackContext(actor, now, p);
    Result<bool> changed = false;
    if (action == "suspend") changed = SuspendDeceased(session, codes, context, p);
    if (action == "block_method") changed = BlockMethod(session, context, p);
    if (!changed) return Fail(std::move(changed.error()));
    if (*changed) {
      (action == "suspend" ? summary.suspended : summary.methods_blocked) += 1;
    } else {
      ++summary.recorded_only;
    }
    if (auto ok = RecordFallback(session, p, action, actor, at, summary); !ok) {
      return Fail(ok.error());
    }
  }
  return summary;
}

}  // namespace ansinh::app
