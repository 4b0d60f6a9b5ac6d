#include "http/partner_routes.h"

#include <chrono>
#include <string>
#include <utility>

#include "app/partner_api.h"
#include "app/partner_results.h"
#include "http/auth_http.h"
#include "http/error_status.h"
#include "http/import_routes.h"
#include "http/scratch_directory.h"

namespace ansinh::http {
namespace {

using core::Permission;

// A result message of kMaxPartnerResultLines lines fits; the server caps
// every request body at this size before the handler anyway.
constexpr std::size_t kMaxPartnerBody_bytes = 1024 * 1024;

std::string PartnerBatchParam(const Request& request) {
  const auto found = request.path_params.find("batch_id");
  return found == request.path_params.end() ? "" : found->second;
}

std::string MediaTypeOf(const std::string& format) {
  if (format == "pain001") return "application/xml; charset=utf-8";
  if (format == "csv") return "text/csv; charset=utf-8";
  if (format == "pdf") return "application/pdf";
  return std::string(kXlsxMediaType);
}

Response HandlePartnerList(RegistryApi& api, const Request& request,
                           const core::Principal& principal) {
  const std::string status(request.QueryParam("status").value_or("open"));
  auto session = api.database().Acquire();
  if (!session) return ErrorResponse(session.error());
  auto provider = app::PartnerProviderOf(**session, principal);
  if (!provider) return ErrorResponse(provider.error());
  auto list = app::ListPartnerBatches(**session, principal, *provider, status);
  if (!list) return ErrorResponse(list.error());
  nlohmann::json batches = nlohmann::json::array();
  for (const auto& batch : list->batches) batches.push_back(app::ToJson(batch));
  return JsonResponse(200, {{"provider", list->provider},
                            {"status", status},
                            {"count", list->batches.size()},
                            {"truncated", list->truncated},
                            {"batches", std::move(batches)}});
}

Response PartnerFileResponse(const std::filesystem::path& file, const std::string& format) {
  auto bytes = ReadWholeFile(file);
  if (!bytes) return ErrorResponse(bytes.error());
  Response response;
  response.body = std::move(*bytes);
  response.SetHeader("Content-Type", MediaTypeOf(format));
  response.SetHeader("Content-Disposition",
                     "attachment; filename=\"" + file.filename().string() + "\"");
  return response;
}

Response HandlePartnerFile(RegistryApi& api, const Request& request,
                           const core::Principal& principal) {
  auto session = api.database().Acquire();
  if (!session) return ErrorResponse(session.error());
  auto provider = app::PartnerProviderOf(**session, principal);
  if (!provider) return ErrorResponse(provider.error());
  auto batch = app::FindPartnerBatch(**session, principal, *provider, PartnerBatchParam(request));
  if (!batch) return ErrorResponse(batch.error());
  const std::string format(
      request.QueryParam("format").value_or(app::DefaultPartnerFormat(batch->batch)));
  ScratchDirectory scratch;
  if (scratch.path().empty()) {
    return ErrorResponse(MakeError(ErrorKind::kInternal, "export.scratch", "mkdtemp failed"));
  }
  auto file = app::ExportPartnerBatch(**session, *batch, format, scratch.path(),
                                      AuditActorFor(principal, request),
                                      std::chrono::system_clock::now());
  if (!file) return ErrorResponse(file.error());
  return PartnerFileResponse(*file, format);
}

// The batch is looked up before the body is read, so a batch that is not the
// partner's answers 404 whatever was sent.
Response HandlePartnerResults(RegistryApi& api, const Request& request,
                              const core::Principal& principal) {
  auto codes = api.Codes();
  if (!codes) return ErrorResponse(codes.error());
  auto session = api.database().Acquire();
  if (!session) return ErrorResponse(session.error());
  auto provider = app::PartnerProviderOf(**session, principal);
  if (!provider) return ErrorResponse(provider.error());
  const std::string batch_id = PartnerBatchParam(request);
  if (auto batch = app::FindPartnerBatch(**session, principal, *provider, batch_id); !batch) {
    return ErrorResponse(batch.error());
  }
  auto body = ParseJsonObject(request, kMaxPartnerBody_bytes);
  if (!body) return ErrorResponse(body.error());
  auto message = app::ParsePartnerResults(*body);
  if (!message) return ErrorResponse(message.error());
  auto summary = app::IngestPartnerResults(**session, **codes, principal, *provider, batch_id,
                                           *message, AuditActorFor(principal, request),
                                           std::chrono::system_clock::now());
  if (!summary) return ErrorResponse(summary.error());
  nlohmann::json answer = app::ToJson(*summary);
  answer["transaction_id"] = batch_id;
  answer["correlation_id"] = message->message_id;
  return JsonResponse(200, answer);
}

using PartnerHandler = Response (*)(RegistryApi&, const Request&, const core::Principal&);

}  // namespace

void AddPartnerRoutes(Router& router, std::shared_ptr<RegistryApi> api) {
  const auto route = [api](PartnerHandler handler) {
    return [api, handler](const Request& request, const core::Principal& principal) {
      return handler(*api, request, principal);
    };
  };
  const AccessRule partner = AccessRule::Require(Permission::kPaymentResultRecord);
  router.Add(Method::kGet, "/api/v1/partner/batches", partner, route(HandlePartnerList));
  router.Add(Method::kGet, "/api/v1/partner/batches/{batch_id}/file", partner,
             route(HandlePartnerFile));
  router.Add(Method::kPost, "/api/v1/partner/batches/{batch_id}/results", partner,
             route(HandlePartnerResults));
}

}  // namespace ansinh::http
