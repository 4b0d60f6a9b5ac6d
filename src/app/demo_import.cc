#include "app/demo_import.h"

#include <cstdio>

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

namespace {

// Feeds the generator's rows to an import stream, sealing each person when
// the next row names someone else, and hashes the cells for the import run.
class DemoFeed {
 public:
  DemoFeed(const DemoInputs& inputs, const DemoOptions& options) : inputs_(inputs), options_(options) {}

  Result<formats::BeneficiaryImport> Parse(const formats::ImportCatalog& catalog,
                                           const formats::BeneficiaryImportLimits& limits,
                                           const formats::ImportedPeopleSink& sink) {
    formats::BeneficiaryImportStream stream(catalog, limits, kChunkPeople, sink);
    if (auto header = stream.SetHeader(1, DemoHeader()); !header) {
      return Fail(std::move(header.error()));
    }
    long row = 1;
    std::string previous;
    auto stats = GenerateDemoRows(inputs_, options_, [&](std::span<const std::string> cells) {
      Hash(cells);
      if (!previous.empty() && cells[0] != previous) stream.Seal(previous);
      previous = cells[0];
      return stream.AddRow(++row, cells);
    });
    if (!stats) return Fail(std::move(stats.error()));
    stats_ = *stats;
    return std::move(stream).Finish();
  }

  const DemoStats& stats() const { return stats_; }
  std::int64_t bytes() const { return bytes_; }
  std::string hash() const {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash_));
    return text;
  }

 private:
  static constexpr std::size_t kChunkPeople = 4096;

  // FNV-1a 64 over the cells, each followed by a unit separator.
  void Hash(std::span<const std::string> cells) {
    for (const std::string& cell : cells) {
      for (char c : cell) Mix(c);
      Mix('\x1f');
      bytes_ += static_cast<std::int64_t>(cell.size()) + 1;
    }
  }
  void Mix(char c) {
    hash_ ^= static_cast<std::uint8_t>(c);
    hash_ *= 1099511628211ull;
  }

  const DemoInputs& inputs_;
  const DemoOptions& options_;
  DemoStats stats_;
  std::uint64_t hash_ = 14695981039346656037ull;
  std::int64_t bytes_ = 0;
};

}  // namespace

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
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  const DemoOptions demo{request.size, request.seed, current};
  const ImportOptions options = DemoImportOptions(request.size);
  DemoFeed feed(*inputs, demo);
  ImportSource source;
  source.file_name = "demo-" + request.province_code + ".csv";
  source.parse = [&feed, &options, &source](const formats::ImportCatalog& catalog,
                                            const formats::ImportedPeopleSink& sink) {
    auto parsed = feed.Parse(catalog, options.limits, sink);
    source.content_bytes = feed.bytes();
    source.content_hash = feed.hash();
    return parsed;
  };
  auto report = ImportBeneficiarySource(**session, inputs->codes, source, options, context);
  if (!report) return Fail(std::move(report.error()));
  if (report->rejected_rows > 0) return Fail(Rejected(*report).error());
  summary.demo = feed.stats();
  summary.import = std::move(*report);
  return summary;
}

}  // namespace ansinh::app
