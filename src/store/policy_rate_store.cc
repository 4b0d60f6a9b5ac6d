#include "store/policy_rate_store.h"

#include <utility>

namespace ansinh::store {
namespace {

formats::PolicyRateRecord ReadRate(const SqlRows& rows, std::size_t r) {
  formats::PolicyRateRecord rate;
  rate.policy_code = rows.Text(r, 0);
  rate.group = rows.Text(r, 1);
  rate.name_vi = rows.Text(r, 2);
  rate.basis = rows.Text(r, 3);
  rate.age_from_years = static_cast<int>(rows.Int64(r, 4));
  if (auto age_to = rows.OptionalInt64(r, 5)) rate.age_to_years = static_cast<int>(*age_to);
  rate.coefficient = rows.OptionalText(r, 6);
  rate.amount_vnd = rows.OptionalInt64(r, 7);
  rate.effective_from = rows.Text(r, 8);
  rate.effective_to = rows.OptionalText(r, 9);
  rate.legal_basis = rows.Text(r, 10);
  return rate;
}

class SqlPolicyRateStore : public PolicyRateStore {
 public:
  explicit SqlPolicyRateStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> InsertStandardLevels(
      const std::vector<formats::StandardLevelRecord>& levels) override {
    SqlParams values;
    for (const auto& level : levels) {
      values.insert(values.end(), {SqlText(level.kind), SqlInt(level.amount_vnd),
                                   SqlText(level.effective_from), SqlText(level.legal_basis),
                                   SqlText(level.verification)});
    }
    return InsertBatched(session_,
                         "INSERT INTO standard_levels (kind, amount_vnd, effective_from, "
                         "legal_basis, verification)",
                         "(?1, ?2, ?3, ?4, ?5)", 5, values, "ON CONFLICT DO NOTHING");
  }

  Result<std::int64_t> InsertPolicyRates(
      const std::vector<formats::PolicyRateRecord>& rates) override {
    SqlParams values;
    for (const auto& rate : rates) {
      const auto age_to = rate.age_to_years ? SqlInt(*rate.age_to_years) : SqlNull();
      values.insert(values.end(),
                    {SqlText(rate.policy_code), SqlText(rate.group), SqlText(rate.name_vi),
                     SqlText(rate.basis), SqlInt(rate.age_from_years), age_to,
                     SqlOptional(rate.coefficient), SqlOptional(rate.amount_vnd),
                     SqlText(rate.effective_from), SqlOptional(rate.effective_to),
                     SqlText(rate.legal_basis)});
    }
    return InsertBatched(session_,
                         "INSERT INTO policy_rates (policy_code, policy_group, name_vi, basis, "
                         "age_from_years, age_to_years, coefficient, amount_vnd, effective_from, "
                         "effective_to, legal_basis)",
                         "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", 11, values,
                         "ON CONFLICT DO NOTHING");
  }

  Result<std::vector<formats::StandardLevelRecord>> ListStandardLevels() override {
    auto rows = session_.Query(
        "SELECT kind, amount_vnd, CAST(effective_from AS TEXT), legal_basis, verification FROM "
        "standard_levels ORDER BY kind, effective_from");
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<formats::StandardLevelRecord> levels;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      levels.push_back(formats::StandardLevelRecord{rows->Text(r, 0), rows->Int64(r, 1),
                                                    rows->Text(r, 2), rows->Text(r, 3),
                                                    rows->Text(r, 4)});
    }
    return levels;
  }

  Result<std::vector<formats::PolicyRateRecord>> ListPolicyRates() override {
    auto rows = session_.Query(
        "SELECT policy_code, policy_group, name_vi, basis, age_from_years, age_to_years, "
        "CAST(coefficient AS TEXT), amount_vnd, CAST(effective_from AS TEXT), "
        "CAST(effective_to AS TEXT), legal_basis FROM policy_rates "
        "ORDER BY policy_code, age_from_years, effective_from");
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<formats::PolicyRateRecord> rates;
    for (std::size_t r = 0; r < rows->size(); ++r) rates.push_back(ReadRate(*rows, r));
    return rates;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<PolicyRateStore> MakePolicyRateStore(SqlSession& session) {
  return std::make_unique<SqlPolicyRateStore>(session);
}

}  // namespace ansinh::store
