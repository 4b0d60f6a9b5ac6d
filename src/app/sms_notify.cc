#include "app/sms_notify.h"

#include <optional>
#include <utility>
#include <vector>

#include "app/registry_service.h"
#include "core/money.h"
#include "core/phone.h"
#include "store/beneficiary_store.h"
#include "store/gateway_cursor_store.h"
#include "store/notification_store.h"
#include "store/representative_store.h"

namespace ansinh::app {
namespace {

constexpr std::int64_t kDueBatch = 10'000;

// The stored phone in its 10-digit national form, read as the import read
// it (core::Phone); nullopt when it is missing or not a valid mobile number
// (the register has a finding for it).
std::optional<std::string> SmsNumberOf(const std::string& raw, const core::ReferenceCodes& codes) {
  auto phone = core::Phone::Parse(raw, codes);
  if (!phone) return std::nullopt;
  return phone->digits();
}

// The number the message goes to: a representative's when the line is paid
// to one and it has a phone, else the person's. Read through the register's
// stores, which open the sealed columns.
Result<std::optional<std::string>> RecipientPhone(store::SqlSession& session,
                                                  const core::ReferenceCodes& codes,
                                                  const store::NotificationRecord& n) {
  if (n.recipient != "SELF") {
    auto representative = store::MakeRepresentativeStore(session)->Find(n.beneficiary_id);
    if (!representative) return Fail(std::move(representative.error()));
    if (*representative) {
      if (auto number = SmsNumberOf((*representative)->phone.raw, codes)) return number;
    }
  }
  auto person = store::MakeBeneficiaryStore(session)->FindByCode(n.beneficiary_code);
  if (!person) return Fail(std::move(person.error()));
  if (!*person) return std::optional<std::string>();
  return SmsNumberOf((*person)->person.phone.raw, codes);
}

Result<std::int64_t> QueuePaidLines(store::SqlSession& session, const std::string& now) {
  store::NotificationStore outbox(session);
  auto lines = outbox.PaidLinesWithoutNotification();
  if (!lines) return Fail(std::move(lines.error()));
  std::vector<std::pair<store::PaidLineToNotify, std::string>> rows;
  rows.reserve(lines->size());
  for (auto& line : *lines) {
    std::string text = PaidMessageText(line.period, line.transfer_vnd);
    rows.emplace_back(std::move(line), std::move(text));
  }
  return outbox.Enqueue(rows, now);
}

// Applies the receipts after the stored cursor and moves it, in one transaction.
Result<std::int64_t> ReadReceipts(store::SqlSession& session, adapters::SmsGateway& gateway,
                                  const NotifyRequest& request, const std::string& now) {
  store::NotificationStore outbox(session);
  auto cursor = store::ReadGatewayCursor(session, "sms:" + request.gateway);
  if (!cursor) return Fail(std::move(cursor.error()));
  auto page = gateway.Receipts(*cursor);
  if (!page) return Fail(std::move(page.error()));
  if (page->receipts.empty() && page->last == *cursor) return 0;
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  std::int64_t applied = 0;
  for (const auto& receipt : page->receipts) {
    auto changed = outbox.ApplyReceipt(receipt.client_ref, receipt.status == "delivered",
                                       receipt.reason, request.max_attempts, now);
    if (!changed) return Fail(std::move(changed.error()));
    applied += *changed;
  }
  if (auto ok = store::WriteGatewayCursor(session, "sms:" + request.gateway, page->last); !ok)
    return Fail(ok.error());
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return applied;
}

// One round: every due row handed to the gateway. Returns the attempts sent.
Result<std::int64_t> SendDue(store::SqlSession& session, const core::ReferenceCodes& codes,
                             adapters::SmsGateway& gateway, const NotifyRequest& request,
                             const std::string& now) {
  store::NotificationStore outbox(session);
  auto due = outbox.Due(request.max_attempts, kDueBatch);
  if (!due) return Fail(std::move(due.error()));
  std::int64_t sent = 0;
  for (const auto& n : *due) {
    auto phone = RecipientPhone(session, codes, n);
    if (!phone) return Fail(std::move(phone.error()));
    if (!*phone) {
      if (auto ok = outbox.MarkFinal(n.id, "no_phone", "Không có số điện thoại.", now); !ok) {
        return Fail(ok.error());
      }
      continue;
    }
    // A row left 'sending' by a crash goes out again under the same reference.
    std::string client_ref = n.client_ref;
    if (n.status != "sending") {
      const std::int64_t attempt = n.attempts + 1;
      client_ref = "ANS-" + std::to_string(n.id) + "-" + std::to_string(attempt);
      if (auto ok = outbox.MarkSending(n.id, attempt, client_ref, now); !ok) {
        return Fail(ok.error());
      }
    }
    auto id = gateway.Send(**phone, n.text, client_ref);
    if (!id && id.error().code == "sms.rejected") {
      if (auto ok = outbox.MarkFinal(n.id, "failed", id.error().message, now); !ok) {
        return Fail(ok.error());
      }
      continue;
    }
    if (!id) return Fail(std::move(id.error()));
    if (auto ok = outbox.MarkSent(n.id, *id, now); !ok) {
      return Fail(ok.error());
    }
    ++sent;
  }
  return sent;
}

}  // namespace

std::string PaidMessageText(const std::string& period, std::int64_t amount_vnd) {
  const std::string month =
      period.size() == 7 ? period.substr(5, 2) + "/" + period.substr(0, 4) : period;
  return "ansinh: Đã chi trả trợ cấp tháng " + month + ": " +
         core::MoneyVnd::FromDong(amount_vnd).ToGroupedString() +
         " đồng. Thắc mắc xin liên hệ UBND xã nơi cư trú.";
}

nlohmann::json ToJson(const NotifySummary& s) {
  return {
      {"queued", s.queued}, {"sent", s.sent}, {"receipts", s.receipts}, {"outbox", s.by_status}};
}

Result<NotifySummary> NotifyPaidLines(store::SqlSession& session, const core::ReferenceCodes& codes,
                                      adapters::SmsGateway& gateway, const NotifyRequest& request) {
  if (request.max_attempts < 1 || request.max_attempts > 10) {
    return Fail(ErrorKind::kInvalidInput, "notify.max_attempts_invalid",
                "Số lần gửi tối đa phải từ 1 đến 10.");
  }
  const std::string now = FormatInstant(request.now);
  NotifySummary summary;
  auto queued = QueuePaidLines(session, now);
  if (!queued) return Fail(std::move(queued.error()));
  summary.queued = *queued;
  auto receipts = ReadReceipts(session, gateway, request, now);
  if (!receipts) return Fail(std::move(receipts.error()));
  summary.receipts += *receipts;
  for (std::int64_t round = 0; round < request.max_attempts; ++round) {
    auto sent = SendDue(session, codes, gateway, request, now);
    if (!sent) return Fail(std::move(sent.error()));
    if (*sent == 0) break;
    summary.sent += *sent;
    receipts = ReadReceipts(session, gateway, request, now);
    if (!receipts) return Fail(std::move(receipts.error()));
    summary.receipts += *receipts;
  }
  auto counts = store::NotificationStore(session).CountByStatus();
  if (!counts) return Fail(std::move(counts.error()));
  summary.by_status = std::move(*counts);
  if (auto ok = AppendAudit(session, request.actor,
                            AuditEvent{"disburse.notify", "success", "notifications",
                                       request.gateway, std::nullopt, ToJson(summary)});
      !ok) {
    return Fail(ok.error());
  }
  return summary;
}

}  // namespace ansinh::app
