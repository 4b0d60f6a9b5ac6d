#include "app/demo_import.h"

#include <sstream>

#include "app/demo_inputs.h"

namespace ansinh::app {
namespace {

// Rows per beneficiary are at most two, and a row is under 400 bytes.
constexpr std::size_t kMaxRowsPerBeneficiary = 2;
constexpr std::size_t kMaxBytesPerRow = 400;

ImportOptions DemoImportOptions(std::int64_t size) {
  ImportOptions options;
  const auto people = static_cast<std::size_t>(size);
  options.limits.max_data_rows = people * kMaxRowsPerBeneficiary;
  options.limits.max_file_bytes = (people * kMaxRowsPerBeneficiary + 1) * kMaxBytesPerRow;
  options.commune_edition = formats::AdminEditionName(formats::AdminEdition::kPre2025);
  return options;
}

Status Rejected(const ImportReport& report) {
  Error error = MakeError(ErrorKind::kInternal, "demo.import_rejected",
                          "Nhập dữ liệu mẫu bị từ chối " + std::to_string(report.rejected_rows) +
                              " dòng: lỗi của bộ sinh dữ liệu mẫu");
  error.details = report.errors;
  return Fail(std::move(error));
}

}  // namespace

nlohmann::json ToJson(const DemoImportSummary& summary) {
  return {{"period", summary.period},
          {"paid_through", summary.paid_through},
          {"generated", ToJson(summary.demo)},
          {"import", ToJson(summary.import)}};
}

Result<DemoImportSummary> ImportDemoProvince(store::Database& database,
                                             const DemoImportRequest& request,
                                             const ChangeContext& context) {
  if (request.size < 1 || request.size > DemoImportRequest::kMaxSize) {
    return Fail(ErrorKind::kInvalidInput, "demo.size_out_of_range",
                "Số đối tượng mẫu phải từ 1 đến " + std::to_string(DemoImportRequest::kMaxSize));
  }
  auto inputs = LoadDemoInputs(database, request.province_code);
  if (!inputs) return Fail(std::move(inputs.error()));
  DemoImportSummary summary;
  const core::Period current = MonthOf(context.now);
  summary.period = current.ToString();
  summary.paid_through = current.PlusMonths(-1)->ToString();
  std::ostringstream csv;
  auto stats = WriteDemoCsv(*inputs, DemoOptions{request.size, request.seed, current}, csv);
  if (!stats) return Fail(std::move(stats.error()));
  summary.demo = *stats;
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  const std::string file_name = "demo-" + request.province_code + ".csv";
  auto report = ImportBeneficiaryBytes(**session, inputs->codes, file_name, std::move(csv).str(),
                                       DemoImportOptions(request.size), context);
  if (!report) return Fail(std::move(report.error()));
  if (report->rejected_rows > 0) return Fail(Rejected(*report).error());
  summary.import = std::move(*report);
  return summary;
}

}  // namespace ansinh::app
