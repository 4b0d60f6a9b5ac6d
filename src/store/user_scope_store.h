// The admin-unit ancestry used by scope checks: a unit and the units above it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

// Thread safety: as the session it works on (one thread at a time).
class UserScopeStore {
 public:
  virtual ~UserScopeStore() = default;

  // The code of the unit itself, then of its parent and grandparent (at most
  // three levels), within one edition. Codes of different levels differ in
  // length, so a code names one unit of an edition. Empty when unknown.
  virtual Result<std::vector<std::string>> UnitAndAncestors(const std::string& edition,
                                                            const std::string& code) = 0;
};

// The one implementation, over either dialect. `session` must outlive the store.
std::unique_ptr<UserScopeStore> MakeUserScopeStore(SqlSession& session);

}  // namespace ansinh::store
