#include "http/pii_mask.h"

namespace ansinh::http {
namespace {

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
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
  MaskPersonalData(snapshot);
}

bool IsPersonalDataKey(std::string_view key) {
  for (const std::string_view personal : kPersonalDataKeys) {
    if (key == personal) return true;
  }
  return false;
}

void MaskPersonalData(nlohmann::json& value, int depth) {
  if (depth > kMaxMaskDepth) {
    value = nullptr;  // deeper than anything we store: show nothing rather than risk it
    return;
  }
  if (value.is_array()) {
    for (auto& item : value) MaskPersonalData(item, depth + 1);
    return;
  }
  if (!value.is_object()) return;
  for (auto& [key, item] : value.items()) {
    if (item.is_string() && IsPersonalDataKey(key)) {
      item = MaskTail(item.get<std::string>());
    } else if (item.is_number() && IsPersonalDataKey(key)) {
      item = MaskTail(item.dump());  // a number where text belongs is still the identifier
    } else {
      MaskPersonalData(item, depth + 1);
    }
  }
}

void MaskListRow(store::RegistrationListRow& row) {
  row.citizen_id = MaskTail(row.citizen_id);
  row.account_number = MaskTail(row.account_number);
  if (row.representative) row.representative->citizen_id = MaskTail(row.representative->citizen_id);
}

}  // namespace ansinh::http
