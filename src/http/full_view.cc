#include "http/full_view.h"

#include <utility>

#include "app/audit_log.h"
#include "http/api_support.h"

namespace ansinh::http {

Result<DataView> RequestedView(const Request& request) {
  const auto view = request.QueryParam("view");
  if (!view || *view == "masked") return DataView::kMasked;
  if (*view == "full") return DataView::kFull;
  Error error = MakeError(ErrorKind::kInvalidInput, "request.parameter_invalid",
                          "Tham số view chỉ nhận \"masked\" hoặc \"full\".");
  error.details.push_back({0, "view", error.code, error.message});
  return Fail(std::move(error));
}

Status AuditRead(store::SqlSession& session, const core::Principal& principal,
                 const Request& request, const ViewedObject& object, const std::string& outcome,
                 const nlohmann::json& detail) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  app::AuditEvent event{object.action, outcome, object.object_type, object.object_id,
                        std::nullopt, std::nullopt};
  if (!detail.is_null()) event.after = detail;
  if (auto ok = app::AppendAudit(session, AuditActorFor(principal, request), event); !ok) {
    return ok;
  }
  return transaction->Commit();
}

Status AuthorizeAndAuditFullView(store::SqlSession& session, const core::Principal& principal,
                                 const Request& request, const ViewedObject& object) {
  if (core::Authorize(principal, core::Permission::kBeneficiaryFullView) != core::Decision::kAllow) {
    if (auto ok = AuditRead(session, principal, request, object, "denied"); !ok) return ok;
    return Fail(ErrorKind::kForbidden, "beneficiary.full_view_forbidden",
                "Vai trò của bạn không được xem đầy đủ số định danh, số tài khoản và số điện "
                "thoại; dữ liệu chỉ hiển thị dạng che.");
  }
  return AuditRead(session, principal, request, object, "success");
}

}  // namespace ansinh::http
