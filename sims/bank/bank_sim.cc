#include "sims/bank/bank_sim.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

#include "sims/bank/pain001_in.h"
#include "sims/bank/pain002_out.h"
#include "sims/common/sim_hash.h"

namespace ansinh::sims {
namespace {

BankAnswer BankJsonError(int status, const Error& error) {
  return {status, "application/json; charset=utf-8",
          nlohmann::json{{"error", {{"code", error.code}, {"message", error.message}}}}.dump()};
}

}  // namespace

std::string Pain002MessageId(std::uint64_t seed, const std::string& pain001_message_id) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(SimHash(seed, "pain002", pain001_message_id)));
  return std::string("PSR-") + hex;
}

BankAnswer BankSim::Submit(const std::string& pain001, const std::string& now_iso) {
  auto message = ReadPain001(pain001);
  if (!message) return BankJsonError(400, message.error());
  const std::string fingerprint = Pain001Fingerprint(*message);
  std::lock_guard lock(mutex_);
  if (auto found = answered_.find(message->message_id); found != answered_.end()) {
    if (found->second.fingerprint != fingerprint) {
      return BankJsonError(
          409, MakeError(ErrorKind::kConflict, "sim.message_id_reused",
                         "Mã lệnh " + message->message_id + " đã được dùng cho một lệnh khác."));
    }
    return {200, "application/xml; charset=utf-8", found->second.pain002};
  }
  Pain002Out report{
      Pain002MessageId(rules_.seed, message->message_id),
      now_iso,
      message->message_id,
      message->payment_info_id.empty() ? message->message_id : message->payment_info_id,
      {}};
  std::vector<Camt054Return> returns;
  for (const auto& t : message->transactions) {
    const TxDecision decision = DecideTransaction(rules_, t.end_to_end_id);
    report.transactions.push_back({t.end_to_end_id, t.amount_vnd, decision.paid, decision.reason});
    if (!decision.paid) continue;
    if (auto reason = ReturnReason(rules_, t.end_to_end_id)) {
      returns.push_back({0, message->message_id, t.end_to_end_id, t.amount_vnd, *reason,
                         message->debtor_account, now_iso.substr(0, 10)});
    }
  }
  auto xml = WritePain002(report);
  if (!xml) return BankJsonError(500, xml.error());
  for (auto& r : returns) {
    r.sequence = static_cast<std::int64_t>(returns_.size()) + 1;
    returns_.push_back(std::move(r));
  }
  answered_.emplace(message->message_id, Answered{fingerprint, *xml});
  return {200, "application/xml; charset=utf-8", std::move(*xml)};
}

BankAnswer BankSim::Returns(std::int64_t since, const std::string& now_iso) {
  std::lock_guard lock(mutex_);
  const std::int64_t last = static_cast<std::int64_t>(returns_.size());
  if (since < 0 || since >= last) return {204, "", ""};
  Camt054Out notification{"RTN-" + std::to_string(since + 1) + "-" + std::to_string(last),
                          now_iso,
                          {returns_.begin() + since, returns_.end()}};
  auto xml = WriteCamt054(notification);
  if (!xml) return BankJsonError(500, xml.error());
  return {200, "application/xml; charset=utf-8", std::move(*xml)};
}

std::size_t BankSim::processed() const {
  std::lock_guard lock(mutex_);
  return answered_.size();
}

}  // namespace ansinh::sims
