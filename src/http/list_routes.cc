#include "http/list_routes.h"

#include <utility>

#include "app/auth_scope.h"
#include "app/lists_service.h"
#include "http/error_status.h"
#include "http/full_view.h"
#include "http/import_routes.h"
#include "http/pii_mask.h"
#include "http/scratch_directory.h"

namespace ansinh::http {
namespace {

struct ListRequest {
  std::string unit;
  std::string edition;
  std::optional<std::size_t> list;  // index into RegistrationLists::rows; none = all
  bool xlsx = false;
  DataView view = DataView::kMasked;
};

Result<std::optional<std::size_t>> ListIndex(const Request& request) {
  const auto key = request.QueryParam("list");
  if (!key || key->empty()) return std::optional<std::size_t>();
  for (std::size_t i = 0; i < app::kRegistrationListCount; ++i) {
    if (*key == app::RegistrationListKey(static_cast<app::RegistrationList>(i))) return {i};
  }
  return Fail(InvalidParameter("list", "Tham số list chỉ nhận a, b, c, d, cash_paypoint hoặc cash_home."));
}

Result<ListRequest> ReadListRequest(const Request& request, const core::Principal& principal) {
  ListRequest out;
  const auto unit = request.QueryParam("unit").value_or("");
  const bool digits = !unit.empty() && unit.size() <= 5 &&
                      unit.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits) return Fail(InvalidParameter("unit", "Cần ?unit= là mã đơn vị hành chính (2, 3 hoặc 5 chữ số)."));
  out.unit = std::string(unit);
  const auto edition = request.QueryParam("edition");
  if (edition && *edition != "pre2025" && *edition != "2025") {
    return Fail(InvalidParameter("edition", "Tham số edition chỉ nhận pre2025 hoặc 2025."));
  }
  out.edition = edition ? std::string(*edition)
                        : (principal.scope_edition.empty()
                               ? app::CommuneEditionOn(std::chrono::system_clock::now())
                               : principal.scope_edition);
  auto list = ListIndex(request);
  if (!list) return Fail(std::move(list.error()));
  out.list = *list;
  const auto format = request.QueryParam("format").value_or("json");
  if (format != "json" && format != "xlsx") {
    return Fail(InvalidParameter("format", "Tham số format chỉ nhận json hoặc xlsx."));
  }
  out.xlsx = format == "xlsx";
  auto view = RequestedView(request);
  if (!view) return Fail(std::move(view.error()));
  out.view = *view;
  return out;
}

// Only the asked list keeps its rows; masking unless the full view was granted.
void Prepare(app::RegistrationLists& lists, const ListRequest& ask) {
  for (std::size_t i = 0; i < app::kRegistrationListCount; ++i) {
    if (ask.list && *ask.list != i) lists.rows[i].clear();
    if (ask.view == DataView::kMasked) {
      for (auto& row : lists.rows[i]) MaskListRow(row);
    }
  }
}

Response Export(const app::RegistrationLists& lists, const core::ReferenceCodes& codes,
                const ListRequest& ask, const app::ExportStamp& stamp) {
  ScratchDirectory scratch;  // the one export function writes files; read back at once
  if (scratch.path().empty()) {
    return ErrorResponse(MakeError(ErrorKind::kInternal, "lists.scratch", "mkdtemp failed"));
  }
  auto report = app::WriteRegistrationLists(lists, codes, scratch.path(), stamp);
  if (!report) return ErrorResponse(report.error());
  auto bytes = ReadWholeFile(ask.xlsx ? report->xlsx_file : report->json_file);
  if (!bytes) return ErrorResponse(bytes.error());
  if (ask.xlsx) {
    Response response;
    response.body = std::move(*bytes);
    response.SetHeader("Content-Type", std::string(kXlsxMediaType));
    response.SetHeader("Content-Disposition",
                       "attachment; filename=\"" + report->xlsx_file.filename().string() + "\"");
    return response;
  }
  auto json = nlohmann::json::parse(*bytes, nullptr, false);
  if (json.is_discarded()) return ErrorResponse(MakeError(ErrorKind::kInternal, "lists.json", ""));
  if (ask.list) {
    const char* key = app::RegistrationListKey(static_cast<app::RegistrationList>(*ask.list));
    json["lists"] = nlohmann::json{{key, json["lists"][key]}};
  }
  json["view"] = ask.view == DataView::kFull ? "full" : "masked";
  return JsonResponse(200, json);
}

Response HandleLists(RegistryApi& api, const Request& request, const core::Principal& principal) {
  auto ask = ReadListRequest(request, principal);
  if (!ask) return ErrorResponse(ask.error());
  return WithRegistry(api, [&](store::SqlSession& session, const core::ReferenceCodes& codes) {
    if (auto ok = app::RequireUnitInScope(session, principal, ask->edition, ask->unit); !ok) {
      return ErrorResponse(ok.error());
    }
    auto lists = app::CollectRegistrationLists(session, ask->unit,
                                               std::chrono::system_clock::now(), ask->edition);
    if (!lists) return ErrorResponse(lists.error());
    const ViewedObject object{"lists.export", "registration_list", ask->unit};
    const nlohmann::json detail{{"format", ask->xlsx ? "xlsx" : "json"},
                                {"list", ask->list ? app::RegistrationListKey(
                                                         static_cast<app::RegistrationList>(*ask->list))
                                                   : "all"},
                                {"view", ask->view == DataView::kFull ? "full" : "masked"}};
    if (ask->view == DataView::kFull &&
        core::Authorize(principal, core::Permission::kBeneficiaryFullView) != core::Decision::kAllow) {
      (void)AuditRead(session, principal, request, object, "denied", detail);
      return ErrorResponse(MakeError(ErrorKind::kForbidden, "beneficiary.full_view_forbidden",
                                     "Vai trò của bạn không được xuất danh sách với số định danh và "
                                     "số tài khoản đầy đủ."));
    }
    // Only what leaves is counted: the asked list, masked unless full.
    Prepare(*lists, *ask);
    if (auto ok = app::AuditListsExport(session, AuditActorFor(principal, request), *lists,
                                        ask->xlsx ? "xlsx" : "json", detail);
        !ok) {
      return ErrorResponse(ok.error());
    }
    return Export(*lists, codes, *ask, {principal.username, std::chrono::system_clock::now()});
  });
}

}  // namespace

void AddListRoutes(Router& router, std::shared_ptr<RegistryApi> api) {
  router.Add(Method::kGet, "/api/v1/lists", AccessRule::Require(core::Permission::kBeneficiaryRead),
             [api](const Request& request, const core::Principal& principal) {
               return HandleLists(*api, request, principal);
             });
}

}  // namespace ansinh::http
