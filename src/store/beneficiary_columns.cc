#include "store/beneficiary_columns.h"

#include <array>
#include <string_view>

#include "core/name.h"
#include "store/registry_sensitive.h"
#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

constexpr std::array<std::string_view, kBeneficiaryValueCount> kColumns = {
    "code",          "full_name",          "name_key",         "birth_date",
    "sex",           "citizen_id",         "phone",            "commune_code",
    "commune_edition", "address",          "policy_group",     "status",
    "termination_reason", "termination_date", "destination_commune", "termination_effective",
    "special_case",  "has_smartphone",     "paid_through",     "created_at",
    "updated_at",    "citizen_id_index"};

enum class Skip { kNone, kKeyCreationAndStatus };

// An import updates a person's data, never the lifecycle an officer decided.
bool Skipped(std::string_view column, Skip skip) {
  if (skip == Skip::kNone) return false;
  if (column == "code" || column == "created_at") return true;
  return skip == Skip::kKeyCreationAndStatus &&
         (column == "status" || column.starts_with("termination_") ||
          column == "destination_commune");
}

// Joins one piece per column; `piece` gets the column name and its 1-based index.
template <class Piece>
std::string JoinColumns(Piece piece, Skip skip) {
  std::string joined;
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (Skipped(kColumns[i], skip)) continue;
    if (!joined.empty()) joined += ", ";
    joined += piece(kColumns[i], i + 1);
  }
  return joined;
}

SqlValue OptionalPeriod(const std::optional<core::Period>& period) {
  return period ? SqlText(period->ToString()) : SqlNull();
}

std::optional<core::Termination> ReadTermination(const SqlRows& rows, std::size_t r,
                                                 std::size_t c) {
  if (rows.IsNull(r, c)) return std::nullopt;
  core::Termination termination{
      ParseStored(core::ParseTerminationReason(rows.Text(r, c)), "termination_reason"),
      std::nullopt, std::nullopt,
      ParseStored(core::Period::Parse(rows.Text(r, c + 3)), "termination_effective")};
  if (auto date = rows.OptionalText(r, c + 1)) {
    termination.date = ParseStored(core::Date::Parse(*date), "termination_date");
  }
  if (auto commune = rows.OptionalText(r, c + 2)) {
    termination.destination_commune =
        ParseStored(core::AdminUnitCode::Parse(*commune), "destination_commune");
  }
  return termination;
}

}  // namespace

const std::string& BeneficiaryInsertColumns() {
  static const std::string text =
      JoinColumns([](std::string_view name, std::size_t) { return std::string(name); }, Skip::kNone);
  return text;
}

const std::string& BeneficiaryPlaceholders() {
  static const std::string text = JoinColumns(
      [](std::string_view, std::size_t index) { return "?" + std::to_string(index); },
      Skip::kNone);
  return text;
}

const std::string& BeneficiaryUpdateAssignments() {
  static const std::string text = JoinColumns(
      [](std::string_view name, std::size_t index) {
        return std::string(name) + " = ?" + std::to_string(index);
      },
      Skip::kNone);
  return text;
}

const std::string& BeneficiaryUpsertAssignments() {
  static const std::string text = JoinColumns(
      [](std::string_view name, std::size_t) {
        return std::string(name) + " = excluded." + std::string(name);
      },
      Skip::kKeyCreationAndStatus);
  return text;
}

const std::string& BeneficiarySelectColumns() {
  static const std::string text =
      "b.id, b.code, b.full_name, b.birth_date, b.sex, b.citizen_id, b.phone, b.commune_code, "
      "b.commune_edition, b.address, b.policy_group, b.status, b.termination_reason, "
      "CAST(b.termination_date AS TEXT), b.destination_commune, b.termination_effective, "
      "b.special_case, b.has_smartphone, b.paid_through, b.created_at, b.updated_at";
  return text;
}

Result<SqlParams> BeneficiaryValues(const SensitiveFields& fields, const BeneficiaryRecord& record) {
  const core::Beneficiary& p = record.person;
  auto key = core::NameMatchKey(p.full_name);
  if (!key) return Fail(std::move(key.error()));
  const auto& t = p.termination;
  return SqlParams{
      SqlText(p.code.value()), SqlText(p.full_name), SqlText(*key), SqlText(p.birth_date.ToIso()),
      SqlText(p.sex == core::Sex::kMale ? "male" : "female"),
      fields.Param(kBeneficiaryCitizenId, p.citizen_id.raw),
      fields.Param(kBeneficiaryPhone, p.phone.raw), SqlText(p.commune.value()), SqlText(record.commune_edition),
      SqlText(p.address), SqlText(core::BeneficiaryGroupCode(p.group)),
      SqlText(core::BeneficiaryStatusCode(p.status)),
      t ? SqlText(core::TerminationReasonCode(t->reason)) : SqlNull(),
      t && t->date ? SqlText(t->date->ToIso()) : SqlNull(),
      t && t->destination_commune ? SqlText(t->destination_commune->value()) : SqlNull(),
      t ? SqlText(t->effective_from.ToString()) : SqlNull(), SqlInt(p.special_case ? 1 : 0),
      SqlInt(p.has_smartphone ? 1 : 0), OptionalPeriod(p.paid_through), SqlText(record.created_at),
      SqlText(record.updated_at), fields.IndexParam(p.citizen_id.raw)};
}

BeneficiaryRecord ReadBeneficiary(SensitiveFields& fields, const SqlRows& rows, std::size_t r,
                                  std::size_t first) {
  const auto c = [first](std::size_t offset) { return first + offset; };
  core::Beneficiary person{
      .code = ParseStored(core::BeneficiaryCode::Parse(rows.Text(r, c(1))), "code"),
      .full_name = rows.Text(r, c(2)),
      .birth_date = ParseStored(core::Date::Parse(rows.Text(r, c(3))), "birth_date"),
      .sex = rows.Text(r, c(4)) == "male" ? core::Sex::kMale : core::Sex::kFemale,
      .citizen_id = {fields.Column(kBeneficiaryCitizenId, rows, r, c(5)), std::nullopt},
      .phone = {fields.Column(kBeneficiaryPhone, rows, r, c(6)), std::nullopt},
      .commune = ParseStored(core::AdminUnitCode::Parse(rows.Text(r, c(7))), "commune_code"),
      .address = rows.Text(r, c(9)),
      .group = ParseStored(core::ParseBeneficiaryGroup(rows.Text(r, c(10))), "policy_group"),
      .status = ParseStored(core::ParseBeneficiaryStatus(rows.Text(r, c(11))), "status"),
      .termination = ReadTermination(rows, r, c(12)),
      .special_case = rows.Int64(r, c(16)) != 0,
      .has_smartphone = rows.Int64(r, c(17)) != 0,
      .paid_through = std::nullopt};
  if (auto paid = rows.OptionalText(r, c(18))) {
    person.paid_through = ParseStored(core::Period::Parse(*paid), "paid_through");
  }
  return BeneficiaryRecord{rows.Int64(r, c(0)), std::move(person), rows.Text(r, c(8)),
                           rows.Text(r, c(19)), rows.Text(r, c(20))};
}

}  // namespace ansinh::store
