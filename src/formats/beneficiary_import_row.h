// One data row of the beneficiary import: cells → a one-entitlement
// ImportedBeneficiary, or every error of the row. Internal to
// beneficiary_import*.cc.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/beneficiary.h"
#include "core/registration_rules.h"
#include "formats/beneficiary_import.h"
#include "formats/beneficiary_import_columns.h"

namespace ansinh::formats::import_detail {

// "Dòng 12, cột "Số CCCD": <message>", so that a message read alone still
// names its place.
std::string PlacedMessage(long row, const std::string& label, std::string_view message);

// The parsed cells of one row; nullopt where the cell was empty, or malformed
// and an error was recorded.
struct RowValues {
  std::optional<core::BeneficiaryCode> code;
  std::optional<std::string> full_name;
  std::optional<core::Date> birth;
  std::optional<core::Sex> sex;
  std::optional<core::AdminUnitCode> commune;
  std::optional<core::BeneficiaryGroup> group;
  std::string policy_code;
  const ImportPolicy* policy = nullptr;
  std::optional<core::MoneyVnd> amount;
  std::optional<core::Period> start;
  std::optional<core::Period> end;
  std::optional<core::Period> paid_through;
  std::optional<core::PaymentChannel> channel;
  std::optional<core::Recipient> recipient;
  bool special_case = false;
  bool has_smartphone = false;
  std::optional<core::Representative> representative;
};

// Parses rows against one header. Keeps no state between rows but reusable
// buffers; not thread-safe.
class RowParser {
 public:
  // REQUIRES: catalog and columns outlive the parser.
  RowParser(const ImportCatalog& catalog, const ColumnMap& columns, std::size_t max_errors);

  // Appends the row's errors to `errors` (cleared first); returns the record
  // when there are none.
  std::optional<ImportedBeneficiary> Parse(long row, std::span<const std::string> cells,
                                           std::vector<ErrorDetail>& errors);

  // An ErrorDetail for `column` of the current row.
  ErrorDetail Detail(long row, Column column, std::string code, std::string_view message) const;

 private:
  std::string_view Cell(Column column) const;
  std::optional<std::string_view> Required(Column column);
  void AddError(Column column, std::string code, std::string_view message);
  template <class T>
  std::optional<T> Take(Column column, Result<T> result);

  void ParsePerson(RowValues& values);
  void ParseEntitlement(RowValues& values);
  void ParsePayment(RowValues& values);
  void ParseRepresentative(RowValues& values);
  void CheckCrossFields(const RowValues& values);
  std::optional<core::Period> ParseMonth(Column column);
  bool ParseFlag(Column column);
  std::optional<std::string> ParseName(Column column, bool required);

  ImportedBeneficiary Assemble(RowValues& values) const;
  core::PaymentMethod BuildPaymentMethod(const RowValues& values,
                                         std::vector<core::Finding>& findings) const;
  void AddFindings(ImportedBeneficiary& record, std::vector<core::Finding>& findings) const;

  const ImportCatalog& catalog_;
  const ColumnMap& columns_;
  std::size_t max_errors_;
  long row_ = 0;
  std::span<const std::string> cells_;
  std::vector<ErrorDetail>* errors_ = nullptr;
};

// Merges a later row of the same ma_doi_tuong into `person`: person fields
// that differ are errors import.person_conflict naming the column; an
// entitlement overlapping an earlier one is entitlement.overlap. `later` is
// left untouched when errors are appended.
void MergeLaterRow(ImportedBeneficiary& person, ImportedBeneficiary& later, const RowParser& parser,
                   std::vector<ErrorDetail>& errors);

}  // namespace ansinh::formats::import_detail
