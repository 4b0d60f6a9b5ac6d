// A provider's result sheet (issue 5 item 4): per payment line, paid or not
// paid, the reason, the amount and, for cash, the day it was paid. XLSX (the
// first sheet) or CSV, told apart by the bytes (an .xlsx is a zip: "PK").
//
// Columns are found by header, compared without case or diacritics and with
// '_' read as a space, in any order; extra columns are ignored:
//   line id   ma_dong_chi_tra | Mã dòng | Mã dòng chi trả | line_id | EndToEndId   (required)
//   batch id  ma_lo | Mã lô | batch_id                                             (optional)
//   result    ket_qua | Kết quả | result: Đã chi / paid, Chưa chi / not paid      (required)
//   reason    ly_do | Lý do | reason                                               (optional)
//   amount    so_tien | Số tiền | amount, whole đồng ("750000", "750.000")        (required)
//   date      ngay_chi | Ngày chi | Ngày chi trả | paid_on | date_paid            (optional)
// Rows with every cell empty are skipped; the control row of our own CSV
// lists (first cell TONG_CONG or XUAT_BOI) too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace ansinh::formats {

struct ProviderResultRow {
  long row_number = 0;  // as the spreadsheet user counts, header = 1
  std::string line_id;
  std::string batch_id;  // empty when the sheet has no batch column
  bool paid = false;
  std::string reason;  // as written; empty when none
  std::int64_t amount_vnd = 0;
  std::optional<std::string> paid_on;  // YYYY-MM-DD
};

struct ProviderResultSheet {
  std::string format;  // "xlsx" | "csv"
  std::vector<ProviderResultRow> rows;
};

inline constexpr std::size_t kMaxProviderResultDetails = 100;

// Every row is checked before anything is returned. Errors: the readers'
// (xlsx.*, csv.*); kInvalidInput provider_result.header_invalid (details name
// each missing or repeated column), provider_result.rows_invalid (details name
// each row and field: provider_result.line_missing, .result_invalid,
// .amount_invalid, .date_invalid), provider_result.empty (no data row).
Result<ProviderResultSheet> ParseProviderResults(std::string bytes);

// True when the bytes look like a provider sheet rather than XML: a zip, or
// text whose first line names a line-id column and a result column.
bool LooksLikeProviderResults(const std::string& bytes);

}  // namespace ansinh::formats
