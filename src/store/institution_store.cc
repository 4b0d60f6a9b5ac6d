#include "store/institution_store.h"

#include <utility>

namespace ansinh::store {
namespace {

const char* KindName(core::PaymentInstitutionKind kind) {
  return kind == core::PaymentInstitutionKind::kBank ? "bank" : "mobile_money";
}

formats::InstitutionRecord ReadRecord(const SqlRows& rows, std::size_t r) {
  const auto kind = rows.Text(r, 4) == "bank" ? core::PaymentInstitutionKind::kBank
                                              : core::PaymentInstitutionKind::kMobileMoney;
  return formats::InstitutionRecord{
      core::PaymentInstitution{rows.Text(r, 0), rows.Text(r, 1), rows.Text(r, 2), rows.Text(r, 3),
                               kind},
      rows.OptionalText(r, 5).value_or("")};
}

constexpr const char* kInstitutionSelect =
    "SELECT bin, code, short_name, full_name, kind, swift_code FROM payment_institutions";

class SqlInstitutionStore : public InstitutionStore {
 public:
  explicit SqlInstitutionStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> Insert(const std::vector<formats::InstitutionRecord>& records) override {
    SqlParams values;
    for (const auto& record : records) {
      const auto& institution = record.institution;
      values.insert(values.end(),
                    {SqlText(institution.bin), SqlText(institution.code),
                     SqlText(institution.short_name), SqlText(institution.full_name),
                     SqlText(KindName(institution.kind)),
                     record.swift_code.empty() ? SqlNull() : SqlText(record.swift_code)});
    }
    return InsertBatched(session_,
                         "INSERT INTO payment_institutions (bin, code, short_name, full_name, "
                         "kind, swift_code)",
                         "(?1, ?2, ?3, ?4, ?5, ?6)", 6, values, "ON CONFLICT DO NOTHING");
  }

  Result<std::optional<formats::InstitutionRecord>> FindByBin(const std::string& bin) override {
    auto rows = session_.Query(std::string(kInstitutionSelect) + " WHERE bin = ?1", {SqlText(bin)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<formats::InstitutionRecord>();
    return std::optional<formats::InstitutionRecord>(ReadRecord(*rows, 0));
  }

  Result<std::vector<formats::InstitutionRecord>> List() override {
    auto rows = session_.Query(std::string(kInstitutionSelect) + " ORDER BY bin");
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<formats::InstitutionRecord> records;
    for (std::size_t r = 0; r < rows->size(); ++r) records.push_back(ReadRecord(*rows, r));
    return records;
  }

  Result<std::int64_t> Count(core::PaymentInstitutionKind kind) override {
    auto rows = session_.Query("SELECT COUNT(*) FROM payment_institutions WHERE kind = ?1",
                               {SqlText(KindName(kind))});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<InstitutionStore> MakeInstitutionStore(SqlSession& session) {
  return std::make_unique<SqlInstitutionStore>(session);
}

}  // namespace ansinh::store
