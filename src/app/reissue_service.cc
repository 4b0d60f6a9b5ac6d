#include "app/reissue_service.h"

#include <utility>

#include "app/ingest_service_common.h"
#include "app/registry_service.h"
#include "core/beneficiary.h"
#include "store/payment_followup_store.h"
#include "store/payment_method_store.h"
#include "store/payment_result_store.h"
#include "store/settlement_store.h"

namespace ansinh::app {
namespace {

Error ReissueConflict(const std::string& code, std::string message) {
  return MakeError(ErrorKind::kConflict, code, std::move(message));
}

// An account channel needs the person's current method to be of that channel
// and valid (a bank rejection marks it invalid until corrected).
Status CheckReissueMethod(store::SqlSession& session, const store::PaymentAttempt& a,
                          core::PaymentChannel channel) {
  if (!core::IsAccountChannel(channel)) return {};
  auto method = store::MakePaymentMethodStore(session)->Find(a.beneficiary_id);
  if (!method) return Fail(std::move(method.error()));
  if (!*method || (*method)->method.channel != channel || !(*method)->valid) {
    return Fail(ReissueConflict(
        "reissue.method_invalid",
        "Đối tượng " + a.beneficiary_code + " chưa có " +
            (channel == core::PaymentChannel::kBankAccount ? "tài khoản ngân hàng" : "ví điện tử") +
            " hợp lệ; cập nhật hình thức chi trả trước hoặc cấp lại bằng tiền mặt."));
  }
  return {};
}

Status CheckReissuable(store::SqlSession& session, const store::PaymentAttempt& a) {
  if (!a.live) {
    return Fail(ReissueConflict("reissue.already_reissued",
                                "Dòng " + a.line_id + " đã được cấp lại, đang chờ vào lô mới."));
  }
  if (a.line_status != "failed" && a.line_status != "returned") {
    return Fail(ReissueConflict("reissue.not_failed",
                                "Dòng " + a.line_id + " đang ở trạng thái " + a.line_status +
                                    "; chỉ cấp lại được dòng đã ghi nhận chi không thành công."));
  }
  auto unclaimed = store::MakePaymentFollowupStore(session)->IsUnclaimed(a.batch_ref, a.line_ref);
  if (!unclaimed) return Fail(std::move(unclaimed.error()));
  if (*unclaimed) {
    return Fail(ReissueConflict("reissue.returned_to_budget",
                                "Tiền mặt của dòng " + a.line_id +
                                    " không có người nhận đã hoàn về ngân sách; không cấp lại."));
  }
  auto settled = store::MakeSettlementStore(session)->IsSettledReturn(a.batch_ref, a.line_ref);
  if (!settled) return Fail(std::move(settled.error()));
  if (*settled) {
    return Fail(ReissueConflict("reissue.settled",
                                "Dòng " + a.line_id +
                                    " đã quyết toán, tiền đã hoàn về ngân sách; chi lại ở kỳ sau."));
  }
  if (a.transfer_vnd != a.amount_vnd) {
    return Fail(ReissueConflict("reissue.netted_line",
                                "Dòng " + a.line_id +
                                    " đã được bù trừ truy thu; cấp lại cần xử lý thủ công."));
  }
  return {};
}

Status WriteReissue(store::SqlSession& session, const store::PaymentAttempt& a,
                    const ReissueRequest& request, const std::string& now) {
  auto followup = store::MakePaymentFollowupStore(session);
  auto ended = followup->EndAttempt(a.batch_ref, a.line_ref);
  if (!ended) return Fail(ended.error());
  auto reopened = followup->ReopenLine(a.line_ref, a.line_status, request.channel);
  if (!reopened) return Fail(reopened.error());
  if (!*ended || !*reopened) {
    return Fail(ReissueConflict("reissue.not_failed",
                                "Dòng " + a.line_id + " vừa thay đổi; thử lại."));
  }
  auto inserted = followup->InsertReissue({a.line_ref, a.batch_ref, a.channel, request.channel,
                                           a.transfer_vnd, request.actor.name, now});
  if (!inserted) return inserted;
  return ingest_detail::PostIngestTransfer(
      session, "reissue:" + a.line_id + ":" + a.batch_id, a.cycle_id, "line.reissue", a.line_id,
      now,
      {{core::LedgerAccount::kReturned, -a.transfer_vnd},
       {core::LedgerAccount::kPayable, a.transfer_vnd}});
}

}  // namespace

nlohmann::json ToJson(const ReissueSummary& s) {
  return {{"line_id", s.line_id},           {"from_batch_id", s.from_batch_id},
          {"from_status", s.from_status},   {"from_channel", s.from_channel},
          {"channel", s.channel},           {"amount_vnd", s.amount_vnd},
          {"status", "pending"}};
}

Result<ReissueSummary> ReissueLine(store::SqlSession& session, const ReissueRequest& request) {
  auto channel = core::ParsePaymentChannel(request.channel);
  if (!channel || core::PaymentChannelCode(*channel) != request.channel) {
    return Fail(ErrorKind::kInvalidInput, "reissue.channel_invalid",
                "Hình thức cấp lại phải là CASH_PAYPOINT, CASH_HOME, BANK_ACCOUNT hoặc "
                "MOBILE_MONEY.");
  }
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto attempt = store::MakePaymentResultStore(session)->LatestAttempt(request.line_id);
  if (!attempt) return Fail(std::move(attempt.error()));
  if (!*attempt) {
    return Fail(ErrorKind::kNotFound, "reissue.line_unknown",
                "Dòng chi trả " + request.line_id + " chưa từng vào lô nào.");
  }
  const store::PaymentAttempt& a = **attempt;
  if (auto ok = CheckReissuable(session, a); !ok) return Fail(ok.error());
  if (auto ok = CheckReissueMethod(session, a, *channel); !ok) return Fail(ok.error());
  const std::string now = FormatInstant(request.now);
  if (auto ok = WriteReissue(session, a, request, now); !ok) return Fail(ok.error());
  ReissueSummary summary{a.line_id, a.batch_id, a.line_status, a.channel, request.channel,
                         a.transfer_vnd};
  auto audited = AppendAudit(session, request.actor,
                             AuditEvent{"disburse.reissue", "success", "payment_line", a.line_id,
                                        std::nullopt, ToJson(summary)});
  if (!audited) return Fail(audited.error());
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return summary;
}

}  // namespace ansinh::app
