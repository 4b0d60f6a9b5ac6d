#include "http/authorization_rule.h"

namespace ansinh::http {

std::string AccessRule::Describe() const {
  switch (kind) {
    case Kind::kPublic: return "public";
    case Kind::kAuthenticated: return "authenticated";
    case Kind::kPermission: return core::PermissionName(permission);
  }
  return "unknown";
}

}  // namespace ansinh::http
