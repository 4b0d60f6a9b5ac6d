#include "formats/beneficiary_import.h"

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

  void Accept(ImportedBeneficiary record);
  void Reject(long row);

  const ImportCatalog& catalog;
  BeneficiaryImportLimits limits;
  std::optional<ColumnMap> columns;
  std::optional<RowParser> parser;  // refers to *columns; Impl never moves
  BeneficiaryImport result;
  std::unordered_map<std::string, std::size_t> index_by_code;
  std::vector<ErrorDetail> errors;  // the current row's, reused
  std::size_t rows_seen = 0;
};

void BeneficiaryImportParser::Impl::Accept(ImportedBeneficiary record) {
  auto [found, inserted] =
      index_by_code.try_emplace(record.person.code.value(), result.beneficiaries.size());
  if (!inserted) {
    const long row = record.entitlements.front().row;
    import_detail::MergeLaterRow(result.beneficiaries[found->second], record, *parser, errors);
    if (!errors.empty()) return Reject(row);
  } else {
    result.finding_count += static_cast<long>(record.findings.size());
    result.beneficiaries.push_back(std::move(record));
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

BeneficiaryImport BeneficiaryImportParser::Finish() && {
  return std::move(impl_->result);
}

namespace {

tl::unexpected<Error> NoHeader() {
  return Fail(ErrorKind::kInvalidInput, "import.empty",
              "Tệp không có dòng tiêu đề: dòng đầu tiên phải là tên các cột");
}

Result<BeneficiaryImport> ParseCsvReader(CsvReader reader, const ImportCatalog& catalog,
                                         const BeneficiaryImportLimits& limits) {
  BeneficiaryImportParser parser(catalog, limits);
  bool header_seen = false;
  for (;;) {
    Result<std::optional<CsvRow>> row = reader.Next();
    if (!row) return Fail(std::move(row.error()));
    if (!*row) break;
    const CsvRow& csv_row = **row;
    Status status = header_seen ? parser.AddRow(csv_row.row_number, csv_row.fields)
                                : parser.SetHeader(csv_row.row_number, csv_row.fields);
    if (!status) return Fail(std::move(status.error()));
    header_seen = true;
  }
  if (!header_seen) return NoHeader();
  return std::move(parser).Finish();
}

CsvLimits CsvLimitsFor(const BeneficiaryImportLimits& limits) {
  CsvLimits csv;
  csv.max_file_bytes = limits.max_file_bytes;
  csv.max_rows = limits.max_data_rows + 1;
  return csv;
}

Result<BeneficiaryImport> ParseWorkbook(const XlsxWorkbook& workbook, const ImportCatalog& catalog,
                                        const BeneficiaryImportLimits& limits) {
  BeneficiaryImportParser parser(catalog, limits);
  bool header_seen = false;
  Status read = workbook.ForEachRow({}, [&](const XlsxRow& row) -> Status {
    Status status = header_seen ? parser.AddRow(row.row_number, row.cells)
                                : parser.SetHeader(row.row_number, row.cells);
    header_seen = true;
    return status;
  });
  if (!read) return Fail(std::move(read.error()));
  if (!header_seen) return NoHeader();
  return std::move(parser).Finish();
}

XlsxLimits XlsxLimitsFor(const BeneficiaryImportLimits& limits) {
  XlsxLimits xlsx = limits.xlsx;
  xlsx.max_rows = limits.max_data_rows + 1;
  return xlsx;
}

}  // namespace

Result<BeneficiaryImport> ParseBeneficiaryCsv(std::string bytes, const ImportCatalog& catalog,
                                              const BeneficiaryImportLimits& limits) {
  Result<CsvReader> reader = CsvReader::FromString(std::move(bytes), CsvLimitsFor(limits));
  if (!reader) return Fail(std::move(reader.error()));
  return ParseCsvReader(std::move(*reader), catalog, limits);
}

Result<BeneficiaryImport> ParseBeneficiaryCsvFile(const std::filesystem::path& path,
                                                  const ImportCatalog& catalog,
                                                  const BeneficiaryImportLimits& limits) {
  Result<CsvReader> reader = CsvReader::FromFile(path, CsvLimitsFor(limits));
  if (!reader) return Fail(std::move(reader.error()));
  return ParseCsvReader(std::move(*reader), catalog, limits);
}

Result<BeneficiaryImport> ParseBeneficiaryXlsx(std::string bytes, const ImportCatalog& catalog,
                                               const BeneficiaryImportLimits& limits) {
  Result<XlsxWorkbook> workbook = XlsxWorkbook::OpenBuffer(std::move(bytes), XlsxLimitsFor(limits));
  if (!workbook) return Fail(std::move(workbook.error()));
  return ParseWorkbook(*workbook, catalog, limits);
}

Result<BeneficiaryImport> ParseBeneficiaryXlsxFile(const std::filesystem::path& path,
                                                   const ImportCatalog& catalog,
                                                   const BeneficiaryImportLimits& limits) {
  Result<XlsxWorkbook> workbook = XlsxWorkbook::OpenFile(path, XlsxLimitsFor(limits));
  if (!workbook) return Fail(std::move(workbook.error()));
  return ParseWorkbook(*workbook, catalog, limits);
}

}  // namespace ansinh::formats
