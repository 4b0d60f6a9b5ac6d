// The scope rule of an upload: a user may import only people of the communes
// in their area, and may not overwrite, through a code already in the
// register, a person registered elsewhere.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "formats/beneficiary_import.h"
#include "store/sql_session.h"

namespace ansinh::app {

// (edition, commune code) → in the caller's area?
using CommuneScopeCheck = std::function<Result<bool>(const std::string&, const std::string&)>;

// Applied to each chunk of parsed people before it is written.
// Thread safety: one import's; not shared.
class ImportScopeFilter {
 public:
  // REQUIRES: session and in_scope outlive the filter.
  ImportScopeFilter(store::SqlSession& session, std::string edition,
                    const CommuneScopeCheck& in_scope);

  // Removes every person whose commune in the file, or whose stored commune
  // (a code already registered), fails the check, and records one rejected
  // row per entitlement row: column ma_xa, code import.commune_out_of_scope.
  // Each commune is checked once. Errors: the store's and the check's.
  Status Apply(std::vector<formats::ImportedBeneficiary>& people);

  // Rows rejected so far (they count against an all-or-nothing import).
  long rejected_rows() const { return rejected_rows_; }

  // Moves the recorded rows into the parse result: accepted rows become
  // rejected, rejected rows stay in file order.
  void MergeInto(formats::BeneficiaryImport& parsed);

 private:
  Result<bool> InScope(const std::string& edition, const std::string& commune);
  void Reject(const formats::ImportedBeneficiary& person);

  store::SqlSession& session_;
  std::string edition_;
  const CommuneScopeCheck& in_scope_;
  std::map<std::pair<std::string, std::string>, bool> known_;
  std::vector<formats::RejectedRow> rejected_;
  long rejected_rows_ = 0;
  long findings_ = 0;
};

}  // namespace ansinh::app
