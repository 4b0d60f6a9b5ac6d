#include "http/import_routes.h"

#include <utility>

#include "app/auth_scope.h"
#include "app/import_service.h"
#include "formats/csv_reader.h"
#include "http/error_status.h"
#include "http/full_view.h"

namespace ansinh::http {
namespace {

constexpr std::size_t kMaxFileName_bytes = 120;

enum class UploadFormat { kCsv, kXlsx };

struct UploadRequest {
  UploadFormat format = UploadFormat::kCsv;
  std::string file_name;
  app::ImportOptions options;
};

Result<bool> FlagParam(const Request& request, std::string_view name) {
  const auto text = request.QueryParam(name);
  if (!text || *text == "false" || *text == "0") return false;
  if (*text == "true" || *text == "1" || text->empty()) return true;
  return Fail(InvalidParameter(name, "Tham số " + std::string(name) + " chỉ nhận true hoặc false."));
}

// The format from the media type, or from ?format= for application/octet-stream.
Result<UploadFormat> FormatOf(const Request& request) {
  const auto header = request.Header("content-type").value_or("");
  const auto media = header.substr(0, header.find(';'));
  if (media == "text/csv") return UploadFormat::kCsv;
  if (media == kXlsxMediaType) return UploadFormat::kXlsx;
  if (media == "application/octet-stream") {
    const auto format = request.QueryParam("format");
    if (format == "csv") return UploadFormat::kCsv;
    if (format == "xlsx") return UploadFormat::kXlsx;
    return Fail(InvalidParameter("format", "Với application/octet-stream cần ?format=csv hoặc xlsx."));
  }
  return Fail(ErrorKind::kInvalidInput, "import.media_type",
              "Tệp tải lên phải có Content-Type text/csv, " + std::string(kXlsxMediaType) +
                  " hoặc application/octet-stream kèm ?format=.");
}

// A bare file name for the report: no directory part, no control characters.
Result<std::string> FileName(const Request& request, UploadFormat format) {
  const std::string fallback = format == UploadFormat::kXlsx ? "tai-len.xlsx" : "tai-len.csv";
  const auto name = request.QueryParam("file_name");
  if (!name || name->empty()) return fallback;
  bool clean = name->size() <= kMaxFileName_bytes && formats::IsValidUtf8(*name) &&
               *name != "." && *name != "..";
  for (const char c : *name) {
    const auto byte = static_cast<unsigned char>(c);
    clean = clean && byte >= 0x20 && byte != 0x7F && c != '/' && c != '\\';
  }
  if (!clean) {
    return Fail(InvalidParameter("file_name", "Tên tệp không hợp lệ: chỉ tên tệp, không có thư mục, "
                                          "tối đa " + std::to_string(kMaxFileName_bytes) + " byte."));
  }
  const bool xlsx_name = name->size() >= 5 && (name->ends_with(".xlsx") || name->ends_with(".XLSX"));
  if (xlsx_name != (format == UploadFormat::kXlsx)) {
    return Fail(InvalidParameter("file_name", "Phần mở rộng của tên tệp không khớp định dạng tải lên."));
  }
  return std::string(*name);
}

Result<UploadRequest> ReadUpload(const Request& request, const core::Principal& principal) {
  UploadRequest upload;
  auto format = FormatOf(request);
  if (!format) return Fail(std::move(format.error()));
  upload.format = *format;
  const bool zip = request.body.rfind("PK\x03\x04", 0) == 0;
  if (zip != (upload.format == UploadFormat::kXlsx)) {
    return Fail(ErrorKind::kInvalidInput, "import.format_mismatch",
                "Nội dung tệp không khớp định dạng đã khai báo (CSV hay XLSX).");
  }
  auto name = FileName(request, upload.format);
  if (!name) return Fail(std::move(name.error()));
  upload.file_name = std::move(*name);
  auto dry_run = FlagParam(request, "dry_run");
  if (!dry_run) return Fail(std::move(dry_run.error()));
  auto partial = FlagParam(request, "partial");
  if (!partial) return Fail(std::move(partial.error()));
  upload.options.dry_run = *dry_run;
  upload.options.partial = *partial;
  const auto edition = request.QueryParam("edition");
  if (edition && *edition != "pre2025" && *edition != "2025") {
    return Fail(InvalidParameter("edition", "Tham số edition chỉ nhận pre2025 hoặc 2025."));
  }
  if (edition) {
    upload.options.commune_edition = std::string(*edition);
  } else if (!principal.scope_edition.empty()) {
    upload.options.commune_edition = principal.scope_edition;
  }
  return upload;
}

// All-or-nothing refused: 422 with every row error, and the report beside it.
Response Refused(const app::ImportReport& report) {
  Error error = MakeError(ErrorKind::kInvalidInput, "import.rejected",
                          "Tệp có " + std::to_string(report.rejected_rows) +
                              " dòng lỗi nên không dòng nào được ghi (chế độ tất cả hoặc không). "
                              "Hãy sửa các dòng được liệt kê hoặc dùng ?partial=true.");
  error.details = report.errors;
  Response response = ErrorResponse(422, error);
  auto body = nlohmann::json::parse(response.body);
  body["report"] = app::ToJson(report);
  return JsonResponse(422, body);
}

nlohmann::json AuditDetail(const app::ImportReport& report) {
  return {{"file", report.file_name}, {"mode", report.mode}, {"dry_run", report.dry_run},
          {"committed", report.committed}, {"accepted_rows", report.accepted_rows},
          {"rejected_rows", report.rejected_rows}};
}

Response HandleImport(RegistryApi& api, const Request& request, const core::Principal& principal) {
  auto upload = ReadUpload(request, principal);
  if (!upload) return ErrorResponse(upload.error());
  return WithRegistry(api, [&](store::SqlSession& session, const core::ReferenceCodes& codes) {
    upload->options.commune_in_scope = [&](const std::string& edition, const std::string& commune) {
      return app::IsUnitInScope(session, principal, edition, commune);
    };
    auto report = app::ImportBeneficiaryBytes(session, codes, upload->file_name, request.body,
                                              upload->options, ChangeContextFor(principal, request));
    if (!report) return ErrorResponse(report.error());
    // A committed import is in the audit log already (app::ImportService);
    // a refused one is logged here, with who tried it.
    if (report->rejected() && !report->committed) {
      (void)AuditRead(session, principal, request, {"beneficiary.import", "import_run", "-"},
                      "failure", AuditDetail(*report));
    }
    if (report->rejected()) return Refused(*report);
    return JsonResponse(200, app::ToJson(*report));
  });
}

}  // namespace

void AddImportRoutes(Router& router, std::shared_ptr<RegistryApi> api,
                     std::shared_ptr<IdempotencyGuard> idempotency) {
  router.Add(Method::kPost, "/api/v1/imports/beneficiaries",
             AccessRule::Require(core::Permission::kBeneficiaryWrite),
             idempotency->Wrap([api, idempotency](const Request& request,
                                                  const core::Principal& principal) {
               return HandleImport(*api, request, principal);
             }));
}

}  // namespace ansinh::http
