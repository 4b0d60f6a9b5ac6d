#include "core/role.h"

namespace ansinh::core {
namespace {

struct RoleInfo {
  Role role;
  const char* name;
  const char* display_name;
  bool needs_second_factor;
  bool national_scope;
};

constexpr std::array<RoleInfo, kAllRoles.size()> kRoleInfo = {{
    {Role::kCommuneOfficer, "commune_officer", "Cán bộ cấp xã", false, false},
    {Role::kDistrictOfficer, "district_officer", "Cán bộ phòng LĐTBXH cấp huyện", true, false},
    {Role::kProvinceOfficer, "province_officer", "Cán bộ Sở LĐTBXH", false, false},
    {Role::kPoliceVerifier, "police_verifier", "Cán bộ công an xác minh", false, false},
    {Role::kProviderOperator, "provider_operator", "Nhân viên tổ chức chi trả", false, false},
    {Role::kTreasuryOfficer, "treasury_officer", "Cán bộ Kho bạc Nhà nước", true, false},
    {Role::kAuditor, "auditor", "Thanh tra, kiểm toán", false, true},
    {Role::kAdmin, "admin", "Quản trị hệ thống", true, true},
}};

const RoleInfo& Info(Role role) {
  for (const auto& info : kRoleInfo) {
    if (info.role == role) return info;
  }
  return kRoleInfo.back();  // unreachable: every enumerator is in the table
}

}  // namespace

const char* RoleName(Role role) { return Info(role).name; }

const char* RoleDisplayName(Role role) { return Info(role).display_name; }

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& info : kRoleInfo) {
    if (name == info.name) return info.role;
  }
  return std::nullopt;
}

bool RoleNeedsSecondFactor(Role role) { return Info(role).needs_second_factor; }

bool RoleHasNationalScope(Role role) { return Info(role).national_scope; }

}  // namespace ansinh::core
