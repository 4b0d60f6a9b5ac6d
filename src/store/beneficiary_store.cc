#include "store/beneficiary_store.h"

#include <algorithm>
#include <utility>

#include "core/name.h"
#include "store/beneficiary_columns.h"
#include "store/registry_sensitive.h"
#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

std::string SelectBeneficiaries() {
  return "SELECT " + BeneficiarySelectColumns() + " FROM beneficiaries b";
}

// Appends one filter "column op ?n" with its value.
void AddFilter(std::string& where, SqlParams& params, std::string_view condition, SqlValue value) {
  params.push_back(std::move(value));
  where += where.empty() ? " WHERE " : " AND ";
  std::string text(condition);
  const auto mark = text.find("?n");
  text.replace(mark, 2, "?" + std::to_string(params.size()));
  where += text;
}

// "nguyen_van" must not match "nguyenxvan": LIKE wildcards in the key are escaped.
std::string LikeContains(const std::string& key) {
  std::string pattern = "%";
  for (char c : key) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  return pattern + "%";
}

// The commune and up to two units above it (district, province; the 2025 map
// has no districts) must include one of the scope units. No unit: no match.
void AddScopeFilter(std::string& where, SqlParams& params, const BeneficiaryQuery& query) {
  where += where.empty() ? " WHERE " : " AND ";
  if (query.scope_units->empty()) {
    where += "1 = 0";
    return;
  }
  params.push_back(SqlText(query.scope_edition));
  const std::string edition = "?" + std::to_string(params.size());
  std::string units;
  for (const std::string& unit : *query.scope_units) {
    params.push_back(SqlText(unit));
    units += (units.empty() ? "?" : ", ?") + std::to_string(params.size());
  }
  where += "b.commune_edition = " + edition +
           " AND EXISTS (SELECT 1 FROM admin_units c"
           " LEFT JOIN admin_units d ON d.id = c.parent_id"
           " LEFT JOIN admin_units p ON p.id = d.parent_id"
           " WHERE c.edition = " + edition + " AND c.level = 'commune' AND c.code = b.commune_code"
           " AND (c.code IN (" + units + ") OR d.code IN (" + units + ") OR p.code IN (" + units +
           ")))";
}

// The blind index under each key of the ring: rows written before and after
// an unfinished rotation both match. An ID without index (blank) matches none.
void AddCitizenIdFilter(std::string& where, SqlParams& params, const SensitiveFields& fields,
                        const std::string& citizen_id) {
  const std::vector<std::string> indexes = fields.LookupIndexes(citizen_id);
  if (indexes.empty()) {
    where += where.empty() ? " WHERE 1 = 0" : " AND 1 = 0";
    return;
  }
  std::string condition = "b.citizen_id_index IN (";
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    params.push_back(SqlText(indexes[i]));
    condition += (i == 0 ? "?" : ", ?") + std::to_string(params.size());
  }
  where += (where.empty() ? " WHERE " : " AND ") + condition + ")";
}

Result<std::pair<std::string, SqlParams>> BuildWhere(const SensitiveFields& fields,
                                                     const BeneficiaryQuery& query) {
  std::string where;
  SqlParams params;
  if (query.code) AddFilter(where, params, "b.code = ?n", SqlText(*query.code));
  if (query.citizen_id) AddCitizenIdFilter(where, params, fields, *query.citizen_id);
  if (query.name) {
    auto key = core::NameMatchKey(*query.name);
    if (!key) return Fail(std::move(key.error()));
    AddFilter(where, params, "b.name_key LIKE ?n ESCAPE '\\'", SqlText(LikeContains(*key)));
  }
  if (query.commune_code) AddFilter(where, params, "b.commune_code = ?n", SqlText(*query.commune_code));
  if (query.group) {
    AddFilter(where, params, "b.policy_group = ?n",
              SqlText(core::BeneficiaryGroupCode(*query.group)));
  }
  if (query.status) {
    AddFilter(where, params, "b.status = ?n", SqlText(core::BeneficiaryStatusCode(*query.status)));
  }
  if (query.channel) {
    AddFilter(where, params,
              "EXISTS (SELECT 1 FROM payment_methods p WHERE p.beneficiary_id = b.id AND "
              "p.channel = ?n)",
              SqlText(core::PaymentChannelCode(*query.channel)));
  }
  if (query.scope_units) AddScopeFilter(where, params, query);
  return std::make_pair(std::move(where), std::move(params));
}

// The bound values of many records, row after row, for InsertBatched.
Result<SqlParams> BatchValues(const SensitiveFields& fields,
                              const std::vector<BeneficiaryRecord>& records) {
  SqlParams values;
  values.reserve(records.size() * kBeneficiaryValueCount);
  for (const auto& record : records) {
    auto row = BeneficiaryValues(fields, record);
    if (!row) return Fail(std::move(row.error()));
    std::move(row->begin(), row->end(), std::back_inserter(values));
  }
  return values;
}

