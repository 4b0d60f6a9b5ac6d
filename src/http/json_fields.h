// Reads the fields of a JSON request body with their types and limits, and
// collects every problem, so one answer names all the fields to fix:
// {"error":{"code":"request.invalid","details":[{"field":"birth_date",...}]}}.
// Unknown fields are refused too (a misspelt field must not be ignored).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace ansinh::http {

inline constexpr std::size_t kMaxTextField_bytes = 500;

// Thread safety: one request's; not shared.
class JsonFields {
 public:
  // REQUIRES: object.is_object(); it outlives this reader. `prefix` names the
  // fields of a nested object ("representative.").
  explicit JsonFields(const nlohmann::json& object, std::string prefix = "");

  // A string of at most max_bytes; nullopt when absent or null (and an error
  // when required). Empty strings are returned as they are.
  std::optional<std::string> Text(std::string_view name, bool required,
                                  std::size_t max_bytes = kMaxTextField_bytes);
  std::optional<bool> Bool(std::string_view name, bool required);
  // An integer (not a float, not a string) within [low, high].
  std::optional<std::int64_t> Integer(std::string_view name, bool required, std::int64_t low,
                                      std::int64_t high);
  // A nested object; nullptr when absent or null.
  const nlohmann::json* Object(std::string_view name, bool required);

  // Parses the text of `name` with `parse` (a core Parse function); its error
  // message is recorded against the field.
  template <class T, class Parse>
  std::optional<T> Parsed(std::string_view name, bool required, Parse parse) {
    auto text = Text(name, required);
    if (!text) return std::nullopt;
    Result<T> value = parse(*text);
    if (!value) {
      AddError(name, value.error().code, value.error().message);
      return std::nullopt;
    }
    return std::move(*value);
  }

  void AddError(std::string_view name, std::string code, std::string message);
  // Appends another reader's errors (a nested object's).
  void Merge(JsonFields&& nested);
  // Flags fields that no reader asked for; then the collected errors, if any,
  // as kInvalidInput request.invalid.
  Status Finish();

 private:
  const nlohmann::json* Find(std::string_view name, bool required);
  std::string FieldName(std::string_view name) const;

  const nlohmann::json& object_;
  std::string prefix_;
  std::set<std::string, std::less<>> asked_;
  std::vector<ErrorDetail> errors_;
};

}  // namespace ansinh::http
