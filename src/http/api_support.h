// What every handler of the register's API shares: the database and the code
// lists, the actor of a change and of an audit entry, a session for the
// length of one request, query-string parameters read under limits.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "app/audit_log.h"
#include "app/registry_service.h"
#include "core/error.h"
#include "core/permission.h"
#include "core/reference_codes.h"
#include "http/message.h"
#include "store/database.h"

namespace ansinh::http {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 200;

// Thread safety: shared by every server thread. The code lists are read from
// the database on first use (BuildRouter must not need a ready database) and
// kept for the life of the process; they change only with `ansinh init`.
class RegistryApi {
 public:
  explicit RegistryApi(store::Database& database) : database_(database) {}

  store::Database& database() { return database_; }
  // Errors: those of app::LoadReferenceCodesFromDatabase (retried next call).
  Result<std::shared_ptr<const core::ReferenceCodes>> Codes();

 private:
  store::Database& database_;
  std::mutex mutex_;
  std::shared_ptr<const core::ReferenceCodes> codes_;
};

// Runs `work` on a session of its own, with the code lists; errors of
// acquiring either come back as the response.
using RegistryWork =
    std::function<Response(store::SqlSession&, const core::ReferenceCodes&)>;
Response WithRegistry(RegistryApi& api, const RegistryWork& work);

app::ChangeContext ChangeContextFor(const core::Principal& principal, const Request& request,
                                    std::string reason = "");
app::AuditActor AuditActorFor(const core::Principal& principal, const Request& request);

// ?page=&page_size=: positive integers, page_size at most kMaxPageSize.
// Errors: kInvalidInput request.page_invalid naming the parameter.
struct PageRequest {
  int page = 1;
  int page_size = kDefaultPageSize;
};
Result<PageRequest> ParsePageRequest(const Request& request);

// kInvalidInput request.parameter_invalid with `message` (Vietnamese) in the
// details naming the parameter.
Error InvalidParameter(std::string_view name, std::string message);

// A query parameter as text of at most max_bytes, valid UTF-8; nullopt when
// absent or empty. Errors: kInvalidInput request.parameter_invalid naming it.
Result<std::optional<std::string>> TextParam(const Request& request, std::string_view name,
                                             std::size_t max_bytes = 200);

// The answer for a beneficiary the caller may not see: the same bytes as for
// a code that does not exist, so a 404 tells nothing about other areas.
Error BeneficiaryNotFound(const std::string& code);

// Whether a stored person's commune lies in the principal's scope; a scope
// miss becomes BeneficiaryNotFound(code).
Status RequirePersonInScope(store::SqlSession& session, const core::Principal& principal,
                            const store::BeneficiaryRecord& record);

}  // namespace ansinh::http
