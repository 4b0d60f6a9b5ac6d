// The payment list of a batch as CSV for providers that work with
// spreadsheets (issue 5 item 3): UTF-8 with a BOM (so Excel shows the
// diacritics), CRLF, one row per transfer, and a last row with the control
// totals: stt = "TONG_CONG", ma_dong_chi_tra = the number of transfers,
// so_tien = their sum; then, when the export is watermarked (issue 6 item 5),
// a row stt = "XUAT_BOI" whose second cell says who exported it and when.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ansinh::formats {

struct BatchCsvRow {
  std::string line_id;
  std::string beneficiary_code;
  std::string full_name;
  std::string commune_code;  // the pay point of cash lines
  std::string channel;
  std::string bin;  // empty for cash
  std::string account_number;
  std::string holder_name;
  std::int64_t amount_vnd = 0;
  std::string period;
};

// Cells that a spreadsheet would run as a formula (leading = + - @) are
// prefixed with an apostrophe; cells with commas, quotes or line breaks are
// quoted.
std::string WriteBatchCsv(const std::vector<BatchCsvRow>& rows, const std::string& watermark = {});

}  // namespace ansinh::formats
