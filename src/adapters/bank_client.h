// The bank (or payment provider) as src/app sees it: hand over a pain.001
// credit transfer initiation and get its pain.002 status report; fetch later
// returns as camt.054 (docs/protocols/bank.md). One network client speaks the
// protocol over HTTP; tests reach sims/bank through it.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/error.h"

namespace ansinh::adapters {

// Returned transfers the bank booked after a cursor.
struct BankReturns {
  std::string camt054_xml;      // a camt.054.001.08 notification
  std::int64_t last_entry = 0;  // its highest NtryRef: the next cursor
};

// Errors of every method (bank.*): kUnavailable bank.unreachable (no
// connection), bank.timeout (no whole answer in time), bank.bad_status (an
// HTTP status other than the protocol's; the bank's message is quoted);
// kInvalidInput bank.bad_body (the answer is not what the protocol promises).
class BankGateway {
 public:
  virtual ~BankGateway() = default;

  // Posts the pain.001 whose GrpHdr/MsgId is `message_id` and returns the
  // pain.002.001.10 answer, checked to report on that message. Sending the
  // same message again returns the same answer (the bank keys on MsgId).
  virtual Result<std::string> SubmitPain001(const std::string& message_id,
                                            const std::string& pain001_xml) = 0;

  // The camt.054 notification of returns booked after entry `since`
  // (NtryRef), or nullopt when there is none.
  virtual Result<std::optional<BankReturns>> FetchReturns(std::int64_t since) = 0;
};

struct BankClientOptions {
  std::chrono::milliseconds timeout{30'000};  // per request: connect, send, answer
};

// Errors: kInvalidInput bank.url_invalid.
Result<std::unique_ptr<BankGateway>> MakeBankClient(const std::string& base_url,
                                                    const BankClientOptions& options = {});

}  // namespace ansinh::adapters
