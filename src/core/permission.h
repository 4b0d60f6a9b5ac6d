// What each role may do: the one role × permission table of ansinh, and the
// Principal (who is asking) that the checks are made against.
//
// A permission says WHAT; the scope (WHERE) is checked separately against the
// principal's admin unit (app/auth_scope.h), and out-of-scope answers 404 so
// that nobody learns what exists outside their area.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/role.h"

namespace ansinh::core {

enum class Permission {
  kBeneficiaryRead,       // "beneficiary.read": lists and records, masked by default
  kBeneficiaryWrite,      // "beneficiary.write": register, change, terminate
  kBeneficiaryFullView,   // "beneficiary.full_view": unmasked citizen ID, account, phone
  kVerificationRecord,    // "verification.record": police confirms identity data
  kAccountManage,         // "account.manage": account-opening requests and results
  kPayrollRead,           // "payroll.read"
  kPayrollApprove,        // "payroll.approve"
  kDisbursementExport,    // "disbursement.export": payment lists for a provider
  kPaymentResultRecord,   // "payment_result.record": provider reports outcomes
  kSettlementRecord,      // "settlement.record": settle with provider and Treasury
  kReportRead,            // "report.read"
  kReferenceDataManage,   // "reference_data.manage": policy rates, targets
  kUserManage,            // "user.manage"
  kAuditRead,             // "audit.read"
  kPayrollPrepare,        // "payroll.prepare": build or rebuild a draft cycle (the maker)
};

inline constexpr std::size_t kPermissionCount = 15;

// "beneficiary.read", ...: the names routes and documents use.
const char* PermissionName(Permission permission);
std::optional<Permission> ParsePermission(std::string_view name);
std::vector<Permission> AllPermissions();

// The table: true when the role is granted the permission anywhere in its scope.
bool RoleHasPermission(Role role, Permission permission);

// Permissions that need an enrolled and verified second factor: approving a
// payroll, settling, managing users.
bool PermissionNeedsSecondFactor(Permission permission);

// The authenticated user a request acts for.
struct Principal {
  std::int64_t user_id = 0;  // 0 only for the anonymous principal of public routes
  std::string username;
  Role role = Role::kCommuneOfficer;
  // The admin unit the user works in; empty for a national scope (auditor, admin).
  std::string scope_unit_code;
  std::string scope_edition;  // "pre2025" | "2025"; empty with the unit
  // For a provider operator: the further units its contract covers.
  std::vector<std::string> contracted_unit_codes;
  bool second_factor_verified = false;
  bool must_change_password = false;
};

enum class Decision {
  kAllow,
  kDenyRole,          // the role does not have the permission: 403
  kDenySecondFactor,  // allowed once the second factor is verified: 403
};

Decision Authorize(const Principal& principal, Permission permission);

}  // namespace ansinh::core
