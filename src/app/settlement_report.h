// The settlement report (báo cáo quyết toán, issue 5 item 6) of a settled
// payer, in XLSX or PDF: the office, period, payer, contract, the advances
// or payment orders; per channel the lines, paid and returned unspent; the
// fees; the equation with each term and its difference (0); the signature
// block. Printed from the settlement as stored, so a late event never
// changes a report already signed. Watermarked and audited like every export
// (app/export_stamp.h): the audit entry is written before the file.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "app/audit_log.h"
#include "app/settlement_service.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct SettlementReportRequest {
  CycleRef cycle;
  std::string provider_code;
  std::string format;  // "xlsx" | "pdf"
  std::filesystem::path out_dir;
  AuditActor actor;
  std::chrono::system_clock::time_point now;
};

// Writes <out_dir>/quyet-toan-<period>-<unit>-<provider>.xlsx|.pdf through a
// temporary file renamed into place; returns its path. Errors: kInvalidInput
// settlement.format_invalid; kConflict settlement.not_settled; the cycle's
// and payer's (settlement_service.h); the writers'; kInternal
// settlement.write_failed. REQUIRES: no transaction open on `session`.
Result<std::string> WriteSettlementReport(store::SqlSession& session,
                                          const SettlementReportRequest& request);

}  // namespace ansinh::app
