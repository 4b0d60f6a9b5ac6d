// The SMS gateway simulator's memory (docs/protocols/sms.md): messages by
// client_ref (a re-send of the same reference is the same message, never a
// second SMS) and the delivery receipts in the order they happened. Whether a
// message is delivered is a function of the seed and its client_ref alone.
// Thread-safe: requests come from several server threads.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ansinh::sims {

struct SmsRules {
  std::uint64_t seed = 1;
  std::int64_t fail_bps = 0;  // share of messages whose receipt says failed, 100 = 1 %
};

struct SmsAnswer {
  int status = 202;
  nlohmann::json body;
};

// True when the message under `client_ref` is not delivered.
bool SmsFails(const SmsRules& rules, const std::string& client_ref);

class SmsSim {
 public:
  explicit SmsSim(SmsRules rules) : rules_(rules) {}

  // POST /messages with {"to","text","client_ref"}: 202 {"id","client_ref"};
  // 400 sim.sms_invalid; 409 sim.client_ref_reused (same ref, other message).
  SmsAnswer Send(const std::string& body);
  // GET /receipts?since=N: {"receipts":[{"seq","id","client_ref","status",
  // "reason"?}], "last": M}.
  SmsAnswer Receipts(std::int64_t since) const;
  // GET /messages: every accepted message, for tests to read what phones got.
  SmsAnswer Messages() const;

 private:
  struct Message {
    std::string id;
    std::string to;
    std::string text;
    std::string client_ref;
  };

  SmsRules rules_;
  mutable std::mutex mutex_;
  std::map<std::string, Message> by_ref_;
  std::vector<std::string> order_;        // client_refs as accepted
  std::vector<nlohmann::json> receipts_;  // seq = index + 1
};

}  // namespace ansinh::sims
