#include "http/pii_mask.h"

namespace ansinh::http {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void MaskField(nlohmann::json& object, const char* key) {
  if (!object.is_object()) return;
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return;
  *found = MaskTail(found->get<std::string>());
}

}  // namespace

std::string MaskTail(std::string_view text) {
  std::size_t characters = 0;
  for (char c : text) characters += IsContinuationByte(c) ? 0u : 1u;
  if (characters == 0) return "";
  const std::size_t hidden = characters > kMaskKeep ? characters - kMaskKeep : characters;
  std::string masked(hidden, '*');
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!IsContinuationByte(text[i])) ++seen;
    if (seen > hidden) masked.push_back(text[i]);
  }
  return masked;
}

void MaskSnapshot(nlohmann::json& snapshot) {
  if (!snapshot.is_object()) return;
  if (const auto person = snapshot.find("beneficiary"); person != snapshot.end()) {
    MaskField(*person, "citizen_id");
    MaskField(*person, "phone");
  }
  if (const auto representative = snapshot.find("representative");
      representative != snapshot.end()) {
    MaskField(*representative, "citizen_id");
    MaskField(*representative, "phone");
  }
  if (const auto method = snapshot.find("payment_method"); method != snapshot.end()) {
    MaskField(*method, "account_number");
  }
}

void MaskListRow(store::RegistrationListRow& row) {
  row.citizen_id = MaskTail(row.citizen_id);
  row.account_number = MaskTail(row.account_number);
  if (row.representative) row.representative->citizen_id = MaskTail(row.representative->citizen_id);
}

}  // namespace ansinh::http
