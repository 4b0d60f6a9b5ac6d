#include "adapters/sms_client.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "adapters/http_exchange.h"

namespace ansinh::adapters {
namespace {

const OutsideSystem& SmsSystem() {
  static const OutsideSystem sms{"sms", "cổng SMS"};
  return sms;
}

Error SmsBadBody(const std::string& what) {
  return MakeError(ErrorKind::kInvalidInput, "sms.bad_body",
                   "Cổng SMS trả lời không đúng giao thức: " + what + ".");
}

Result<SmsReceipt> ReceiptOf(const nlohmann::json& item) {
  if (!item.is_object() || !item.value("seq", nlohmann::json()).is_number_integer() ||
      !item.value("client_ref", nlohmann::json()).is_string() ||
      !item.value("status", nlohmann::json()).is_string()) {
    return Fail(SmsBadBody("biên nhận thiếu seq, client_ref hoặc status"));
  }
  SmsReceipt r{item["seq"].get<std::int64_t>(), item.value("id", ""),
               item["client_ref"].get<std::string>(), item["status"].get<std::string>(),
               item.value("reason", "")};
  if (r.status != "delivered" && r.status != "failed") {
    return Fail(SmsBadBody("trạng thái biên nhận «" + r.status + "» không rõ"));
  }
  return r;
}

class HttpSmsClient final : public SmsGateway {
 public:
  HttpSmsClient(HttpEndpoint endpoint, SmsClientOptions options)
      : endpoint_(std::move(endpoint)), options_(options) {}

  Result<std::string> Send(const std::string& to, const std::string& text,
                           const std::string& client_ref) override {
    const nlohmann::json body = {{"to", to}, {"text", text}, {"client_ref", client_ref}};
    auto reply = HttpExchange(endpoint_, SmsSystem(), "POST", "/messages", body.dump(),
                              "application/json; charset=utf-8", options_.timeout);
    if (!reply) return Fail(std::move(reply.error()));
    if (reply->status == 400) {
      Error error = BadStatusError(SmsSystem(), *reply);
      error.kind = ErrorKind::kInvalidInput;
      error.code = "sms.rejected";
      return Fail(std::move(error));
    }
    if (reply->status != 202 && reply->status != 200) {
      return Fail(BadStatusError(SmsSystem(), *reply));
    }
    const auto json = nlohmann::json::parse(reply->body, nullptr, false);
    if (!json.is_object() || !json.value("id", nlohmann::json()).is_string()) {
      return Fail(SmsBadBody("thiếu mã tin nhắn (id)"));
    }
    return json["id"].get<std::string>();
  }

  Result<SmsReceiptPage> Receipts(std::int64_t since) override {
    auto reply = HttpExchange(endpoint_, SmsSystem(), "GET",
                              "/receipts?since=" + std::to_string(since), "", "", options_.timeout);
    if (!reply) return Fail(std::move(reply.error()));
    if (reply->status != 200) return Fail(BadStatusError(SmsSystem(), *reply));
    const auto json = nlohmann::json::parse(reply->body, nullptr, false);
    if (!json.is_object() || !json.value("receipts", nlohmann::json()).is_array() ||
        !json.value("last", nlohmann::json()).is_number_integer()) {
      return Fail(SmsBadBody("thiếu receipts hoặc last"));
    }
    SmsReceiptPage page;
    page.last = json["last"].get<std::int64_t>();
    for (const auto& item : json["receipts"]) {
      auto receipt = ReceiptOf(item);
      if (!receipt) return Fail(std::move(receipt.error()));
      page.receipts.push_back(std::move(*receipt));
    }
    return page;
  }

 private:
  HttpEndpoint endpoint_;
  SmsClientOptions options_;
};

}  // namespace

Result<std::unique_ptr<SmsGateway>> MakeSmsClient(const std::string& base_url,
                                                  const SmsClientOptions& options) {
  auto endpoint = ParseHttpBaseUrl(base_url, SmsSystem());
  if (!endpoint) return Fail(std::move(endpoint.error()));
  return std::unique_ptr<SmsGateway>(
      std::make_unique<HttpSmsClient>(std::move(*endpoint), options));
}

}  // namespace ansinh::adapters
