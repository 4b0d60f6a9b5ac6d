#include "app/export_stamp.h"

#include "app/registry_service.h"

namespace ansinh::app {

std::string WatermarkLine(const ExportStamp& stamp) {
  // Vietnam keeps UTC+7 all year; FormatInstant gives "YYYY-MM-DDTHH:MM:SSZ".
  const std::string local = FormatInstant(stamp.at + std::chrono::hours(7));
  return "Xuất bởi " + stamp.user + " lúc " + local.substr(11, 8) + " " + local.substr(8, 2) + "/" +
         local.substr(5, 2) + "/" + local.substr(0, 4) + " (giờ Việt Nam)";
}

void StampJson(nlohmann::json& document, const ExportStamp& stamp) {
  document["exported_by"] = stamp.user;
  document["exported_at"] = FormatInstant(stamp.at);
}

formats::XlsxProperties StampProperties(const ExportStamp& stamp, const std::string& title) {
  formats::XlsxProperties properties;
  properties.title = title;
  properties.author = stamp.user;
  properties.company = "ansinh";
  properties.comments = WatermarkLine(stamp);
  properties.keywords = "exported_by=" + stamp.user + "; exported_at=" + FormatInstant(stamp.at);
  return properties;
}

nlohmann::json ExportDetail(const ExportRecord& record) {
  nlohmann::json detail = record.detail.is_object() ? record.detail : nlohmann::json::object();
  detail["format"] = record.format;
  detail["rows"] = record.rows;
  return detail;
}

Status AuditExport(store::SqlSession& session, const AuditActor& actor,
                   const ExportRecord& record) {
  auto transaction = store::Transaction::Begin(session);
  if (!transaction) return Fail(std::move(transaction.error()));
  const AuditEvent event{record.action,    "success",    record.object_type,
                         record.object_id, std::nullopt, ExportDetail(record)};
  if (auto ok = AppendAudit(session, actor, event); !ok) return ok;
  return transaction->Commit();
}

}  // namespace ansinh::app
