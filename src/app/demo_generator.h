// The demo province: a deterministic, synthetic register of beneficiaries
// written in the beneficiary import format (DESIGN.md §4), so that a demo
// database and the import benchmarks go through exactly the path a real
// commune file takes.
//
// Pure: no clock, no files, no database. The same inputs, options and seed
// give byte-identical output on any machine (demo_random.h says how). Rows are
// produced one at a time, so millions of beneficiaries never sit in memory.
//
// What it makes, per beneficiary: real commune of the province; NCC or BTXH
// about 1 : 3; a policy in force in the current period whose age band fits the
// person's age on the 1st of that month; a CCCD consistent with sex and birth
// year (mostly issued by the province, some born elsewhere); a phone for ~60%;
// a bank or mobile-money account for ~10%; a guardian for every child under
// 16 and an authorised person for ~0.5% of adults; a special case paid at home
// (TAI_NHA) for ~2%; the month before the current period as da_chi_den_thang.
// About 0.5% of people are deliberately dirty, one defect each, every defect a
// *finding* of the import (never an error): the whole file imports cleanly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/period.h"
#include "core/reference_codes.h"
#include "formats/reference_data.h"

namespace ansinh::app {

struct DemoCommune {
  std::string code;           // 5-digit GSO code, pre-2025 edition
  std::string name;           // "Xã Hoằng Phụ"
  std::string district_name;  // "Huyện Hoằng Hóa"
};

struct DemoInputs {
  std::string province_code;  // 2-digit GSO code, e.g. "38"
  std::string province_name;  // "Tỉnh Thanh Hóa"
  std::vector<DemoCommune> communes;                     // of that province
  std::vector<formats::PolicyRateRecord> policy_rates;  // as in policy_rates.csv
  core::ReferenceCodes codes;  // CCCD province codes, mobile prefixes, institutions
};

struct DemoOptions {
  static constexpr std::int64_t kMaxSize = 10'000'000;
  std::int64_t size = 20'000;  // beneficiaries, 1..kMaxSize
  std::uint64_t seed = 1;
  core::Period current = *core::Period::FromYearMonth(2025, 1);  // paid through the month before
};

// Defects planted on purpose; each maps to exactly one import finding code.
struct DemoDirtyCounts {
  std::int64_t sex_mismatch = 0;         // citizen_id.sex_mismatch
  std::int64_t birth_year_mismatch = 0;  // citizen_id.birth_year_mismatch
  std::int64_t legacy_cmnd = 0;          // citizen_id.legacy_cmnd
  std::int64_t missing_citizen_id = 0;   // citizen_id.missing
  std::int64_t invalid_phone = 0;        // phone.leading_zero_lost or phone.legacy_11_digit
  std::int64_t malformed_account = 0;    // bank_ref.account_length

  std::int64_t total() const {
    return sex_mismatch + birth_year_mismatch + legacy_cmnd + missing_citizen_id +
           invalid_phone + malformed_account;
  }
};

struct DemoStats {
  std::int64_t rows = 0;  // data rows, header excluded
  std::int64_t beneficiaries = 0;
  std::int64_t ncc = 0;
  std::int64_t btxh = 0;
  std::int64_t multi_entitlement = 0;  // beneficiaries with two rows
  std::int64_t with_phone = 0;
  std::int64_t bank_accounts = 0;
  std::int64_t mobile_money_accounts = 0;
  std::int64_t guardians = 0;
  std::int64_t authorised = 0;
  std::int64_t special_cases = 0;  // paid at home
  std::int64_t year_only_birth_dates = 0;
  std::int64_t born_elsewhere = 0;  // CCCD issued under another province's code
  DemoDirtyCounts dirty;
  std::int64_t bytes = 0;  // WriteDemoCsv only: bytes written, header included
};

nlohmann::json ToJson(const DemoStats& stats);

// The header row: the DESIGN.md §4 keys, then the so_quyet_dinh extension.
std::span<const std::string> DemoHeader();

// Receives one data row, cells in DemoHeader() order. A failing status stops
// the generation and is returned as is.
using DemoRowSink = std::function<Status(std::span<const std::string> cells)>;

// Generates options.size beneficiaries (one row per entitlement, a person's
// rows adjacent) and hands every row to `sink`; the header is not sent.
// Errors: kInvalidInput demo.size_out_of_range, demo.no_communes,
// demo.province_citizen_id_unknown (no CCCD code "0" + province_code),
// demo.no_policies (no NCC or no BTXH policy in force in options.current and
// the month before), demo.no_mobile_prefixes, demo.no_institutions (no bank or
// no mobile-money BIN among the codes); whatever `sink` returns.
Result<DemoStats> GenerateDemoRows(const DemoInputs& inputs, const DemoOptions& options,
                                   const DemoRowSink& sink);

// The same as a CSV file (UTF-8, comma, header row first, CRLF-free "\n" line
// ends, RFC 4180 quoting). Errors: those of GenerateDemoRows, and kUnavailable
// demo.write_failed when `out` goes bad.
Result<DemoStats> WriteDemoCsv(const DemoInputs& inputs, const DemoOptions& options,
                               std::ostream& out);

// The same as an XLSX workbook: one sheet, the header row first, every cell
// text (so codes keep their leading zeros); stats.bytes is the file size.
// Errors: those of GenerateDemoRows and of formats::XlsxWriter (xlsx_write.*).
Result<DemoStats> WriteDemoXlsx(const DemoInputs& inputs, const DemoOptions& options,
                                const std::filesystem::path& path);

}  // namespace ansinh::app
