#include "store/representative_store.h"

#include <utility>

#include "store/registry_sql.h"
#include "store/registry_sensitive.h"

namespace ansinh::store {
namespace {

SqlValue OptionalDate(const std::optional<core::Date>& date) {
  return date ? SqlText(date->ToIso()) : SqlNull();
}

std::optional<core::Date> ReadDate(const SqlRows& rows, std::size_t r, std::size_t c) {
  auto text = rows.OptionalText(r, c);
  if (!text) return std::nullopt;
  return ParseStored(core::Date::Parse(*text), "representative date");
}

core::Representative ReadRepresentative(SensitiveFields& fields, const SqlRows& rows) {
  return core::Representative{
      .kind = rows.Text(0, 0) == "guardian" ? core::RepresentativeKind::kGuardian
                                            : core::RepresentativeKind::kAuthorised,
      .full_name = rows.Text(0, 1),
      .citizen_id = {fields.Column(kRepresentativeCitizenId, rows, 0, 2), std::nullopt},
      .phone = {fields.Column(kRepresentativePhone, rows, 0, 3), std::nullopt},
      .relationship = rows.Text(0, 4),
      .authorisation_number = rows.Text(0, 5),
      .authorisation_date = ReadDate(rows, 0, 6),
      .valid_from = ReadDate(rows, 0, 7),
      .valid_to = ReadDate(rows, 0, 8),
      .confirmed_by = rows.Text(0, 9),
      .confirmed_on = ReadDate(rows, 0, 10)};
}

class SqlRepresentativeStore : public RepresentativeStore {
 public:
  explicit SqlRepresentativeStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> PutBatch(const std::vector<RepresentativeRecord>& records) override {
    const SensitiveFields fields(session_);
    SqlParams values;
    values.reserve(records.size() * 13);
    for (const auto& record : records) {
      const core::Representative& p = record.representative;
      values.insert(values.end(),
                    {SqlInt(record.beneficiary_id),
                     SqlText(p.kind == core::RepresentativeKind::kGuardian ? "guardian"
                                                                           : "authorised"),
                     SqlText(p.full_name), fields.Param(kRepresentativeCitizenId, p.citizen_id.raw),
                     fields.Param(kRepresentativePhone, p.phone.raw), SqlText(p.relationship),
                     SqlText(p.authorisation_number), OptionalDate(p.authorisation_date),
                     OptionalDate(p.valid_from), OptionalDate(p.valid_to),
                     SqlText(p.confirmed_by), OptionalDate(p.confirmed_on),
                     fields.IndexParam(p.citizen_id.raw)});
    }
    return InsertBatched(
        session_,
        "INSERT INTO representatives (beneficiary_id, kind, full_name, citizen_id, phone, "
        "relationship, authorisation_number, authorisation_date, valid_from, valid_to, "
        "confirmed_by, confirmed_on, citizen_id_index)",
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", 13, values,
        "ON CONFLICT (beneficiary_id) DO UPDATE SET kind = excluded.kind, full_name = "
        "excluded.full_name, citizen_id = excluded.citizen_id, phone = excluded.phone, "
        "relationship = excluded.relationship, authorisation_number = "
        "excluded.authorisation_number, authorisation_date = excluded.authorisation_date, "
        "valid_from = excluded.valid_from, valid_to = excluded.valid_to, confirmed_by = "
        "excluded.confirmed_by, confirmed_on = excluded.confirmed_on, citizen_id_index = "
        "excluded.citizen_id_index");
  }

  Result<std::int64_t> RemoveFor(const std::vector<std::int64_t>& beneficiary_ids) override {
    SqlParams keys;
    for (std::int64_t id : beneficiary_ids) keys.push_back(SqlInt(id));
    return ExecuteForKeys(session_, "DELETE FROM representatives WHERE beneficiary_id IN", keys);
  }

  Result<std::optional<core::Representative>> Find(std::int64_t beneficiary_id) override {
    auto rows = session_.Query(
        "SELECT kind, full_name, citizen_id, phone, relationship, authorisation_number, "
        "CAST(authorisation_date AS TEXT), CAST(valid_from AS TEXT), CAST(valid_to AS TEXT), "
        "confirmed_by, CAST(confirmed_on AS TEXT) FROM representatives WHERE beneficiary_id = ?1",
        {SqlInt(beneficiary_id)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<core::Representative>();
    SensitiveFields fields(session_);
    return std::optional<core::Representative>(ReadRepresentative(fields, *rows));
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<RepresentativeStore> MakeRepresentativeStore(SqlSession& session) {
  return std::make_unique<SqlRepresentativeStore>(session);
}

}  // namespace ansinh::store
