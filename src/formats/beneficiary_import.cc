#include "formats/beneficiary_import.h"

#include <deque>
#include <utility>

#include "core/ascii.h"
#include "formats/beneficiary_import_columns.h"
#include "formats/beneficiary_import_row.h"
#include "formats/csv_reader.h"

namespace ansinh::formats {

using import_detail::ColumnMap;
using import_detail::RowParser;

struct BeneficiaryImportParser::Impl {
  Impl(const ImportCatalog& catalog_in, const BeneficiaryImportLimits& limits_in)
      : catalog(catalog_in), limits(limits_in) {}

  struct Pending {
    ImportedBeneficiary person;
    bool sealed = false;
  };

  void Accept(ImportedBeneficiary record);
  void Reject(long row);
  Pending* Find(const std::string& code);

  const ImportCatalog& catalog;
  BeneficiaryImportLimits limits;
  std::optional<ColumnMap> columns;
  std::optional<RowParser> parser;  // refers to *columns; Impl never moves
  BeneficiaryImport result;         // beneficiaries stays empty until Finish
  std::deque<Pending> pending;      // order of first appearance
  std::size_t taken = 0;            // people already taken from the front
  // ma_doi_tuong → position in the sequence of first appearances (taken + index).
  std::unordered_map<std::string, std::size_t> index_by_code;
  std::vector<ErrorDetail> errors;  // the current row's, reused
  std::size_t rows_seen = 0;
};

BeneficiaryImportParser::Impl::Pending* BeneficiaryImportParser::Impl::Find(
    const std::string& code) {
  auto found = index_by_code.find(code);
  return found == index_by_code.end() ? nullptr : &pending[found->second - taken];
}

void BeneficiaryImportParser::Impl::Accept(ImportedBeneficiary record) {
  auto [found, inserted] =
      index_by_code.try_emplace(record.person.code.value(), taken + pending.size());
  if (!inserted) {
    const long row = record.entitlements.front().row;
    import_detail::MergeLaterRow(pending[found->second - taken].person, record, *parser, errors);
    if (!errors.empty()) return Reject(row);
  } else {
    result.finding_count += static_cast<long>(record.findings.size());
    pending.push_back(Pending{std::move(record), false});
  }
  ++result.accepted_rows;
}

void BeneficiaryImportParser::Impl::Reject(long row) {
  ++result.rejected_rows;
  result.error_count += static_cast<long>(errors.size());
  if (result.rejected.size() < limits.max_reported_rejections) {
    result.rejected.push_back(RejectedRow{row, std::move(errors)});
    errors = {};
  }
}

BeneficiaryImportParser::BeneficiaryImportParser(const ImportCatalog& catalog,
                                                 const BeneficiaryImportLimits& limits)
    : impl_(std::make_unique<Impl>(catalog, limits)) {}
BeneficiaryImportParser::BeneficiaryImportParser(BeneficiaryImportParser&&) noexcept = default;
BeneficiaryImportParser& BeneficiaryImportParser::operator=(BeneficiaryImportParser&&) noexcept =
    default;
BeneficiaryImportParser::~BeneficiaryImportParser() = default;

Status BeneficiaryImportParser::SetHeader(long row_number, std::span<const std::string> cells) {
  if (impl_->columns) {
    return Fail(ErrorKind::kInternal, "import.header_twice", "Dòng tiêu đề đã được đọc");
  }
  Result<ColumnMap> columns = import_detail::MapHeader(row_number, cells);
  if (!columns) return Fail(std::move(columns.error()));
  impl_->columns = std::move(*columns);
  impl_->parser.emplace(impl_->catalog, *impl_->columns, impl_->limits.max_errors_per_row);
  return {};
}

Status BeneficiaryImportParser::AddRow(long row_number, std::span<const std::string> cells) {
  Impl& impl = *impl_;
  if (!impl.parser) {
    return Fail(ErrorKind::kInvalidInput, "import.no_header", "Chưa có dòng tiêu đề");
  }
  if (++impl.rows_seen > impl.limits.max_data_rows) {
    Error error = MakeError(ErrorKind::kLimitExceeded, "import.too_many_rows",
                            "Tệp có quá " + std::to_string(impl.limits.max_data_rows) +
                                " dòng dữ liệu; hãy chia thành nhiều tệp");
    error.details.push_back(ErrorDetail{row_number, "", error.code, error.message});
    return Fail(std::move(error));
  }
  bool blank = true;
  for (const std::string& cell : cells) blank = blank && core::TrimAsciiSpace(cell).empty();
  if (blank) return {};
  ++impl.result.data_rows;
  std::optional<ImportedBeneficiary> record = impl.parser->Parse(row_number, cells, impl.errors);
  if (record) {
    impl.Accept(std::move(*record));
  } else {
    impl.Reject(row_number);
  }
  return {};
}

void BeneficiaryImportParser::Seal(std::string_view code_text) {
  Result<core::BeneficiaryCode> code = core::BeneficiaryCode::Parse(core::TrimAsciiSpace(code_text));
  if (!code) return;
  if (Impl::Pending* person = impl_->Find(code->value())) person->sealed = true;
}

void BeneficiaryImportParser::TakeSealed(std::vector<ImportedBeneficiary>& into) {
  Impl& impl = *impl_;
  while (!impl.pending.empty() && impl.pending.front().sealed) {
    impl.index_by_code.erase(impl.pending.front().person.person.code.value());
    into.push_back(std::move(impl.pending.front().person));
    impl.pending.pop_front();
    ++impl.taken;
  }
}

long BeneficiaryImportParser::rejected_rows() const {
  return impl_->result.rejected_rows;
}

BeneficiaryImport BeneficiaryImportParser::Finish() && {
  Impl& impl = *impl_;
  impl.result.beneficiaries.reserve(impl.pending.size());
  for (Impl::Pending& left : impl.pending) impl.result.beneficiaries.push_back(std::move(left.person));
  impl.pending.clear();
  impl.index_by_code.clear();
  return std::move(impl.result);
}

BeneficiaryImportStream::BeneficiaryImportStream(const ImportCatalog& catalog,
                                                 const BeneficiaryImportLimits& limits,
                                                 std::size_t chunk_people, ImportedPeopleSink sink)
    : parser_(catalog, limits), chunk_people_(chunk_people), sink_(std::move(sink)) {
  ready_.reserve(chunk_people_);
}

Status BeneficiaryImportStream::Flush(std::size_t at_least) {
  if (ready_.empty() || ready_.size() < at_least) return {};
  Status sent = sink_(ready_, parser_.rejected_rows());
  ready_.clear();
  return sent;
}

Status BeneficiaryImportStream::AddRow(long row_number, std::span<const std::string> cells) {
  if (auto added = parser_.AddRow(row_number, cells); !added) return added;
  parser_.TakeSealed(ready_);
  return Flush(chunk_people_);
}

Result<BeneficiaryImport> BeneficiaryImportStream::Finish() && {
  parser_.TakeSealed(ready_);
  BeneficiaryImport result = std::move(parser_).Finish();
  for (ImportedBeneficiary& person : result.beneficiaries) {
    ready_.push_back(std::move(person));
    if (auto sent = Flush(chunk_people_); !sent) return Fail(std::move(sent.error()));
  }
  result.beneficiaries.clear();
  if (auto sent = Flush(1); !sent) return Fail(std::move(sent.error()));
  return result;
}

namespace {

tl::unexpected<Error> NoHeader() {
  return Fail(ErrorKind::kInvalidInput, "import.empty",
              "Tệp không có dòng tiêu đề: dòng đầu tiên phải là tên các cột");
}

CsvLimits CsvLimitsFor(const BeneficiaryImportLimits& limits) {
  CsvLimits csv;
  csv.max_file_bytes = limits.max_file_bytes;
  csv.max_rows = limits.max_data_rows + 1;
  return csv;
}

// The read-ahead: which rows are the last to carry their ma_doi_tuong, as
// canonical codes. Empty when the file cannot be read that far (the real
// pass reports why); rows past a CSV error are simply not marked.
std::vector<bool> LastRowsOfCodes(std::string_view bytes, const BeneficiaryImportLimits& limits) {
  Result<CsvReader> reader = CsvReader::FromView(bytes, CsvLimitsFor(limits));
  if (!reader) return {};
  CsvRow row;
  Result<bool> read = reader->NextInto(row);
  if (!read || !*read) return {};
  Result<ColumnMap> columns = import_detail::MapHeader(row.row_number, row.fields);
  if (!columns) return {};
  const std::size_t code_cell = columns->IndexOf(import_detail::Column::kMaDoiTuong);
  std::unordered_map<std::string, long> last_row;
  long rows = 0;
  while ((read = reader->NextInto(row)) && *read) {
    rows = row.row_number;
    if (code_cell >= row.fields.size()) continue;
    Result<core::BeneficiaryCode> code =
        core::BeneficiaryCode::Parse(core::TrimAsciiSpace(row.fields[code_cell]));
    if (code) last_row[code->value()] = row.row_number;
  }
  std::vector<bool> marks(static_cast<std::size_t>(rows) + 1, false);
  for (const auto& [code, row_number] : last_row) marks[static_cast<std::size_t>(row_number)] = true;
  return marks;
}

Result<BeneficiaryImport> StreamCsvReader(CsvReader reader, const std::vector<bool>& last_rows,
                                          BeneficiaryImportStream stream) {
  CsvRow row;
  bool header_seen = false;
  std::size_t code_cell = import_detail::kNoCell;
  for (;;) {
    Result<bool> read = reader.NextInto(row);
    if (!read) return Fail(std::move(read.error()));
    if (!*read) break;
    if (!header_seen) {
      if (auto status = stream.SetHeader(row.row_number, row.fields); !status) {
        return Fail(std::move(status.error()));
      }
      if (auto columns = import_detail::MapHeader(row.row_number, row.fields)) {
        code_cell = columns->IndexOf(import_detail::Column::kMaDoiTuong);
      }
      header_seen = true;
      continue;
    }
    const auto index = static_cast<std::size_t>(row.row_number);
    if (index < last_rows.size() && last_rows[index] && code_cell < row.fields.size()) {
      if (auto status = stream.AddRow(row.row_number, row.fields); !status) {
        return Fail(std::move(status.error()));
      }
      stream.Seal(row.fields[code_cell]);
      continue;
    }
    if (auto status = stream.AddRow(row.row_number, row.fields); !status) {
      return Fail(std::move(status.error()));
    }
  }
  if (!header_seen) return NoHeader();
  return std::move(stream).Finish();
}

Result<BeneficiaryImport> StreamWorkbook(const XlsxWorkbook& workbook,
                                         BeneficiaryImportStream stream) {
  bool header_seen = false;
  Status read = workbook.ForEachRow({}, [&](const XlsxRow& row) -> Status {
    Status status = header_seen ? stream.AddRow(row.row_number, row.cells)
                                : stream.SetHeader(row.row_number, row.cells);
    header_seen = true;
    return status;
  });
  if (!read) return Fail(std::move(read.error()));
  if (!header_seen) return NoHeader();
  return std::move(stream).Finish();
}

XlsxLimits XlsxLimitsFor(const BeneficiaryImportLimits& limits) {
  XlsxLimits xlsx = limits.xlsx;
  xlsx.max_rows = limits.max_data_rows + 1;
  return xlsx;
}

// Chunk size of the collecting (non-streaming) forms: any, they keep everyone.
constexpr std::size_t kCollectChunk = 4096;

// A sink that keeps every person, for the non-streaming forms.
struct Collector {
  std::vector<ImportedBeneficiary> people;
  ImportedPeopleSink Sink() {
    return [this](std::vector<ImportedBeneficiary>& chunk, long) -> Status {
      for (ImportedBeneficiary& person : chunk) people.push_back(std::move(person));
      return {};
    };
  }
  Result<BeneficiaryImport> Into(Result<BeneficiaryImport> result) {
    if (result) result->beneficiaries = std::move(people);
    return result;
  }
};

}  // namespace

Result<BeneficiaryImport> StreamBeneficiaryCsv(std::string_view bytes, const ImportCatalog& catalog,
                                               const BeneficiaryImportLimits& limits,
                                               std::size_t chunk_people,
                                               const ImportedPeopleSink& sink) {
  Result<CsvReader> reader = CsvReader::FromView(bytes, CsvLimitsFor(limits));
  if (!reader) return Fail(std::move(reader.error()));
  return StreamCsvReader(std::move(*reader), LastRowsOfCodes(bytes, limits),
                         BeneficiaryImportStream(catalog, limits, chunk_people, sink));
}

Result<BeneficiaryImport> StreamBeneficiaryXlsx(std::string bytes, const ImportCatalog& catalog,
                                                const BeneficiaryImportLimits& limits,
                                                std::size_t chunk_people,
                                                const ImportedPeopleSink& sink) {
  Result<XlsxWorkbook> workbook = XlsxWorkbook::OpenBuffer(std::move(bytes), XlsxLimitsFor(limits));
  if (!workbook) return Fail(std::move(workbook.error()));
  return StreamWorkbook(*workbook, BeneficiaryImportStream(catalog, limits, chunk_people, sink));
}

Result<BeneficiaryImport> ParseBeneficiaryCsv(std::string bytes, const ImportCatalog& catalog,
                                              const BeneficiaryImportLimits& limits) {
  Collector collector;
  return collector.Into(StreamBeneficiaryCsv(bytes, catalog, limits, kCollectChunk, collector.Sink()));
}

Result<BeneficiaryImport> ParseBeneficiaryCsvFile(const std::filesystem::path& path,
                                                  const ImportCatalog& catalog,
                                                  const BeneficiaryImportLimits& limits) {
  Result<CsvReader> reader = CsvReader::FromFile(path, CsvLimitsFor(limits));
  if (!reader) return Fail(std::move(reader.error()));
  Collector collector;
  return collector.Into(StreamCsvReader(
      std::move(*reader), {}, BeneficiaryImportStream(catalog, limits, kCollectChunk, collector.Sink())));
}

Result<BeneficiaryImport> ParseBeneficiaryXlsx(std::string bytes, const ImportCatalog& catalog,
                                               const BeneficiaryImportLimits& limits) {
  Collector collector;
  return collector.Into(
      StreamBeneficiaryXlsx(std::move(bytes), catalog, limits, kCollectChunk, collector.Sink()));
}

Result<BeneficiaryImport> ParseBeneficiaryXlsxFile(const std::filesystem::path& path,
                                                   const ImportCatalog& catalog,
                                                   const BeneficiaryImportLimits& limits) {
  Result<XlsxWorkbook> workbook = XlsxWorkbook::OpenFile(path, XlsxLimitsFor(limits));
  if (!workbook) return Fail(std::move(workbook.error()));
  Collector collector;
  return collector.Into(StreamWorkbook(
      *workbook, BeneficiaryImportStream(catalog, limits, kCollectChunk, collector.Sink())));
}

}  // namespace ansinh::formats
