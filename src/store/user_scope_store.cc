#include "store/user_scope_store.h"

#include <utility>

namespace ansinh::store {
namespace {

class SqlUserScopeStore : public UserScopeStore {
 public:
  explicit SqlUserScopeStore(SqlSession& session) : session_(session) {}

  Result<std::vector<std::string>> UnitAndAncestors(const std::string& edition,
                                                    const std::string& code) override {
    auto rows = session_.Query(
        "SELECT u.code, p.code, g.code FROM admin_units u "
        "LEFT JOIN admin_units p ON p.id = u.parent_id "
        "LEFT JOIN admin_units g ON g.id = p.parent_id "
        "WHERE u.edition = ?1 AND u.code = ?2",
        {SqlText(edition), SqlText(code)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<std::string> codes;
    if (rows->empty()) return codes;
    for (std::size_t c = 0; c < 3; ++c) {
      if (!rows->IsNull(0, c)) codes.push_back(rows->Text(0, c));
    }
    return codes;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<UserScopeStore> MakeUserScopeStore(SqlSession& session) {
  return std::make_unique<SqlUserScopeStore>(session);
}

}  // namespace ansinh::store
