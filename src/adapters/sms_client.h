// The SMS gateway as src/app sees it (docs/protocols/sms.md): send a text to a
// phone under a client reference (the same reference again is the same
// message, never a second SMS) and read delivery receipts. One network client
// speaks the protocol over HTTP; tests reach sims/sms through it.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"

namespace ansinh::adapters {

struct SmsReceipt {
  std::int64_t seq = 0;
  std::string id;
  std::string client_ref;
  std::string status;  // "delivered" | "failed"
  std::string reason;  // when failed
};

struct SmsReceiptPage {
  std::vector<SmsReceipt> receipts;
  std::int64_t last = 0;  // the cursor for the next call
};

// Errors of every method (sms.*): kUnavailable sms.unreachable, sms.timeout,
// sms.bad_status (an unexpected HTTP status, the gateway's message quoted);
// kInvalidInput sms.bad_body (the answer is not what the protocol promises).
class SmsGateway {
 public:
  virtual ~SmsGateway() = default;

  // Hands the message over; returns the gateway's id. Errors also
  // kInvalidInput sms.rejected: the gateway refused this message (400:
  // number or text not acceptable) — sending it again will not help.
  virtual Result<std::string> Send(const std::string& to, const std::string& text,
                                   const std::string& client_ref) = 0;

  // Receipts after sequence number `since`.
  virtual Result<SmsReceiptPage> Receipts(std::int64_t since) = 0;
};

struct SmsClientOptions {
  std::chrono::milliseconds timeout{10'000};
};

// Errors: kInvalidInput sms.url_invalid.
Result<std::unique_ptr<SmsGateway>> MakeSmsClient(const std::string& base_url,
                                                  const SmsClientOptions& options = {});

}  // namespace ansinh::adapters
