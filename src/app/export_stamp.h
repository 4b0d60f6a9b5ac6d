// Exports that carry personal data (registration lists, payroll changes) are
// watermarked with who exported them and when, and each one leaves exactly one
// audit entry (issue 6 item 5). This is the one place both are shaped, so an
// XLSX, a JSON file and an HTTP answer all say the same thing.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "app/audit_log.h"
#include "core/error.h"
#include "formats/xlsx_writer.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct ExportStamp {
  std::string user;  // the username (HTTP) or the --as name (CLI)
  std::chrono::system_clock::time_point at;
};

// "Xuất bởi <user> lúc HH:MM:SS dd/mm/yyyy (giờ Việt Nam)": the visible line.
std::string WatermarkLine(const ExportStamp& stamp);

// Adds the top-level "exported_by" and "exported_at" (UTC, ISO 8601) fields.
// REQUIRES: document is an object.
void StampJson(nlohmann::json& document, const ExportStamp& stamp);

// Document properties naming the exporter and time; `title` is the export's.
formats::XlsxProperties StampProperties(const ExportStamp& stamp, const std::string& title);

// What one export was, for its audit entry.
struct ExportRecord {
  std::string action;                                // "lists.export", "payroll.changes_export"
  std::string object_type;                           // "registration_list", "pay_cycle"
  std::string object_id;                             // the unit, "unit/period"
  std::string format;                                // "json" | "xlsx"
  std::int64_t rows = 0;                             // data rows that left the system
  nlohmann::json detail = nlohmann::json::object();  // more fields for the entry
};

// The detail the audit entry keeps: format, rows and the record's detail.
nlohmann::json ExportDetail(const ExportRecord& record);

// Appends the export's audit entry in a transaction of its own. Call it
// before the data is written out: if the log cannot be written, nothing may
// leave. REQUIRES: no transaction open on session.
Status AuditExport(store::SqlSession& session, const AuditActor& actor, const ExportRecord& record);

}  // namespace ansinh::app