class SqlBeneficiaryStore : public BeneficiaryStore {
 public:
  explicit SqlBeneficiaryStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> Insert(const BeneficiaryRecord& record) override {
    auto values = BeneficiaryValues(SensitiveFields(session_), record);
    if (!values) return Fail(std::move(values.error()));
    auto rows = session_.Query("INSERT INTO beneficiaries (" + BeneficiaryInsertColumns() +
                                   ") VALUES (" + BeneficiaryPlaceholders() + ") RETURNING id",
                               *values);
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Status Update(const BeneficiaryRecord& record) override {
    auto values = BeneficiaryValues(SensitiveFields(session_), record);
    if (!values) return Fail(std::move(values.error()));
    values->push_back(SqlInt(record.id));
    auto changed = session_.Execute("UPDATE beneficiaries SET " + BeneficiaryUpdateAssignments() +
                                        " WHERE id = ?" +
                                        std::to_string(kBeneficiaryValueCount + 1),
                                    *values);
    if (!changed) return Fail(std::move(changed.error()));
    if (*changed == 0) {
      return Fail(ErrorKind::kNotFound, "beneficiary.not_found", "Không tìm thấy đối tượng.");
    }
    return {};
  }

  Result<std::optional<BeneficiaryRecord>> FindByCode(std::string_view code) override {
    auto rows = session_.Query(SelectBeneficiaries() + " WHERE b.code = ?1",
                               {SqlText(std::string(code))});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<BeneficiaryRecord>();
    SensitiveFields fields(session_);
    return std::optional<BeneficiaryRecord>(ReadBeneficiary(fields, *rows, 0, 0));
  }

  Result<BeneficiaryPage> Search(const BeneficiaryQuery& query) override {
    SensitiveFields fields(session_);
    auto where = BuildWhere(fields, query);
    if (!where) return Fail(std::move(where.error()));
    auto& [condition, params] = *where;
    BeneficiaryPage page;
    page.page = std::max(query.page, 1);
    page.page_size = std::clamp(query.page_size, 1, BeneficiaryQuery::kMaxPageSize);
    auto count = session_.Query("SELECT COUNT(*) FROM beneficiaries b" + condition, params);
    if (!count) return Fail(std::move(count.error()));
    page.total = count->Int64(0, 0);
    const std::int64_t offset = static_cast<std::int64_t>(page.page - 1) * page.page_size;
    auto rows = session_.Query(SelectBeneficiaries() + condition + " ORDER BY b.code LIMIT " +
                                   std::to_string(page.page_size) + " OFFSET " +
                                   std::to_string(offset),
                               params);
    if (!rows) return Fail(std::move(rows.error()));
    for (std::size_t r = 0; r < rows->size(); ++r) {
      page.items.push_back(ReadBeneficiary(fields, *rows, r, 0));
    }
    return page;
  }

  Result<std::int64_t> UpsertBatch(const std::vector<BeneficiaryRecord>& records) override {
    auto values = BatchValues(SensitiveFields(session_), records);
    if (!values) return Fail(std::move(values.error()));
    return InsertBatched(session_,
                         "INSERT INTO beneficiaries (" + BeneficiaryInsertColumns() + ")",
                         "(" + BeneficiaryPlaceholders() + ")", kBeneficiaryValueCount, *values,
                         "ON CONFLICT (code) DO UPDATE SET " + BeneficiaryUpsertAssignments());
  }

  Result<std::unordered_map<std::string, std::int64_t>> UpsertBatchReturningIds(
      const std::vector<BeneficiaryRecord>& records) override {
    auto values = BatchValues(SensitiveFields(session_), records);
    if (!values) return Fail(std::move(values.error()));
    std::unordered_map<std::string, std::int64_t> ids;
    ids.reserve(records.size());
    auto written = QueryBatched(
        session_, "INSERT INTO beneficiaries (" + BeneficiaryInsertColumns() + ")",
        "(" + BeneficiaryPlaceholders() + ")", kBeneficiaryValueCount, *values,
        "ON CONFLICT (code) DO UPDATE SET " + BeneficiaryUpsertAssignments() + " RETURNING code, id",
        [&ids](const SqlRows& rows) {
          for (std::size_t r = 0; r < rows.size(); ++r) ids[rows.Text(r, 0)] = rows.Int64(r, 1);
        });
    if (!written) return Fail(std::move(written.error()));
    return ids;
  }

  Result<std::unordered_map<std::string, std::int64_t>> IdsByCode(
      const std::vector<std::string>& codes) override {
    std::unordered_map<std::string, std::int64_t> ids;
    SqlParams keys;
    for (const auto& code : codes) keys.push_back(SqlText(code));
    auto read = QueryEachForKeys(session_, "SELECT code, id FROM beneficiaries WHERE code IN",
                                 keys, "", [&ids](const SqlRow& row) {
                                   ids[std::string(row.Text(0))] = row.Int64(1);
                                   return Status();
                                 });
    if (!read) return Fail(std::move(read.error()));
    return ids;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<BeneficiaryStore> MakeBeneficiaryStore(SqlSession& session) {
  return std::make_unique<SqlBeneficiaryStore>(session);
}

}  // namespace ansinh::store
