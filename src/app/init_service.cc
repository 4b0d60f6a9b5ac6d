#include "app/init_service.h"

#include <utility>

#include "app/key_rotation.h"
#include "app/user_service.h"
#include "formats/reference_data.h"
#include "store/admin_unit_store.h"
#include "store/institution_store.h"
#include "store/migrations.h"
#include "store/policy_rate_store.h"
#include "store/reference_code_store.h"

namespace ansinh::app {
namespace {

using formats::AdminEdition;
using formats::AdminLevel;

// Adds what one insert reported to the running total, or passes its error on.
Status Add(Result<std::int64_t> inserted, std::int64_t& total) {
  if (!inserted) return Fail(std::move(inserted.error()));
  total += *inserted;
  return {};
}

Status InsertAll(store::SqlSession& session, const formats::ReferenceData& data,
                 std::int64_t& inserted) {
  auto units = store::MakeAdminUnitStore(session);
  auto institutions = store::MakeInstitutionStore(session);
  auto rates = store::MakePolicyRateStore(session);
  auto codes = store::MakeReferenceCodeStore(session);
  Status steps[] = {
      Add(units->InsertUnits(data.pre2025.units), inserted),
      Add(units->InsertUnits(data.post2025.units), inserted),
      Add(units->InsertSuccessorLinks(data.conversion.links), inserted),
      Add(institutions->Insert(data.institutions), inserted),
      Add(rates->InsertStandardLevels(data.standard_levels), inserted),
      Add(rates->InsertPolicyRates(data.policy_rates), inserted),
      Add(codes->InsertCitizenIdProvinces(data.citizen_id_provinces), inserted),
      Add(codes->InsertMobilePrefixes(data.mobile_prefixes), inserted),
  };
  for (auto& step : steps) {
    if (!step) return Fail(std::move(step.error()));
  }
  return {};
}

Result<std::int64_t> CountRows(store::SqlSession& session, const char* table) {
  auto rows = session.Query(std::string("SELECT COUNT(*) FROM ") + table);
  if (!rows) return Fail(std::move(rows.error()));
  return rows->Int64(0, 0);
}

Status Count(Result<std::int64_t> count, std::int64_t& field) {
  if (!count) return Fail(std::move(count.error()));
  field = *count;
  return {};
}

Status FillCounts(store::SqlSession& session, InitSummary& s) {
  auto units = store::MakeAdminUnitStore(session);
  auto institutions = store::MakeInstitutionStore(session);
  Status steps[] = {
      Count(units->CountUnits(AdminEdition::kPre2025, AdminLevel::kProvince), s.provinces_pre2025),
      Count(units->CountUnits(AdminEdition::kPre2025, AdminLevel::kDistrict), s.districts_pre2025),
      Count(units->CountUnits(AdminEdition::kPre2025, AdminLevel::kCommune), s.communes_pre2025),
      Count(units->CountUnits(AdminEdition::k2025, AdminLevel::kProvince), s.provinces_2025),
      Count(units->CountUnits(AdminEdition::k2025, AdminLevel::kCommune), s.communes_2025),
      Count(units->CountSuccessorLinks(AdminLevel::kProvince), s.province_successor_links),
      Count(units->CountSuccessorLinks(AdminLevel::kCommune), s.commune_successor_links),
      Count(institutions->Count(core::PaymentInstitutionKind::kBank), s.banks),
      Count(institutions->Count(core::PaymentInstitutionKind::kMobileMoney),
            s.mobile_money_providers),
      Count(CountRows(session, "standard_levels"), s.standard_levels),
      Count(CountRows(session, "policy_rates"), s.policy_rates),
      Count(CountRows(session, "citizen_id_provinces"), s.citizen_id_provinces),
      Count(CountRows(session, "mobile_prefixes"), s.mobile_prefixes),
  };
  for (auto& step : steps) {
    if (!step) return Fail(std::move(step.error()));
  }
  return {};
}

}  // namespace

std::string DefaultDataDir() { return ANSINH_DATA_DIR; }

Result<InitSummary> InitDatabase(store::Database& database, const std::string& data_dir) {
  InitSummary summary;
  summary.dialect = store::DialectName(database.dialect());
  auto applied = store::ApplyMigrations(database);
  if (!applied) return Fail(std::move(applied.error()));
  summary.migrations_applied = *applied;
  // Rows written before encryption at rest (migration 0007) are sealed now.
  if (auto sealed = SealPendingValues(database); !sealed) return Fail(std::move(sealed.error()));
  // Read and validate every file before touching the database.
  auto data = formats::LoadReferenceData(data_dir);
  if (!data) return Fail(std::move(data.error()));
  summary.unlinked_conversion_rows = static_cast<std::int64_t>(data->conversion.unlinked.size());
  summary.conversion_province_label_slips = data->conversion.province_label_slips;
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto transaction = store::Transaction::Begin(**session);
  if (!transaction) return Fail(std::move(transaction.error()));
  if (auto ok = InsertAll(**session, *data, summary.rows_inserted); !ok) {
    return Fail(std::move(ok.error()));
  }
  if (auto ok = FillCounts(**session, summary); !ok) return Fail(std::move(ok.error()));
  auto admin_password = EnsureFirstAdministrator(**session);
  if (!admin_password) return Fail(std::move(admin_password.error()));
  summary.admin_password = std::move(*admin_password);
  if (auto ok = transaction->Commit(); !ok) return Fail(std::move(ok.error()));
  auto version = store::AppliedSchemaVersion(**session);
  if (!version) return Fail(std::move(version.error()));
  summary.schema_version = *version;
  return summary;
}

Result<core::ReferenceCodes> LoadReferenceCodesFromDatabase(store::Database& database) {
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto provinces = store::MakeReferenceCodeStore(**session)->ListCitizenIdProvinces();
  if (!provinces) return Fail(std::move(provinces.error()));
  auto prefixes = store::MakeReferenceCodeStore(**session)->ListMobilePrefixes();
  if (!prefixes) return Fail(std::move(prefixes.error()));
  auto institutions = store::MakeInstitutionStore(**session)->List();
  if (!institutions) return Fail(std::move(institutions.error()));
  return formats::MakeReferenceCodes(*provinces, *prefixes, *institutions);
}

nlohmann::json ToJson(const InitSummary& s) {
  nlohmann::json json{
      {"dialect", s.dialect},
      {"schema_version", s.schema_version},
      {"migrations_applied", s.migrations_applied},
      {"rows_inserted", s.rows_inserted},
      {"admin_units",
       {{"pre2025", {{"provinces", s.provinces_pre2025}, {"districts", s.districts_pre2025},
                     {"communes", s.communes_pre2025}}},
        {"2025", {{"provinces", s.provinces_2025}, {"communes", s.communes_2025}}}}},
      {"successor_links",
       {{"provinces", s.province_successor_links}, {"communes", s.commune_successor_links}}},
      {"conversion",
       {{"unlinked_rows", s.unlinked_conversion_rows},
        {"province_label_slips", s.conversion_province_label_slips}}},
      {"payment_institutions",
       {{"banks", s.banks}, {"mobile_money", s.mobile_money_providers}}},
      {"standard_levels", s.standard_levels},
      {"policy_rates", s.policy_rates},
      {"citizen_id_provinces", s.citizen_id_provinces},
      {"mobile_prefixes", s.mobile_prefixes},
  };
  // Only on the run that created the administrator "admin" (user_service.h).
  if (s.admin_password) json["admin_password"] = *s.admin_password;
  return json;
}

}  // namespace ansinh::app
