// The bank simulator's memory (docs/protocols/bank.md): every pain.001 it
// answered, by MsgId, so the same message is never processed twice and gets
// the same pain.002 again; and the returns it will report through camt.054.
// Thread-safe: requests come from several server threads.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "sims/bank/bank_rules.h"
#include "sims/bank/camt054_out.h"

namespace ansinh::sims {

struct BankAnswer {
  int status = 200;
  std::string content_type;
  std::string body;
};

class BankSim {
 public:
  explicit BankSim(BankRules rules) : rules_(std::move(rules)) {}

  // POST /pain001. `now_iso` stamps a first answer (CreDtTm, booking date).
  BankAnswer Submit(const std::string& pain001, const std::string& now_iso);
  // GET /camt054?since=N: the returns with a sequence above N, or 204.
  BankAnswer Returns(std::int64_t since, const std::string& now_iso);
  // How many distinct messages were processed (for /healthz).
  std::size_t processed() const;

 private:
  struct Answered {
    std::string fingerprint;
    std::string pain002;
  };

  BankRules rules_;
  mutable std::mutex mutex_;
  std::map<std::string, Answered> answered_;  // by pain.001 MsgId
  std::vector<Camt054Return> returns_;        // sequence = index + 1
};

// The report's MsgId for a pain.001 MsgId: stable across restarts of the
// simulator, so even a re-send after one is ingested as a duplicate.
std::string Pain002MessageId(std::uint64_t seed, const std::string& pain001_message_id);

}  // namespace ansinh::sims
