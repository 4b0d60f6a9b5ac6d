// Standard levels (mức chuẩn) and per-policy rates; semantics in data/README.md.
// Money is integer đồng and coefficients stay exact decimal text end to end.
#include <utility>

#include "formats/csv_fields.h"
#include "formats/reference_data.h"

namespace ansinh::formats {
namespace {

constexpr std::size_t kMaxRateRows = 10'000;
constexpr std::int64_t kMaxMonthlyAmountVnd = 1'000'000'000;

CsvLimits RateLimits() {
  CsvLimits limits;
  limits.max_rows = kMaxRateRows;
  return limits;
}

Result<std::int64_t> RequiredAmount(const CsvColumns& cols, const CsvRow& row, std::size_t col) {
  auto amount = cols.OptionalInt(row, col);
  if (!amount) return Fail(std::move(amount.error()));
  if (!*amount || **amount <= 0 || **amount > kMaxMonthlyAmountVnd) {
    return Fail(cols.FieldError(row, col, "reference.bad_amount",
                                "cần số tiền dương (đồng)."));
  }
  return **amount;
}

Result<std::string> RequiredDate(const CsvColumns& cols, const CsvRow& row, std::size_t col) {
  auto date = cols.OptionalDate(row, col);
  if (!date) return Fail(std::move(date.error()));
  if (!*date) return Fail(cols.FieldError(row, col, "reference.missing_date", "thiếu ngày."));
  return **date;
}

enum RateCol { kCode, kGroup, kName, kBasis, kAgeFrom, kAgeTo, kCoef, kAmount, kFrom, kTo, kLaw };

// The basis decides which of coefficient and amount must be present.
Status CheckBasis(const CsvColumns& cols, const CsvRow& row, const PolicyRateRecord& rate) {
  const bool coefficient = rate.basis == "COEFFICIENT";
  if (!coefficient && rate.basis != "FIXED") {
    return Fail(cols.FieldError(row, kBasis, "reference.bad_basis",
                                "cần COEFFICIENT hoặc FIXED."));
  }
  if (coefficient != rate.coefficient.has_value() || coefficient == rate.amount_vnd.has_value()) {
    return Fail(cols.FieldError(row, coefficient ? kCoef : kAmount, "reference.basis_mismatch",
                                "COEFFICIENT cần hệ số, FIXED cần số tiền."));
  }
  return {};
}

Result<PolicyRateRecord> ParseRate(const CsvColumns& cols, const CsvRow& row) {
  PolicyRateRecord rate;
  rate.policy_code = CollapseSpaces(cols.Text(row, kCode));
  rate.group = CollapseSpaces(cols.Text(row, kGroup));
  rate.name_vi = CollapseSpaces(cols.Text(row, kName));
  rate.basis = CollapseSpaces(cols.Text(row, kBasis));
  rate.legal_basis = CollapseSpaces(cols.Text(row, kLaw));
  auto age_from = cols.OptionalInt(row, kAgeFrom);
  auto age_to = cols.OptionalInt(row, kAgeTo);
  auto coefficient = cols.OptionalDecimal(row, kCoef);
  auto amount = cols.OptionalInt(row, kAmount);
  auto from = RequiredDate(cols, row, kFrom);
  auto to = cols.OptionalDate(row, kTo);
  if (!age_from) return Fail(std::move(age_from.error()));
  if (!age_to) return Fail(std::move(age_to.error()));
  if (!coefficient) return Fail(std::move(coefficient.error()));
  if (!amount) return Fail(std::move(amount.error()));
  if (!from) return Fail(std::move(from.error()));
  if (!to) return Fail(std::move(to.error()));
  if (rate.policy_code.empty() || (rate.group != "BTXH" && rate.group != "NCC")) {
    return Fail(cols.FieldError(row, kGroup, "reference.bad_policy", "thiếu mã chế độ hoặc nhóm."));
  }
  rate.age_from_years = static_cast<int>(age_from->value_or(0));
  if (*age_to) rate.age_to_years = static_cast<int>(**age_to);
  rate.coefficient = std::move(*coefficient);
  rate.amount_vnd = *amount;
  rate.effective_from = std::move(*from);
  rate.effective_to = std::move(*to);
  if (auto ok = CheckBasis(cols, row, rate); !ok) return Fail(std::move(ok.error()));
  return rate;
}

}  // namespace

Result<std::vector<StandardLevelRecord>> LoadStandardLevels(const std::filesystem::path& csv) {
  auto table = ReadCsvTable(csv, RateLimits());
  if (!table) return Fail(std::move(table.error()));
  auto cols = CsvColumns::Require(*table, csv.filename().string(),
                                  {"kind", "amount_vnd", "effective_from", "legal_basis",
                                   "verification"});
  if (!cols) return Fail(std::move(cols.error()));
  std::vector<StandardLevelRecord> out;
  for (const auto& row : table->rows) {
    auto amount = RequiredAmount(*cols, row, 1);
    if (!amount) return Fail(std::move(amount.error()));
    auto from = RequiredDate(*cols, row, 2);
    if (!from) return Fail(std::move(from.error()));
    out.push_back(StandardLevelRecord{CollapseSpaces(cols->Text(row, 0)), *amount,
                                      std::move(*from), CollapseSpaces(cols->Text(row, 3)),
                                      CollapseSpaces(cols->Text(row, 4))});
  }
  return out;
}

Result<std::vector<PolicyRateRecord>> LoadPolicyRates(const std::filesystem::path& csv) {
  auto table = ReadCsvTable(csv, RateLimits());
  if (!table) return Fail(std::move(table.error()));
  auto cols = CsvColumns::Require(*table, csv.filename().string(),
                                  {"policy_code", "group", "name_vi", "basis", "age_from",
                                   "age_to", "coefficient", "amount_vnd", "effective_from",
                                   "effective_to", "legal_basis"});
  if (!cols) return Fail(std::move(cols.error()));
  std::vector<PolicyRateRecord> out;
  for (const auto& row : table->rows) {
    auto rate = ParseRate(*cols, row);
    if (!rate) return Fail(std::move(rate.error()));
    out.push_back(std::move(*rate));
  }
  return out;
}

}  // namespace ansinh::formats
