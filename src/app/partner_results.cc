// Reading a partner's result message: the JSON shape only. What the lines
// mean is checked by the ingest (ingest_service_partner.cc).
#include "app/partner_results.h"

#include <sodium.h>

#include <array>
#include <utility>

namespace ansinh::app {
namespace {

constexpr std::int64_t kMaxPartnerAmountVnd = 1'000'000'000'000;

struct PartnerParse {
  std::vector<ErrorDetail> problems;
  void Add(std::string field, std::string message) {
    if (problems.size() < 100) {
      problems.push_back({0, std::move(field), "partner.body_invalid", std::move(message)});
    }
  }
};

bool IsMessageIdChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '-';
}

// A text member of `object` of at most max_bytes ("" when absent and optional).
std::string PartnerText(const nlohmann::json& object, const char* key, const std::string& path,
                        std::size_t max_bytes, bool required, PartnerParse& p) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    if (required) p.Add(path + key, "Thiếu trường " + path + key + ".");
    return "";
  }
  if (!found->is_string() || found->get_ref<const std::string&>().size() > max_bytes ||
      (required && found->get_ref<const std::string&>().empty())) {
    p.Add(path + key, "Trường " + path + key + " phải là chuỗi không rỗng, tối đa " +
                          std::to_string(max_bytes) + " byte.");
    return "";
  }
  return found->get<std::string>();
}

bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return false;
  }
  const int month = std::stoi(text.substr(5, 2));
  const int day = std::stoi(text.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

formats::ProviderResultRow PartnerRow(const nlohmann::json& entry, std::size_t index,
                                      PartnerParse& p) {
  const std::string path = "message.disbursement_status[" + std::to_string(index) + "].";
  formats::ProviderResultRow row;
  row.row_number = static_cast<long>(index + 1);
  if (!entry.is_object()) {
    p.Add(path.substr(0, path.size() - 1), "Mỗi kết quả phải là một đối tượng JSON.");
    return row;
  }
  row.line_id = PartnerText(entry, "reference_id", path, 64, true, p);
  const std::string status = PartnerText(entry, "status", path, 8, true, p);
  if (!status.empty() && status != "succ" && status != "rjct") {
    p.Add(path + "status", "Trạng thái chỉ nhận succ (đã chi) hoặc rjct (không chi được).");
  }
  row.paid = status == "succ";
  row.reason = PartnerText(entry, "reason_code", path, 200, false, p);
  const auto amount = entry.find("amount_vnd");
  if (amount == entry.end() || !amount->is_number_integer() || amount->get<std::int64_t>() < 0 ||
      amount->get<std::int64_t>() > kMaxPartnerAmountVnd) {
    p.Add(path + "amount_vnd", "Số tiền phải là số nguyên đồng, không âm.");
  } else {
    row.amount_vnd = amount->get<std::int64_t>();
  }
  const std::string paid_on = PartnerText(entry, "paid_on", path, 10, false, p);
  if (!paid_on.empty() && !IsIsoDate(paid_on)) {
    p.Add(path + "paid_on", "Ngày chi phải có dạng YYYY-MM-DD.");
  } else if (!paid_on.empty()) {
    row.paid_on = paid_on;
  }
  return row;
}

std::string PartnerSha256Hex(const std::string& text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

void ReadPartnerHeader(const nlohmann::json& body, PartnerResultMessage& out, PartnerParse& p) {
  const auto header = body.find("header");
  if (header == body.end() || !header->is_object()) {
    p.Add("header", "Thiếu đối tượng header (message_id, message_ts).");
    return;
  }
  out.message_id = PartnerText(*header, "message_id", "header.", 64, true, p);
  for (const char c : out.message_id) {
    if (!IsMessageIdChar(c)) {
      p.Add("header.message_id", "message_id chỉ gồm chữ không dấu, số, '.', '_', ':', '-'.");
      break;
    }
  }
  out.message_ts = PartnerText(*header, "message_ts", "header.", 64, false, p);
}

}  // namespace

Result<PartnerResultMessage> ParsePartnerResults(const nlohmann::json& body) {
  PartnerParse p;
  PartnerResultMessage out;
  ReadPartnerHeader(body, out, p);
  const auto message = body.find("message");
  if (message == body.end() || !message->is_object()) {
    p.Add("message", "Thiếu đối tượng message (transaction_id, disbursement_status).");
  } else {
    out.transaction_id = PartnerText(*message, "transaction_id", "message.", 35, true, p);
    const auto list = message->find("disbursement_status");
    if (list == message->end() || !list->is_array() || list->empty()) {
      p.Add("message.disbursement_status", "disbursement_status phải là danh sách không rỗng.");
    } else if (list->size() > kMaxPartnerResultLines) {
      return Fail(ErrorKind::kLimitExceeded, "partner.too_many_lines",
                  "Một thông điệp có tối đa " + std::to_string(kMaxPartnerResultLines) +
                      " kết quả; hãy chia thành nhiều thông điệp.");
    } else {
      for (std::size_t i = 0; i < list->size(); ++i) out.rows.push_back(PartnerRow((*list)[i], i, p));
    }
    out.body_sha256 = PartnerSha256Hex(message->dump());
  }
  if (!p.problems.empty()) {
    Error error = MakeError(ErrorKind::kInvalidInput, "partner.body_invalid",
                            "Thông điệp kết quả có " + std::to_string(p.problems.size()) +
                                " lỗi; không ghi nhận gì.");
    error.details = std::move(p.problems);
    return Fail(std::move(error));
  }
  return out;
}

}  // namespace ansinh::app
