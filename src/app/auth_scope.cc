#include "app/auth_scope.h"

#include <algorithm>
#include <utility>

#include "store/user_scope_store.h"

namespace ansinh::app {

Result<bool> IsUnitInScope(store::SqlSession& session, const core::Principal& principal,
                           const std::string& edition, const std::string& unit_code) {
  if (principal.user_id == 0) return false;
  if (principal.scope_unit_code.empty()) return core::RoleHasNationalScope(principal.role);
  if (edition != principal.scope_edition) return false;
  auto chain = store::MakeUserScopeStore(session)->UnitAndAncestors(edition, unit_code);
  if (!chain) return Fail(std::move(chain.error()));
  const auto covers = [&](const std::string& code) {
    return std::find(chain->begin(), chain->end(), code) != chain->end();
  };
  if (covers(principal.scope_unit_code)) return true;
  return std::any_of(principal.contracted_unit_codes.begin(),
                     principal.contracted_unit_codes.end(), covers);
}

Status RequireUnitInScope(store::SqlSession& session, const core::Principal& principal,
                          const std::string& edition, const std::string& unit_code) {
  auto in_scope = IsUnitInScope(session, principal, edition, unit_code);
  if (!in_scope) return Fail(std::move(in_scope.error()));
  if (*in_scope) return {};
  return Fail(ErrorKind::kNotFound, "scope.not_found",
              "Không tìm thấy đơn vị hành chính mã " + unit_code + ".");
}

}  // namespace ansinh::app
