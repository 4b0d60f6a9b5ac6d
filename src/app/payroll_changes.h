// What a district officer reviews before approving (issue 4 item 6): the
// changes of a cycle against the previous approved cycle of the same office
// — tăng (a person paid now and not then), giảm (paid then, not now), điều
// chỉnh (a different amount or channel) — as JSON and XLSX; and the cash
// lines grouped per pay point (item 5). There is no pay-point register yet,
// so the commune is the pay point.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/export_stamp.h"
#include "app/payroll_service.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct PayrollChange {
  std::string beneficiary_code;
  std::string change;  // "tang" | "giam" | "dieu_chinh"
  std::optional<std::int64_t> previous_amount_vnd;  // net of all the person's lines
  std::optional<std::int64_t> amount_vnd;
  std::optional<std::string> previous_channel;
  std::optional<std::string> channel;
  std::string detail;  // Vietnamese
  // "giam": why the person is no longer paid (core::DecreaseReasonCode:
  // "chet", "chuyen_di", "thoi_huong", "tam_dung", "het_han_huong",
  // "het_tuoi_huong", "khac"); "dieu_chinh" paid less because one of several
  // entitlements stopped: "het_tuoi_huong" or "het_han_huong"; else none.
  std::optional<std::string> reason;
};

struct PayrollChanges {
  std::string unit;
  std::string period;
  std::string status;
  std::optional<std::string> previous_period;  // none: the office's first cycle
  std::vector<PayrollChange> changes;          // by beneficiary code
};

// Errors: kNotFound payroll.cycle_not_found; the store's.
Result<PayrollChanges> CollectChanges(store::SqlSession& session, const PayrollRequest& request);

// The list as data (tests, logs). What leaves the system is the stamped form.
nlohmann::json ToJson(const PayrollChanges& changes);
// The export: ToJson(changes) with "exported_by" and "exported_at".
nlohmann::json ToJson(const PayrollChanges& changes, const ExportStamp& stamp);

// One sheet: title, the previous period, the watermark "Xuất bởi … lúc …"
// (also the printed footer and the document properties), then one row per
// change and the count. Errors: the XLSX writer's.
Status WriteChangesXlsx(const PayrollChanges& changes, const std::filesystem::path& file,
                        const ExportStamp& stamp);

// The one audit entry of an export of the changes ("payroll.changes_export",
// "unit/period", the number of changes). Call before writing. REQUIRES: no
// open transaction on session.
Status AuditChangesExport(store::SqlSession& session, const AuditActor& actor,
                          const PayrollChanges& changes, const std::string& format);

struct PayPointGroup {
  std::string commune_code;  // the pay point
  std::string channel;       // CASH_PAYPOINT | CASH_HOME
  AmountTotal total;
};

// Cash lines of the cycle that are not held, per pay point and channel.
Result<std::vector<PayPointGroup>> CashByPayPoint(store::SqlSession& session,
                                                  const PayrollRequest& request);

}  // namespace ansinh::app
