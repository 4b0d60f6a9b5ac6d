#include "core/permission.h"

#include <array>
#include <initializer_list>

namespace ansinh::core {
namespace {

using enum Role;

struct Grant {
  Permission permission;
  const char* name;
  std::initializer_list<Role> roles;
  bool needs_second_factor;
};

// THE role × permission table. Least privilege: the administrator manages
// users and reference data but reads no beneficiary; the auditor reads
// everything and changes nothing.
const std::array<Grant, kPermissionCount> kGrants = {{
    {Permission::kBeneficiaryRead, "beneficiary.read",
     {kCommuneOfficer, kDistrictOfficer, kProvinceOfficer, kPoliceVerifier, kProviderOperator,
      kAuditor},
     false},
    {Permission::kBeneficiaryWrite, "beneficiary.write", {kCommuneOfficer, kDistrictOfficer}, false},
    {Permission::kBeneficiaryFullView, "beneficiary.full_view",
     {kCommuneOfficer, kDistrictOfficer, kPoliceVerifier, kAuditor},
     false},
    {Permission::kVerificationRecord, "verification.record", {kPoliceVerifier}, false},
    {Permission::kAccountManage, "account.manage", {kCommuneOfficer, kProviderOperator}, false},
    {Permission::kPayrollRead, "payroll.read",
     {kDistrictOfficer, kProvinceOfficer, kProviderOperator, kTreasuryOfficer, kAuditor},
     false},
    {Permission::kPayrollApprove, "payroll.approve", {kDistrictOfficer}, true},
    {Permission::kDisbursementExport, "disbursement.export", {kDistrictOfficer, kProviderOperator},
     false},
    {Permission::kPaymentResultRecord, "payment_result.record", {kProviderOperator}, false},
    {Permission::kSettlementRecord, "settlement.record", {kDistrictOfficer, kTreasuryOfficer},
     true},
    {Permission::kReportRead, "report.read",
     {kCommuneOfficer, kDistrictOfficer, kProvinceOfficer, kTreasuryOfficer, kAuditor},
     false},
    {Permission::kReferenceDataManage, "reference_data.manage", {kProvinceOfficer, kAdmin}, false},
    {Permission::kUserManage, "user.manage", {kAdmin}, true},
    {Permission::kAuditRead, "audit.read", {kAuditor, kAdmin}, false},
    // The maker of maker-checker: no second factor, since nothing is locked
    // or paid until another user approves.
    {Permission::kPayrollPrepare, "payroll.prepare", {kDistrictOfficer}, false},
}};

const Grant& GrantOf(Permission permission) {
  for (const auto& grant : kGrants) {
    if (grant.permission == permission) return grant;
  }
  return kGrants.front();  // unreachable: every enumerator is in the table
}

}  // namespace

const char* PermissionName(Permission permission) { return GrantOf(permission).name; }

std::optional<Permission> ParsePermission(std::string_view name) {
  for (const auto& grant : kGrants) {
    if (name == grant.name) return grant.permission;
  }
  return std::nullopt;
}

std::vector<Permission> AllPermissions() {
  std::vector<Permission> all;
  for (const auto& grant : kGrants) all.push_back(grant.permission);
  return all;
}

bool RoleHasPermission(Role role, Permission permission) {
  for (const Role granted : GrantOf(permission).roles) {
    if (granted == role) return true;
  }
  return false;
}

bool PermissionNeedsSecondFactor(Permission permission) {
  return GrantOf(permission).needs_second_factor;
}

Decision Authorize(const Principal& principal, Permission permission) {
  if (principal.user_id == 0 || !RoleHasPermission(principal.role, permission)) {
    return Decision::kDenyRole;
  }
  if (PermissionNeedsSecondFactor(permission) && RoleNeedsSecondFactor(principal.role) &&
      !principal.second_factor_verified) {
    return Decision::kDenySecondFactor;
  }
  return Decision::kAllow;
}

}  // namespace ansinh::core
