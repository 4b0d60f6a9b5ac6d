#include "store/reference_code_store.h"

#include <utility>

namespace ansinh::store {
namespace {

class SqlReferenceCodeStore : public ReferenceCodeStore {
 public:
  explicit SqlReferenceCodeStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> InsertCitizenIdProvinces(
      const std::vector<formats::CitizenIdProvinceRecord>& provinces) override {
    SqlParams values;
    for (const auto& p : provinces) {
      values.insert(values.end(),
                    {SqlText(p.cccd_code), SqlText(p.gso_province_code), SqlText(p.province_name)});
    }
    return InsertBatched(session_,
                         "INSERT INTO citizen_id_provinces (cccd_code, gso_province_code, "
                         "province_name)",
                         "(?1, ?2, ?3)", 3, values, "ON CONFLICT DO NOTHING");
  }

  Result<std::int64_t> InsertMobilePrefixes(
      const std::vector<formats::MobilePrefixRecord>& prefixes) override {
    SqlParams values;
    for (const auto& p : prefixes) {
      values.insert(values.end(), {SqlText(p.prefix), SqlText(p.carrier),
                                   SqlText(p.converted_from), SqlText(p.verification)});
    }
    return InsertBatched(session_,
                         "INSERT INTO mobile_prefixes (prefix, carrier, converted_from, "
                         "verification)",
                         "(?1, ?2, ?3, ?4)", 4, values, "ON CONFLICT DO NOTHING");
  }

  Result<std::vector<formats::CitizenIdProvinceRecord>> ListCitizenIdProvinces() override {
    auto rows = session_.Query(
        "SELECT cccd_code, gso_province_code, province_name FROM citizen_id_provinces "
        "ORDER BY cccd_code");
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<formats::CitizenIdProvinceRecord> out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Text(r, 0), rows->Text(r, 1), rows->Text(r, 2)});
    }
    return out;
  }

  Result<std::vector<formats::MobilePrefixRecord>> ListMobilePrefixes() override {
    auto rows = session_.Query(
        "SELECT prefix, carrier, converted_from, verification FROM mobile_prefixes "
        "ORDER BY prefix");
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<formats::MobilePrefixRecord> out;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Text(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Text(r, 3)});
    }
    return out;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<ReferenceCodeStore> MakeReferenceCodeStore(SqlSession& session) {
  return std::make_unique<SqlReferenceCodeStore>(session);
}

}  // namespace ansinh::store
