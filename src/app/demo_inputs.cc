#include "app/demo_inputs.h"

#include <algorithm>
#include <map>

#include "app/init_service.h"
#include "store/admin_unit_store.h"
#include "store/policy_rate_store.h"

namespace ansinh::app {
namespace {

using formats::AdminLevel;

Status ProvinceUnknown(const std::string& code) {
  return Fail(ErrorKind::kNotFound, "demo.province_unknown",
              "Không có tỉnh mã " + code + " trong danh mục đơn vị hành chính trước 2025");
}

Status SortAndCheck(DemoInputs& inputs) {
  if (inputs.communes.empty()) {
    return Fail(ErrorKind::kInvalidInput, "demo.no_communes",
                "Tỉnh " + inputs.province_code + " không có xã nào");
  }
  std::sort(inputs.communes.begin(), inputs.communes.end(),
            [](const DemoCommune& a, const DemoCommune& b) { return a.code < b.code; });
  return {};
}

Status AddCommunesFromStore(store::AdminUnitStore& units, const store::AdminUnit& province,
                            DemoInputs& inputs) {
  auto districts = units.Children(province.id);
  if (!districts) return Fail(std::move(districts.error()));
  for (const store::AdminUnit& district : *districts) {
    auto communes = units.Children(district.id);
    if (!communes) return Fail(std::move(communes.error()));
    for (const store::AdminUnit& commune : *communes) {
      inputs.communes.push_back(DemoCommune{commune.code, commune.name, district.name});
    }
  }
  return SortAndCheck(inputs);
}

}  // namespace

Status FillDemoProvince(const std::vector<formats::AdminUnitRecord>& pre2025_units,
                        DemoInputs& inputs) {
  std::map<std::string, std::string> district_names;
  bool province_found = false;
  for (const formats::AdminUnitRecord& unit : pre2025_units) {
    if (unit.level == AdminLevel::kProvince && unit.code == inputs.province_code) {
      inputs.province_name = unit.name;
      province_found = true;
    } else if (unit.level == AdminLevel::kDistrict && unit.parent_code == inputs.province_code) {
      district_names[unit.code] = unit.name;
    }
  }
  if (!province_found) return ProvinceUnknown(inputs.province_code);
  inputs.communes.clear();
  for (const formats::AdminUnitRecord& unit : pre2025_units) {
    if (unit.level != AdminLevel::kCommune) continue;
    auto district = district_names.find(unit.parent_code);
    if (district == district_names.end()) continue;
    inputs.communes.push_back(DemoCommune{unit.code, unit.name, district->second});
  }
  return SortAndCheck(inputs);
}

Result<DemoInputs> LoadDemoInputs(const std::filesystem::path& data_dir,
                                  const std::string& province_code) {
  DemoInputs inputs;
  inputs.province_code = province_code;
  auto units = formats::LoadPre2025AdminUnits(data_dir / "gso_xa_2025-01-04_pre2025.csv");
  if (!units) return Fail(std::move(units.error()));
  if (auto ok = FillDemoProvince(units->units, inputs); !ok) return Fail(std::move(ok.error()));
  auto rates = formats::LoadPolicyRates(data_dir / "policy_rates.csv");
  if (!rates) return Fail(std::move(rates.error()));
  inputs.policy_rates = std::move(*rates);
  auto codes = formats::LoadReferenceCodes(data_dir);
  if (!codes) return Fail(std::move(codes.error()));
  inputs.codes = std::move(*codes);
  return inputs;
}

Result<DemoInputs> LoadDemoInputs(store::Database& database, const std::string& province_code) {
  DemoInputs inputs;
  inputs.province_code = province_code;
  auto codes = LoadReferenceCodesFromDatabase(database);
  if (!codes) return Fail(std::move(codes.error()));
  inputs.codes = std::move(*codes);
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto units = store::MakeAdminUnitStore(**session);
  auto province = units->Find(formats::AdminEdition::kPre2025, AdminLevel::kProvince, province_code);
  if (!province) return Fail(std::move(province.error()));
  if (!*province) return Fail(ProvinceUnknown(province_code).error());
  inputs.province_name = (*province)->name;
  if (auto ok = AddCommunesFromStore(*units, **province, inputs); !ok) {
    return Fail(std::move(ok.error()));
  }
  auto rates = store::MakePolicyRateStore(**session)->ListPolicyRates();
  if (!rates) return Fail(std::move(rates.error()));
  inputs.policy_rates = std::move(*rates);
  return inputs;
}

}  // namespace ansinh::app
