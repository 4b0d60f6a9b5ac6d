// Deadlines (issue 5 item 10): the lines of a paying office not paid by their
// batch's pay-by date — sent with no result yet, rejected or returned, cash
// gone back to the budget, and re-issued lines still waiting for a new batch.
// `ansinh disburse overdue --unit U --as-of DATE` prints it as JSON; the HTTP
// layer can call ListOverdueLines for the dashboard.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::app {

inline constexpr std::int64_t kMaxOverdueLines = 10'000;

struct OverdueRequest {
  std::string unit;   // the paying office's code (the cycle's unit)
  std::string as_of;  // YYYY-MM-DD: lines whose pay-by date is before it
  std::int64_t limit = kMaxOverdueLines;
};

struct OverdueLine {
  std::string line_id;
  std::string batch_id;
  std::string beneficiary_code;
  std::string full_name;
  std::string commune_code;
  std::string channel;
  std::int64_t amount_vnd = 0;
  std::string pay_by_date;
  std::int64_t days_overdue = 0;
  std::string state;  // "no_result" | "failed" | "returned" | "returned_to_budget" | "reissued"
  std::optional<std::string> reason_code;
};

struct OverdueReport {
  std::string unit;
  std::string as_of;
  std::int64_t count = 0;
  std::int64_t amount_vnd = 0;
  bool truncated = false;  // more than `limit` lines
  std::vector<OverdueLine> lines;
};

// {"unit","as_of","count","amount_vnd","truncated","lines":[{"line_id","batch_id",
//  "beneficiary_code","full_name","commune_code","channel","amount_vnd",
//  "pay_by_date","days_overdue","state","reason_code"}]}
nlohmann::json ToJson(const OverdueReport& report);

// Reads only. Errors: kInvalidInput overdue.date_invalid, overdue.unit_required,
// overdue.limit_invalid (1–kMaxOverdueLines).
Result<OverdueReport> ListOverdueLines(store::SqlSession& session, const OverdueRequest& request);

}  // namespace ansinh::app
