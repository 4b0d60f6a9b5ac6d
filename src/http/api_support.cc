#include "http/api_support.h"

#include <charconv>
#include <utility>

#include "app/auth_scope.h"
#include "app/init_service.h"
#include "formats/csv_reader.h"
#include "http/error_status.h"

namespace ansinh::http {

Error InvalidParameter(std::string_view name, std::string message) {
  Error error = MakeError(ErrorKind::kInvalidInput, "request.parameter_invalid", message);
  error.details.push_back({0, std::string(name), error.code, std::move(message)});
  return error;
}

namespace {

// A positive integer of at most `high`; nullopt otherwise.
std::optional<int> PositiveInt(std::string_view text, int high) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > high) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

Result<std::shared_ptr<const core::ReferenceCodes>> RegistryApi::Codes() {
  std::lock_guard lock(mutex_);
  if (codes_) return codes_;
  auto loaded = app::LoadReferenceCodesFromDatabase(database_);
  if (!loaded) return Fail(std::move(loaded.error()));
  codes_ = std::make_shared<const core::ReferenceCodes>(std::move(*loaded));
  return codes_;
}

Response WithRegistry(RegistryApi& api, const RegistryWork& work) {
  auto codes = api.Codes();
  if (!codes) return ErrorResponse(codes.error());
  auto session = api.database().Acquire();
  if (!session) return ErrorResponse(session.error());
  return work(**session, **codes);
}

app::ChangeContext ChangeContextFor(const core::Principal& principal, const Request& request,
                                    std::string reason) {
  return app::ChangeContext{principal.username, std::chrono::system_clock::now(),
                            std::move(reason), AuditActorFor(principal, request)};
}

app::AuditActor AuditActorFor(const core::Principal& principal, const Request& request) {
  return app::AuditActor{principal.user_id, principal.username, request.remote_address,
                         request.request_id};
}

Result<PageRequest> ParsePageRequest(const Request& request) {
  PageRequest page;
  if (const auto text = request.QueryParam("page")) {
    const auto value = PositiveInt(*text, 1'000'000);
    if (!value) {
      return Fail(InvalidParameter("page", "Tham số page phải là số nguyên dương."));
    }
    page.page = *value;
  }
  if (const auto text = request.QueryParam("page_size")) {
    const auto value = PositiveInt(*text, kMaxPageSize);
    if (!value) {
      return Fail(InvalidParameter("page_size", "Tham số page_size phải là số nguyên từ 1 đến " +
                                                    std::to_string(kMaxPageSize) + "."));
    }
    page.page_size = *value;
  }
  return page;
}

Result<std::optional<std::string>> TextParam(const Request& request, std::string_view name,
                                             std::size_t max_bytes) {
  const auto text = request.QueryParam(name);
  if (!text || text->empty()) return std::optional<std::string>();
  if (text->size() > max_bytes || !formats::IsValidUtf8(*text)) {
    return Fail(InvalidParameter(name, "Tham số " + std::string(name) +
                                           " không hợp lệ (UTF-8, tối đa " +
                                           std::to_string(max_bytes) + " byte)."));
  }
  return std::optional<std::string>(std::string(*text));
}

Error BeneficiaryNotFound(const std::string& code) {
  return MakeError(ErrorKind::kNotFound, "beneficiary.not_found",
                   "Không tìm thấy đối tượng có mã " + code + ".");
}

Status RequirePersonInScope(store::SqlSession& session, const core::Principal& principal,
                            const store::BeneficiaryRecord& record) {
  auto in_scope = app::IsUnitInScope(session, principal, record.commune_edition,
                                     record.person.commune.value());
  if (!in_scope) return Fail(std::move(in_scope.error()));
  if (!*in_scope) return Fail(BeneficiaryNotFound(record.person.code.value()));
  return {};
}

}  // namespace ansinh::http
