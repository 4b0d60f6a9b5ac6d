// The roles of ansinh users (DESIGN.md §1, "Offices and their roles").
//
// A role says what kind of office a user works for; what the role may do is in
// core/permission.h, and where (the scope) is the user's admin unit.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace ansinh::core {

enum class Role {
  kCommuneOfficer,
  kDistrictOfficer,
  kProvinceOfficer,
  kPoliceVerifier,
  kProviderOperator,
  kTreasuryOfficer,
  kAuditor,  // reads everything, changes nothing
  kAdmin,    // users and reference data; no beneficiary data
};

inline constexpr std::array<Role, 8> kAllRoles = {
    Role::kCommuneOfficer,   Role::kDistrictOfficer,  Role::kProvinceOfficer, Role::kPoliceVerifier,
    Role::kProviderOperator, Role::kTreasuryOfficer, Role::kAuditor,         Role::kAdmin};

// The stable name used in the CLI, the database and JSON: "commune_officer", ...
const char* RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

// The Vietnamese name shown to people ("Cán bộ cấp xã", ...).
const char* RoleDisplayName(Role role);

// Roles that approve payrolls, settle or manage users: they must enrol a second
// factor before those actions are allowed (issue 6).
bool RoleNeedsSecondFactor(Role role);

// Whether the role's scope is the whole country, so that a user of it needs no
// admin unit (the auditor and the administrator).
bool RoleHasNationalScope(Role role);

}  // namespace ansinh::core
