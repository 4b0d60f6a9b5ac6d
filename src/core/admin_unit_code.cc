#include "core/admin_unit_code.h"

#include "core/ascii.h"

namespace ansinh::core {
namespace {

tl::unexpected<Error> UnitError(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

const char* LevelName(AdminLevel level) {
  switch (level) {
    case AdminLevel::kProvince:
      return "tỉnh";
    case AdminLevel::kDistrict:
      return "huyện";
    case AdminLevel::kCommune:
      return "xã";
  }
  return "xã";
}

// Trimmed digits, or the empty / non-digit error.
Result<std::string_view> Digits(std::string_view text) {
  text = TrimAsciiSpace(text);
  if (text.empty())
    return UnitError("admin_unit_code.empty", "Mã đơn vị hành chính không được để trống");
  if (!IsAsciiDigits(text)) {
    return UnitError("admin_unit_code.non_digit", "Mã đơn vị hành chính chỉ được gồm các chữ số");
  }
  return text;
}

// GSO numbers units from 1; an all-zero code is a blank cell in disguise.
Status CheckNotZero(std::string_view digits) {
  if (digits.find_first_not_of('0') != std::string_view::npos) return {};
  return UnitError("admin_unit_code.zero", "Mã đơn vị hành chính không được toàn số 0");
}

}  // namespace

std::size_t AdminLevelCodeLength(AdminLevel level) {
  switch (level) {
    case AdminLevel::kProvince:
      return 2;
    case AdminLevel::kDistrict:
      return 3;
    case AdminLevel::kCommune:
      return 5;
  }
  return 5;
}

Result<AdminUnitCode> AdminUnitCode::Parse(std::string_view text) {
  Result<std::string_view> digits = Digits(text);
  if (!digits) return Fail(std::move(digits.error()));
  for (AdminLevel level : {AdminLevel::kProvince, AdminLevel::kDistrict, AdminLevel::kCommune}) {
    if (digits->size() != AdminLevelCodeLength(level)) continue;
    if (Status nonzero = CheckNotZero(*digits); !nonzero) return Fail(std::move(nonzero.error()));
    return AdminUnitCode(std::string(*digits), level);
  }
  return UnitError("admin_unit_code.length",
                   "Mã đơn vị hành chính phải có 2 chữ số (tỉnh), 3 chữ số (huyện) hoặc 5 chữ số "
                   "(xã), giá trị đã nhập có " +
                       std::to_string(digits->size()) + " chữ số");
}

Result<AdminUnitCode> AdminUnitCode::ParseAtLevel(std::string_view text, AdminLevel level) {
  Result<std::string_view> digits = Digits(text);
  if (!digits) return Fail(std::move(digits.error()));
  const std::size_t length = AdminLevelCodeLength(level);
  if (digits->size() > length) {
    return UnitError("admin_unit_code.too_long",
                     std::string("Mã đơn vị hành chính cấp ") + LevelName(level) + " chỉ có " +
                         std::to_string(length) + " chữ số, giá trị đã nhập có " +
                         std::to_string(digits->size()) + " chữ số");
  }
  if (Status nonzero = CheckNotZero(*digits); !nonzero) return Fail(std::move(nonzero.error()));
  std::string padded(length - digits->size(), '0');
  padded.append(*digits);
  return AdminUnitCode(std::move(padded), level);
}

}  // namespace ansinh::core
