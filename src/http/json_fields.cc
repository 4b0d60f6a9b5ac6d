#include "http/json_fields.h"

#include <utility>

namespace ansinh::http {
namespace {

// A body full of unknown fields must not make an answer bigger than itself.
constexpr std::size_t kMaxErrors = 50;
constexpr std::size_t kMaxEchoedName_bytes = 64;

}  // namespace

JsonFields::JsonFields(const nlohmann::json& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {}

std::string JsonFields::FieldName(std::string_view name) const {
  return prefix_ + std::string(name);
}

void JsonFields::AddError(std::string_view name, std::string code, std::string message) {
  if (errors_.size() >= kMaxErrors) return;
  const std::string field = FieldName(name.substr(0, kMaxEchoedName_bytes));
  errors_.push_back({0, field, std::move(code), "Trường \"" + field + "\": " + message});
}

const nlohmann::json* JsonFields::Find(std::string_view name, bool required) {
  asked_.emplace(name);
  const auto found = object_.find(std::string(name));
  if (found == object_.end() || found->is_null()) {
    if (required) AddError(name, "request.field_required", "bắt buộc phải có.");
    return nullptr;
  }
  return &*found;
}

std::optional<std::string> JsonFields::Text(std::string_view name, bool required,
                                            std::size_t max_bytes) {
  const nlohmann::json* value = Find(name, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    AddError(name, "request.field_type", "phải là chuỗi ký tự.");
    return std::nullopt;
  }
  const auto& text = value->get_ref<const std::string&>();
  if (text.size() > max_bytes) {
    AddError(name, "request.field_too_long",
             "dài quá " + std::to_string(max_bytes) + " byte.");
    return std::nullopt;
  }
  return text;
}

std::optional<bool> JsonFields::Bool(std::string_view name, bool required) {
  const nlohmann::json* value = Find(name, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    AddError(name, "request.field_type", "phải là true hoặc false.");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::int64_t> JsonFields::Integer(std::string_view name, bool required,
                                                std::int64_t low, std::int64_t high) {
  const nlohmann::json* value = Find(name, required);
  if (value == nullptr) return std::nullopt;
  const std::string range = "phải là số nguyên từ " + std::to_string(low) + " đến " +
                            std::to_string(high) + ".";
  if (value->is_number_unsigned()) {
    const auto unsigned_value = value->get<std::uint64_t>();
    if (unsigned_value <= static_cast<std::uint64_t>(high) &&
        static_cast<std::int64_t>(unsigned_value) >= low) {
      return static_cast<std::int64_t>(unsigned_value);
    }
  } else if (value->is_number_integer()) {
    const auto signed_value = value->get<std::int64_t>();
    if (signed_value >= low && signed_value <= high) return signed_value;
  }
  AddError(name, value->is_number_integer() ? "request.field_range" : "request.field_type", range);
  return std::nullopt;
}

const nlohmann::json* JsonFields::Object(std::string_view name, bool required) {
  const nlohmann::json* value = Find(name, required);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    AddError(name, "request.field_type", "phải là một đối tượng JSON.");
    return nullptr;
  }
  return value;
}

void JsonFields::Merge(JsonFields&& nested) {
  if (auto ok = nested.Finish(); !ok) {
    for (auto& detail : ok.error().details) errors_.push_back(std::move(detail));
  }
}

Status JsonFields::Finish() {
  for (const auto& [key, value] : object_.items()) {
    if (asked_.find(key) == asked_.end()) {
      AddError(key, "request.field_unknown", "không phải là trường được hỗ trợ.");
    }
  }
  asked_.clear();
  for (const auto& [key, value] : object_.items()) asked_.insert(key);  // reported once
  if (errors_.empty()) return {};
  Error error = MakeError(ErrorKind::kInvalidInput, "request.invalid",
                          errors_.front().message +
                              (errors_.size() > 1 ? " (và " + std::to_string(errors_.size() - 1) +
                                                        " lỗi khác)"
                                                  : ""));
  error.details = std::move(errors_);
  errors_.clear();
  return Fail(std::move(error));
}

}  // namespace ansinh::http
