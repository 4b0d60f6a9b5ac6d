#include "integration/fault_session.h"

namespace ansinh::testing_support {
namespace {

bool IsTransactionControl(std::string_view sql) {
  return sql.starts_with("BEGIN") || sql == "COMMIT" || sql == "ROLLBACK";
}

}  // namespace

Result<std::int64_t> FaultInjectingSession::Execute(std::string_view sql,
                                                    const store::SqlParams& params) {
  if (!IsTransactionControl(sql)) {
    ++seen_;
    if (fail_at_ > 0 && seen_ == fail_at_) {
      fired_ = true;
      return Fail(ErrorKind::kUnavailable, "db.injected_fault", "Lỗi cơ sở dữ liệu do kiểm thử gây ra.");
    }
  }
  return inner_.Execute(sql, params);
}

}  // namespace ansinh::testing_support
