#include "sims/sms/sms_sim.h"

#include <cstdio>

#include "sims/common/sim_hash.h"

namespace ansinh::sims {
namespace {

constexpr std::size_t kMaxSmsTextBytes = 1000;  // a few concatenated UCS-2 parts

SmsAnswer SmsError(int status, const std::string& code, const std::string& message) {
  return {status, {{"error", {{"code", code}, {"message", message}}}}};
}

bool SmsPhoneOk(const std::string& to) {
  if (to.size() != 10 || to[0] != '0') return false;
  for (char c : to) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool SmsFails(const SmsRules& rules, const std::string& client_ref) {
  return SimDrawBps(rules.seed, "sms", client_ref) < rules.fail_bps;
}

SmsAnswer SmsSim::Send(const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object() || !json.value("to", nlohmann::json()).is_string() ||
      !json.value("text", nlohmann::json()).is_string() ||
      !json.value("client_ref", nlohmann::json()).is_string()) {
    return SmsError(400, "sim.sms_invalid",
                    "Cần JSON {\"to\", \"text\", \"client_ref\"} với các giá trị là chuỗi.");
  }
  Message m{"", json["to"], json["text"], json["client_ref"]};
  if (!SmsPhoneOk(m.to) || m.text.empty() || m.text.size() > kMaxSmsTextBytes ||
      m.client_ref.empty() || m.client_ref.size() > 64) {
    return SmsError(400, "sim.sms_invalid",
                    "Số điện thoại phải có 10 chữ số bắt đầu bằng 0; nội dung không trống, tối "
                    "đa 1000 byte; client_ref không trống, tối đa 64 ký tự.");
  }
  std::lock_guard lock(mutex_);
  if (auto found = by_ref_.find(m.client_ref); found != by_ref_.end()) {
    if (found->second.to != m.to || found->second.text != m.text) {
      return SmsError(409, "sim.client_ref_reused",
                      "client_ref " + m.client_ref + " đã được dùng cho một tin nhắn khác.");
    }
    return {202, {{"id", found->second.id}, {"client_ref", m.client_ref}}};
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(SimHash(rules_.seed, "sms-id", m.client_ref)));
  m.id = std::string("SMS-") + hex;
  nlohmann::json receipt = {
      {"seq", receipts_.size() + 1}, {"id", m.id}, {"client_ref", m.client_ref}};
  if (SmsFails(rules_, m.client_ref)) {
    receipt["status"] = "failed";
    receipt["reason"] = "UNDELIVERABLE";
  } else {
    receipt["status"] = "delivered";
  }
  receipts_.push_back(std::move(receipt));
  order_.push_back(m.client_ref);
  const std::string id = m.id;
  by_ref_.emplace(m.client_ref, std::move(m));
  return {202, {{"id", id}, {"client_ref", order_.back()}}};
}

SmsAnswer SmsSim::Receipts(std::int64_t since) const {
  std::lock_guard lock(mutex_);
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = since < 0 ? 0 : static_cast<std::size_t>(since); i < receipts_.size(); ++i) {
    list.push_back(receipts_[i]);
  }
  return {200, {{"receipts", std::move(list)}, {"last", receipts_.size()}}};
}

SmsAnswer SmsSim::Messages() const {
  std::lock_guard lock(mutex_);
  nlohmann::json list = nlohmann::json::array();
  for (const std::string& ref : order_) {
    const Message& m = by_ref_.at(ref);
    list.push_back({{"id", m.id}, {"to", m.to}, {"text", m.text}, {"client_ref", m.client_ref}});
  }
  return {200, {{"messages", std::move(list)}}};
}

}  // namespace ansinh::sims
