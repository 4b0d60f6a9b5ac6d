#include "app/demo_generator.h"

#include <array>

#include "app/demo_person.h"
#include "app/demo_plan.h"
#include "formats/xlsx_writer.h"

namespace ansinh::app {
namespace {

using demo_detail::DemoRows;

const std::array<std::string, demo_detail::kCellCount> kHeader = {
    "ma_doi_tuong",       "ho_ten",
    "ngay_sinh",          "gioi_tinh",
    "so_dinh_danh",       "so_dien_thoai",
    "ma_xa",              "dia_chi",
    "nhom",               "ma_che_do",
    "so_tien",            "thang_bat_dau",
    "da_chi_den_thang",   "hinh_thuc",
    "nguoi_nhan",         "nguoi_nhan_ho_ten",
    "nguoi_nhan_so_dinh_danh", "nguoi_nhan_quan_he",
    "ma_ngan_hang",       "so_tai_khoan",
    "ten_chu_tai_khoan",  "dien_thoai_thong_minh",
    "truong_hop_dac_biet", "so_quyet_dinh",
};

// Flushed to the stream in blocks: one write per row would dominate the
// time of a multi-gigabyte file.
constexpr std::size_t kFlushBytes = 1u << 20;

bool NeedsQuotes(const std::string& cell) {
  if (!cell.empty() && (cell.front() == ' ' || cell.back() == ' ')) return true;
  return cell.find_first_of(",\"\r\n") != std::string::npos;
}

void AppendCsvRow(std::string& buffer, std::span<const std::string> cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) buffer.push_back(',');
    const std::string& cell = cells[i];
    if (!NeedsQuotes(cell)) {
      buffer.append(cell);
      continue;
    }
    buffer.push_back('"');
    for (char c : cell) {
      if (c == '"') buffer.push_back('"');
      buffer.push_back(c);
    }
    buffer.push_back('"');
  }
  buffer.push_back('\n');
}

class CsvSink {
 public:
  explicit CsvSink(std::ostream& out) : out_(out) { buffer_.reserve(kFlushBytes * 2); }

  Status Add(std::span<const std::string> cells) {
    AppendCsvRow(buffer_, cells);
    return buffer_.size() >= kFlushBytes ? Flush() : Status{};
  }

  Status Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    bytes_ += static_cast<std::int64_t>(buffer_.size());
    buffer_.clear();
    if (out_) return {};
    return Fail(ErrorKind::kUnavailable, "demo.write_failed", "Không ghi được tệp dữ liệu mẫu");
  }

  std::int64_t bytes() const { return bytes_; }

 private:
  std::ostream& out_;
  std::string buffer_;
  std::int64_t bytes_ = 0;
};

nlohmann::json ToJson(const DemoDirtyCounts& dirty) {
  return {{"total", dirty.total()},
          {"sex_mismatch", dirty.sex_mismatch},
          {"birth_year_mismatch", dirty.birth_year_mismatch},
          {"legacy_cmnd", dirty.legacy_cmnd},
          {"missing_citizen_id", dirty.missing_citizen_id},
          {"invalid_phone", dirty.invalid_phone},
          {"malformed_account", dirty.malformed_account}};
}

}  // namespace

nlohmann::json ToJson(const DemoStats& stats) {
  return {{"rows", stats.rows},
          {"beneficiaries", stats.beneficiaries},
          {"ncc", stats.ncc},
          {"btxh", stats.btxh},
          {"multi_entitlement", stats.multi_entitlement},
          {"with_phone", stats.with_phone},
          {"bank_accounts", stats.bank_accounts},
          {"mobile_money_accounts", stats.mobile_money_accounts},
          {"guardians", stats.guardians},
          {"authorised", stats.authorised},
          {"special_cases", stats.special_cases},
          {"year_only_birth_dates", stats.year_only_birth_dates},
          {"born_elsewhere", stats.born_elsewhere},
          {"dirty_records", ToJson(stats.dirty)},
          {"bytes", stats.bytes}};
}

std::span<const std::string> DemoHeader() { return kHeader; }

Result<DemoStats> GenerateDemoRows(const DemoInputs& inputs, const DemoOptions& options,
                                   const DemoRowSink& sink) {
  Result<demo_detail::DemoPlan> plan = demo_detail::MakeDemoPlan(inputs, options);
  if (!plan) return Fail(std::move(plan.error()));
  DemoStats stats;
  DemoRows rows;
  for (std::int64_t index = 0; index < options.size; ++index) {
    demo_detail::DrawBeneficiary(*plan, options.seed, index, rows, stats);
    for (std::size_t i = 0; i < rows.count; ++i) {
      if (auto ok = sink(rows.rows[i]); !ok) return Fail(std::move(ok.error()));
    }
  }
  return stats;
}

Result<DemoStats> WriteDemoCsv(const DemoInputs& inputs, const DemoOptions& options,
                               std::ostream& out) {
  CsvSink csv(out);
  if (auto ok = csv.Add(kHeader); !ok) return Fail(std::move(ok.error()));
  Result<DemoStats> stats = GenerateDemoRows(
      inputs, options, [&csv](std::span<const std::string> cells) { return csv.Add(cells); });
  if (!stats) return stats;
  if (auto ok = csv.Flush(); !ok) return Fail(std::move(ok.error()));
  stats->bytes = csv.bytes();
  return stats;
}

Result<DemoStats> WriteDemoXlsx(const DemoInputs& inputs, const DemoOptions& options,
                                const std::filesystem::path& path) {
  auto writer = formats::XlsxWriter::Create(path);
  if (!writer) return Fail(std::move(writer.error()));
  std::vector<formats::XlsxColumn> columns;
  for (const std::string& key : DemoHeader()) columns.push_back({key, 0});
  auto sheet = (*writer)->AddSheet("Danh sach", std::move(columns));
  if (!sheet) return Fail(std::move(sheet.error()));
  if (auto ok = (*sheet)->AddHeader(); !ok) return Fail(std::move(ok.error()));
  std::vector<formats::XlsxValue> row;
  Result<DemoStats> stats =
      GenerateDemoRows(inputs, options, [&](std::span<const std::string> cells) -> Status {
        row.clear();
        for (const std::string& cell : cells) {
          row.push_back(cell.empty() ? formats::XlsxValue() : formats::XlsxValue::Text(cell));
        }
        return (*sheet)->AddRow(row);
      });
  if (!stats) return stats;
  if (auto ok = (*writer)->Finish(); !ok) return Fail(std::move(ok.error()));
  std::error_code ec;
  stats->bytes = static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
  return stats;
}

}  // namespace ansinh::app
