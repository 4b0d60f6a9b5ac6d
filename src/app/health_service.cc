#include "app/health_service.h"

namespace ansinh::app {

Result<Health> CheckHealth(store::Database& database) {
  const Result<int> schema_version = database.SchemaVersion();
  if (!schema_version) {
    Error error = MakeError(ErrorKind::kUnavailable, "health.database_unavailable",
                            "Không kết nối được cơ sở dữ liệu.");
    // Details reach the client: the stable code helps the operator, while the
    // store's message could name hosts or files.
    error.details.push_back(ErrorDetail{0, "db", schema_version.error().code,
                                        "Cơ sở dữ liệu không trả lời."});
    return Fail(std::move(error));
  }
  return Health{store::DialectName(database.dialect()), *schema_version};
}

}  // namespace ansinh::app
