// The role × permission table and the second-factor rule.
#include "core/permission.h"

#include <gtest/gtest.h>

namespace ansinh::core {
namespace {

Principal Of(Role role, bool second_factor = false) {
  Principal principal;
  principal.user_id = 7;
  principal.role = role;
  principal.second_factor_verified = second_factor;
  return principal;
}

TEST(PermissionTest, NamesRoundTrip) {
  ASSERT_EQ(AllPermissions().size(), kPermissionCount);
  for (const Permission permission : AllPermissions()) {
    EXPECT_EQ(ParsePermission(PermissionName(permission)), permission);
  }
  for (const Role role : kAllRoles) EXPECT_EQ(ParseRole(RoleName(role)), role);
  EXPECT_FALSE(ParseRole("root"));
  EXPECT_FALSE(ParsePermission("beneficiary.delete"));
}

TEST(PermissionTest, AuditorReadsButNeverWrites) {
  EXPECT_TRUE(RoleHasPermission(Role::kAuditor, Permission::kBeneficiaryRead));
  EXPECT_TRUE(RoleHasPermission(Role::kAuditor, Permission::kAuditRead));
  for (const Permission permission :
       {Permission::kBeneficiaryWrite, Permission::kPayrollApprove, Permission::kUserManage,
        Permission::kSettlementRecord, Permission::kReferenceDataManage}) {
    EXPECT_FALSE(RoleHasPermission(Role::kAuditor, permission)) << PermissionName(permission);
  }
}

TEST(PermissionTest, AdministratorManagesUsersButReadsNoBeneficiary) {
  EXPECT_TRUE(RoleHasPermission(Role::kAdmin, Permission::kUserManage));
  EXPECT_FALSE(RoleHasPermission(Role::kAdmin, Permission::kBeneficiaryRead));
}

TEST(PermissionTest, ApprovalNeedsAVerifiedSecondFactor) {
  EXPECT_EQ(Authorize(Of(Role::kDistrictOfficer), Permission::kPayrollApprove),
            Decision::kDenySecondFactor);
  EXPECT_EQ(Authorize(Of(Role::kDistrictOfficer, true), Permission::kPayrollApprove),
            Decision::kAllow);
  EXPECT_EQ(Authorize(Of(Role::kDistrictOfficer), Permission::kPayrollRead), Decision::kAllow);
  EXPECT_EQ(Authorize(Of(Role::kCommuneOfficer, true), Permission::kPayrollApprove),
            Decision::kDenyRole);
}

TEST(PermissionTest, AnonymousIsDeniedEverything) {
  Principal anonymous;
  for (const Permission permission : AllPermissions()) {
    EXPECT_EQ(Authorize(anonymous, permission), Decision::kDenyRole);
  }
}

}  // namespace
}  // namespace ansinh::core
