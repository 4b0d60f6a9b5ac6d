#include "app/unclaimed_cash.h"

#include <map>
#include <utility>

#include "app/ingest_service_common.h"
#include "app/registry_service.h"
#include "core/date.h"
#include "store/payment_followup_store.h"

namespace ansinh::app {
namespace {

Status PostUnclaimedBatch(store::SqlSession& session, const UnclaimedBatch& b,
                          std::int64_t cycle_id, const std::string& as_of,
                          const std::string& now) {
  const std::string suffix = b.batch_id + ":" + as_of;
  auto held = ingest_detail::PostIngestTransfer(
      session, "unclaimed:" + suffix, cycle_id, "cash.unclaimed", b.batch_id, now,
      {{core::LedgerAccount::kCashHeld, -b.amount_vnd}, {core::LedgerAccount::kReturned, b.amount_vnd}});
  if (!held) return held;
  return ingest_detail::PostIngestTransfer(
      session, "unclaimed-budget:" + suffix, cycle_id, "cash.to_budget", b.batch_id, now,
      {{core::LedgerAccount::kReturned, -b.amount_vnd}, {core::LedgerAccount::kBudget, b.amount_vnd}});
}

Status ExpireAttempts(store::SqlSession& session, const std::vector<store::PaymentAttempt>& due,
                      const UnclaimedRequest& request, const std::string& now,
                      UnclaimedSummary& summary) {
  auto followup = store::MakePaymentFollowupStore(session);
  std::vector<std::int64_t> line_refs;
  std::vector<store::UnclaimedRecord> records;
  std::map<std::string, std::pair<UnclaimedBatch, std::int64_t>> batches;  // + cycle id
  for (const auto& a : due) {
    line_refs.push_back(a.line_ref);
    records.push_back({a.batch_ref, a.line_ref, a.transfer_vnd, request.as_of, request.actor.name, now});
    auto& [batch, cycle_id] = batches[a.batch_id];
    batch.batch_id = a.batch_id;
    batch.pay_by_date = a.pay_by_date;
    cycle_id = a.cycle_id;
    ++batch.lines;
    batch.amount_vnd += a.transfer_vnd;
  }
  auto changed = followup->MarkSentReturned(line_refs);
  if (!changed) return Fail(changed.error());
  if (*changed != static_cast<std::int64_t>(line_refs.size())) {
    return Fail(ErrorKind::kConflict, "unclaimed.lines_changed",
                "Một số dòng vừa thay đổi trạng thái; chạy lại.");
  }
  if (auto ok = followup->InsertUnclaimed(records); !ok) return ok;
  for (const auto& [id, entry] : batches) {
    if (auto ok = PostUnclaimedBatch(session, entry.first, entry.second, request.as_of, now); !ok) {
      return ok;
    }
    summary.batches.push_back(entry.first);
    summary.lines += entry.first.lines;
    summary.amount_vnd += entry.first.amount_vnd;
  }
  return {};
}

}  // namespace

nlohmann::json ToJson(const UnclaimedSummary& s) {
  nlohmann::json batches = nlohmann::json::array();
  for (const auto& b : s.batches) {
    batches.push_back({{"batch_id", b.batch_id},
                       {"pay_by_date", b.pay_by_date},
                       {"lines", b.lines},
                       {"amount_vnd", b.amount_vnd}});
  }
  return {{"as_of", s.as_of}, {"days", s.days},           {"last_pay_by", s.last_pay_by},
          {"lines", s.lines}, {"amount_vnd", s.amount_vnd}, {"batches", batches}};
}

std::optional<std::string> DaysBefore(const std::string& date, int days) {
  auto parsed = core::Date::Parse(date);
  if (!parsed || parsed->is_year_only() || date.size() != 10 || date[4] != '-') return std::nullopt;
  using namespace std::chrono;
  const sys_days day = sys_days(year_month_day(year(parsed->year()),
                                               month(static_cast<unsigned>(parsed->month())),
                                               std::chrono::day(static_cast<unsigned>(parsed->day())))) -
                       std::chrono::days(days);
  const year_month_day ymd(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return std::string(text);
}

Result<UnclaimedSummary> ExpireUnclaimedCash(store::SqlSession& session,
                                             const UnclaimedRequest& request) {
  if (request.days < 1 || request.days > 365) {
    return Fail(ErrorKind::kInvalidInput, "unclaimed.days_invalid",
                "Số ngày chờ nhận tiền mặt phải từ 1 đến 365.");
  }
  auto last_pay_by = DaysBefore(request.as_of, request.days);
  if (!last_pay_by) {
    return Fail(ErrorKind::kInvalidInput, "unclaimed.date_invalid",
                "Ngày tính (--as-of) phải có dạng YYYY-MM-DD.");
  }
  UnclaimedSummary summary{request.as_of, request.days, *last_pay_by, 0, 0, {}};
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto due = store::MakePaymentFollowupStore(session)->SentCashDueBy(*last_pay_by);
  if (!due) return Fail(std::move(due.error()));
  if (due->empty()) return summary;
  const std::string now = FormatInstant(request.now);
  if (auto ok = ExpireAttempts(session, *due, request, now, summary); !ok) return Fail(ok.error());
  auto audited = AppendAudit(session, request.actor,
                             AuditEvent{"disburse.expire_cash", "success", "unclaimed_cash",
                                        request.as_of, std::nullopt, ToJson(summary)});
  if (!audited) return Fail(audited.error());
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return summary;
}

}  // namespace ansinh::app
