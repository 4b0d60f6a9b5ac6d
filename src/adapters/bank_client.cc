#include "adapters/bank_client.h"

#include <algorithm>
#include <charconv>
#include <pugixml.hpp>
#include <utility>

#include "adapters/http_exchange.h"
#include "formats/pain002_reader.h"

namespace ansinh::adapters {
namespace {

const OutsideSystem& Bank() {
  static const OutsideSystem bank{"bank", "ngân hàng"};
  return bank;
}

Error BadBody(std::string message) {
  return MakeError(ErrorKind::kInvalidInput, "bank.bad_body", std::move(message));
}

// The highest NtryRef of a camt.054.001.08 notification: the protocol's
// cursor (docs/protocols/bank.md). Every entry must carry one.
Result<std::int64_t> LastEntry(const std::string& xml) {
  pugi::xml_document doc;
  const pugi::xml_node root =
      doc.load_buffer(xml.data(), xml.size()) ? doc.child("Document") : pugi::xml_node();
  const pugi::xml_node message = root.child("BkToCstmrDbtCdtNtfctn");
  if (!message || std::string(root.attribute("xmlns").value()) !=
                      "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08") {
    return Fail(BadBody("Ngân hàng trả lời không phải thông báo camt.054.001.08."));
  }
  std::int64_t last = 0;
  for (const pugi::xml_node& notification : message.children("Ntfctn")) {
    for (const pugi::xml_node& entry : notification.children("Ntry")) {
      const std::string text = entry.child_value("NtryRef");
      std::int64_t value = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        return Fail(BadBody("Bút toán hoàn trả thiếu số thứ tự NtryRef hợp lệ."));
      }
      last = std::max(last, value);
    }
  }
  if (last == 0) return Fail(BadBody("Thông báo camt.054 không có bút toán nào."));
  return last;
}

class HttpBankClient final : public BankGateway {
 public:
  HttpBankClient(HttpEndpoint endpoint, BankClientOptions options)
      : endpoint_(std::move(endpoint)), options_(options) {}

  Result<std::string> SubmitPain001(const std::string& message_id,
                                    const std::string& pain001_xml) override {
    auto reply = HttpExchange(endpoint_, Bank(), "POST", "/pain001", pain001_xml,
                              "application/xml; charset=utf-8", options_.timeout);
    if (!reply) return Fail(std::move(reply.error()));
    if (reply->status != 200) return Fail(BadStatusError(Bank(), *reply));
    // Checked here so that a wrong answer is the bank's fault, named as such,
    // before anything reaches the ingest.
    auto report = formats::ParsePain002(reply->body);
    if (!report) {
      return Fail(BadBody("Ngân hàng trả lời lệnh " + message_id +
                          " không phải báo cáo pain.002 hợp lệ: " + report.error().message));
    }
    if (report->original_message_id != message_id) {
      return Fail(BadBody("Ngân hàng trả lời lệnh " + message_id + " bằng báo cáo của lệnh " +
                          report->original_message_id + "."));
    }
    return std::move(reply->body);
  }

  Result<std::optional<BankReturns>> FetchReturns(std::int64_t since) override {
    auto reply = HttpExchange(endpoint_, Bank(), "GET", "/camt054?since=" + std::to_string(since),
                              "", "", options_.timeout);
    if (!reply) return Fail(std::move(reply.error()));
    if (reply->status == 204) return std::optional<BankReturns>();
    if (reply->status != 200) return Fail(BadStatusError(Bank(), *reply));
    auto last = LastEntry(reply->body);
    if (!last) return Fail(std::move(last.error()));
    if (*last <= since) {
      return Fail(BadBody("Ngân hàng trả lời các bút toán đã nhận (NtryRef không lớn hơn " +
                          std::to_string(since) + ")."));
    }
    return std::optional<BankReturns>(BankReturns{std::move(reply->body), *last});
  }

 private:
  HttpEndpoint endpoint_;
  BankClientOptions options_;
};

}  // namespace

Result<std::unique_ptr<BankGateway>> MakeBankClient(const std::string& base_url,
                                                    const BankClientOptions& options) {
  auto endpoint = ParseHttpBaseUrl(base_url, Bank());
  if (!endpoint) return Fail(std::move(endpoint.error()));
  return std::unique_ptr<BankGateway>(
      std::make_unique<HttpBankClient>(std::move(*endpoint), options));
}

}  // namespace ansinh::adapters
