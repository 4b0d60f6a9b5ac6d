#include "app/rates_service.h"

#include <utility>

#include "formats/rate_conversion.h"
#include "store/policy_rate_store.h"

namespace ansinh::app {
namespace {

Error Exists() {
  return MakeError(ErrorKind::kConflict, "rates.exists",
                   "Đã có mức với cùng loại/chế độ, nhóm tuổi và ngày hiệu lực.");
}

nlohmann::json LevelJson(const formats::StandardLevelRecord& level) {
  return {{"kind", level.kind},
          {"amount_vnd", level.amount_vnd},
          {"effective_from", level.effective_from},
          {"legal_basis", level.legal_basis}};
}

nlohmann::json RateJson(const formats::PolicyRateRecord& rate) {
  auto optional = [](const auto& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  return {{"policy_code", rate.policy_code},     {"group", rate.group},
          {"basis", rate.basis},                 {"age_from", rate.age_from_years},
          {"age_to", optional(rate.age_to_years)}, {"coefficient", optional(rate.coefficient)},
          {"amount_vnd", optional(rate.amount_vnd)}, {"effective_from", rate.effective_from},
          {"effective_to", optional(rate.effective_to)}, {"legal_basis", rate.legal_basis}};
}

Status MarkAddedBy(store::SqlSession& session, const std::string& sql, const store::SqlParams& params) {
  auto done = session.Execute(sql, params);
  if (!done) return Fail(std::move(done.error()));
  return {};
}

// The policy's existing rows: the new one inherits its group, name and basis.
Result<formats::PolicyRateRecord> Template(store::SqlSession& session, const NewPolicyRate& rate) {
  auto rates = store::MakePolicyRateStore(session)->ListPolicyRates();
  if (!rates) return Fail(std::move(rates.error()));
  std::optional<formats::PolicyRateRecord> found;
  for (const auto& row : *rates) {
    if (row.policy_code != rate.policy_code) continue;
    if (!found || row.age_from_years == rate.age_from_years) found = row;
  }
  if (!found) {
    return Fail(ErrorKind::kNotFound, "rates.policy_unknown",
                "Mã chế độ " + rate.policy_code + " không có trong danh mục.");
  }
  formats::PolicyRateRecord record = *found;
  if (record.age_from_years != rate.age_from_years) record.age_to_years.reset();
  record.age_from_years = rate.age_from_years;
  if (rate.age_to_years) record.age_to_years = rate.age_to_years;
  record.coefficient = rate.coefficient;
  record.amount_vnd = rate.amount_vnd;
  record.effective_from = rate.effective_from;
  record.effective_to = rate.effective_to;
  record.legal_basis = rate.legal_basis;
  return record;
}

}  // namespace

Result<formats::StandardLevelRecord> RatesService::AddStandardLevel(
    formats::StandardLevelRecord level, const AuditActor& actor) {
  if (level.verification.empty()) level.verification = "added by " + actor.name;
  if (auto valid = formats::ToStandardLevel(level); !valid) return Fail(std::move(valid.error()));
  auto transaction = store::Transaction::Begin(session_);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto inserted = store::MakePolicyRateStore(session_)->InsertStandardLevels({level});
  if (!inserted) return Fail(std::move(inserted.error()));
  if (*inserted == 0) return Fail(Exists());
  if (auto ok = MarkAddedBy(session_,
                            "UPDATE standard_levels SET added_by = ?1 WHERE kind = ?2 AND "
                            "CAST(effective_from AS TEXT) = ?3",
                            {store::SqlText(actor.name), store::SqlText(level.kind),
                             store::SqlText(level.effective_from)});
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = AppendAudit(session_, actor,
                            AuditEvent{"rates.add_standard_level", "success", "standard_level",
                                       level.kind + "/" + level.effective_from, std::nullopt,
                                       LevelJson(level)});
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return level;
}

Result<formats::PolicyRateRecord> RatesService::AddPolicyRate(const NewPolicyRate& rate,
                                                              const AuditActor& actor) {
  auto transaction = store::Transaction::Begin(session_);
  if (!transaction) return Fail(std::move(transaction.error()));
  auto record = Template(session_, rate);
  if (!record) return record;
  if (auto valid = formats::ToPolicyRate(*record); !valid) return Fail(std::move(valid.error()));
  auto inserted = store::MakePolicyRateStore(session_)->InsertPolicyRates({*record});
  if (!inserted) return Fail(std::move(inserted.error()));
  if (*inserted == 0) return Fail(Exists());
  if (auto ok = MarkAddedBy(session_,
                            "UPDATE policy_rates SET added_by = ?1 WHERE policy_code = ?2 AND "
                            "age_from_years = ?3 AND CAST(effective_from AS TEXT) = ?4",
                            {store::SqlText(actor.name), store::SqlText(record->policy_code),
                             store::SqlInt(record->age_from_years),
                             store::SqlText(record->effective_from)});
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = AppendAudit(session_, actor,
                            AuditEvent{"rates.add_policy_rate", "success", "policy_rate",
                                       record->policy_code + "/" + record->effective_from,
                                       std::nullopt, RateJson(*record)});
      !ok) {
    return Fail(ok.error());
  }
  if (auto ok = transaction->Commit(); !ok) return Fail(ok.error());
  return record;
}

Result<nlohmann::json> RatesService::List(const std::optional<std::string>& policy_code) {
  auto store = store::MakePolicyRateStore(session_);
  auto levels = store->ListStandardLevels();
  if (!levels) return Fail(std::move(levels.error()));
  auto rates = store->ListPolicyRates();
  if (!rates) return Fail(std::move(rates.error()));
  nlohmann::json out{{"standard_levels", nlohmann::json::array()},
                     {"policy_rates", nlohmann::json::array()}};
  for (const auto& level : *levels) out["standard_levels"].push_back(LevelJson(level));
  for (const auto& rate : *rates) {
    if (policy_code && rate.policy_code != *policy_code) continue;
    out["policy_rates"].push_back(RateJson(rate));
  }
  return out;
}

Result<core::RateTable> LoadRateTable(store::SqlSession& session) {
  auto store = store::MakePolicyRateStore(session);
  auto levels = store->ListStandardLevels();
  if (!levels) return Fail(std::move(levels.error()));
  auto rates = store->ListPolicyRates();
  if (!rates) return Fail(std::move(rates.error()));
  return formats::MakeRateTable(*levels, *rates);
}

}  // namespace ansinh::app
