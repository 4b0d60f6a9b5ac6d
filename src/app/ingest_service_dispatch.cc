// `disburse ingest FILE`: which kind of file it is, from its content, then the
// ingest of that kind and the follow-up of rejections.
#include <string_view>

#include "app/ingest_service.h"
#include "formats/provider_result_reader.h"

namespace ansinh::app {

std::string DetectIngestKind(const std::string& bytes) {
  // The root's namespace sits in the first few hundred bytes of every
  // message we accept; a sheet is a zip or a CSV with our columns.
  const std::string_view head = std::string_view(bytes).substr(0, 4096);
  if (head.find("urn:iso:std:iso:20022:tech:xsd:pain.002.") != std::string_view::npos) {
    return "pain.002";
  }
  if (head.find("urn:iso:std:iso:20022:tech:xsd:camt.054.") != std::string_view::npos) {
    return "camt.054";
  }
  if (formats::LooksLikeProviderResults(bytes)) return "sheet";
  return "";
}

Result<IngestSummary> IngestFile(store::SqlSession& session, const core::ReferenceCodes& codes,
                                 const std::string& bytes, const AuditActor& actor,
                                 std::chrono::system_clock::time_point now) {
  const std::string kind = DetectIngestKind(bytes);
  Result<IngestSummary> summary = Fail(
      ErrorKind::kInvalidInput, "ingest.kind_unknown",
      "Không nhận ra loại tệp: cần báo cáo trạng thái pain.002, thông báo hoàn trả camt.054 "
      "hoặc bảng kết quả chi trả (XLSX/CSV có cột mã dòng và kết quả).");
  if (kind == "pain.002") summary = IngestPain002(session, bytes, actor, now);
  if (kind == "camt.054") summary = IngestCamt054(session, bytes, actor, now);
  if (kind == "sheet") summary = IngestProviderResults(session, bytes, actor, now);
  if (!summary) return summary;
  auto fallbacks = ApplyPaymentFallbacks(session, codes, actor, now);
  if (!fallbacks) return Fail(std::move(fallbacks.error()));
  summary->fallbacks = *fallbacks;
  return summary;
}

}  // namespace ansinh::app
