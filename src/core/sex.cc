#include "core/sex.h"

#include <string>

#include "core/name.h"

namespace ansinh::core {

Result<Sex> ParseSex(std::string_view text) {
  // The name matching key already folds case, Unicode form and diacritics,
  // which is exactly the tolerance wanted here.
  Result<std::string> key = NameMatchKey(text);
  if (!key && key.error().code == "name.empty") {
    return Fail(ErrorKind::kInvalidInput, "sex.empty", "Giới tính không được để trống");
  }
  if (!key && key.error().kind == ErrorKind::kInternal) return Fail(std::move(key.error()));
  if (key && *key == "nam") return Sex::kMale;
  if (key && *key == "nu") return Sex::kFemale;
  return Fail(ErrorKind::kInvalidInput, "sex.unknown", "Giới tính phải là \"Nam\" hoặc \"Nữ\"");
}

const char* SexLabel(Sex sex) {
  return sex == Sex::kMale ? "Nam" : "Nữ";
}

}  // namespace ansinh::core
