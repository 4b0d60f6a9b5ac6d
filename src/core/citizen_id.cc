#include "core/citizen_id.h"

#include "core/ascii.h"

namespace ansinh::core {
namespace {

constexpr std::size_t kCitizenIdLength = 12;
constexpr std::size_t kCmndLength = 9;
constexpr std::size_t kVisibleDigits = 4;

tl::unexpected<Error> IdError(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

std::string Digit(int value) {
  return std::string(1, static_cast<char>('0' + value));
}

std::string TwoDigits(int value) {
  return Digit(value / 10) + Digit(value % 10);
}

CitizenIdInconsistency SexMismatch(int sex_digit, Sex recorded) {
  Sex encoded = sex_digit % 2 == 0 ? Sex::kMale : Sex::kFemale;
  return {CitizenIdInconsistencyKind::kSexDigit, "citizen_id.sex_mismatch",
          "Chữ số thứ 4 của số định danh (" + Digit(sex_digit) + ") ứng với giới tính " +
              SexLabel(encoded) + ", nhưng hồ sơ ghi giới tính " + SexLabel(recorded)};
}

CitizenIdInconsistency CenturyMismatch(int sex_digit, int birth_year) {
  int century_start = 1900 + (sex_digit / 2) * 100;
  return {CitizenIdInconsistencyKind::kCenturyDigit, "citizen_id.century_mismatch",
          "Chữ số thứ 4 của số định danh (" + Digit(sex_digit) + ") ứng với người sinh từ năm " +
              std::to_string(century_start) + " đến " + std::to_string(century_start + 99) +
              ", nhưng hồ sơ ghi năm sinh " + std::to_string(birth_year)};
}

CitizenIdInconsistency BirthYearMismatch(int year_digits, int birth_year) {
  return {CitizenIdInconsistencyKind::kBirthYearDigits, "citizen_id.birth_year_mismatch",
          "Chữ số thứ 5–6 của số định danh (" + TwoDigits(year_digits) +
              ") phải là hai số cuối của năm sinh, nhưng hồ sơ ghi năm sinh " +
              std::to_string(birth_year)};
}

}  // namespace

Result<CitizenId> CitizenId::Parse(std::string_view text, const ReferenceCodes& codes) {
  text = TrimAsciiSpace(text);
  if (text.empty()) return IdError("citizen_id.empty", "Số định danh cá nhân không được để trống");
  if (!IsAsciiDigits(text)) {
    return IdError("citizen_id.non_digit", "Số định danh cá nhân chỉ được gồm các chữ số");
  }
  if (text.size() == kCmndLength) return CitizenId(std::string(text), CitizenIdKind::kLegacyCmnd9);
  if (text.size() == kCitizenIdLength - 1) {
    return IdError("citizen_id.leading_zero_lost",
                   "Số định danh cá nhân chỉ có 11 chữ số: có thể bảng tính đã làm mất số 0 ở "
                   "đầu; hãy định dạng ô là văn bản và nhập đủ 12 chữ số");
  }
  if (text.size() != kCitizenIdLength) {
    return IdError("citizen_id.length",
                   "Số định danh cá nhân phải có 12 chữ số (hoặc 9 chữ số nếu là CMND cũ), "
                   "giá trị đã nhập có " +
                       std::to_string(text.size()) + " chữ số");
  }
  std::string province(text.substr(0, 3));
  if (codes.citizen_id_province_codes.count(province) == 0) {
    return IdError(
        "citizen_id.province_unknown",
        "Mã tỉnh " + province + " ở 3 chữ số đầu của số định danh cá nhân không tồn tại");
  }
  return CitizenId(std::string(text), CitizenIdKind::kCitizenId12);
}

std::string CitizenId::Masked() const {
  return MaskAllButLast(digits_, kVisibleDigits);
}

std::vector<CitizenIdInconsistency> CheckConsistency(const CitizenId& id, Sex sex,
                                                     const Date& birth) {
  std::vector<CitizenIdInconsistency> found;
  if (id.is_legacy()) return found;
  const int sex_digit = id.digits()[3] - '0';
  const int year_digits = SmallDigitsValue(std::string_view(id.digits()).substr(4, 2));
  const bool encodes_female = sex_digit % 2 == 1;
  if (encodes_female != (sex == Sex::kFemale)) found.push_back(SexMismatch(sex_digit, sex));
  // Date keeps years in 1900..2199, so the century index is never negative.
  if (sex_digit / 2 != (birth.year() - 1900) / 100) {
    found.push_back(CenturyMismatch(sex_digit, birth.year()));
  }
  if (year_digits != birth.year() % 100)
    found.push_back(BirthYearMismatch(year_digits, birth.year()));
  return found;
}

}  // namespace ansinh::core
