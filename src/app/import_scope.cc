#include "app/import_scope.h"

#include <algorithm>
#include <utility>

#include "store/registry_sql.h"

namespace ansinh::app {
namespace {

constexpr const char* kCode = "import.commune_out_of_scope";

// (edition, commune) of every person of the chunk already in the register.
Result<std::map<std::string, std::pair<std::string, std::string>>> StoredCommunes(
    store::SqlSession& session, const std::vector<formats::ImportedBeneficiary>& people) {
  std::map<std::string, std::pair<std::string, std::string>> stored;
  store::SqlParams codes;
  for (const auto& person : people) codes.push_back(store::SqlText(person.person.code.value()));
  if (codes.empty()) return stored;
  auto read = store::QueryEachForKeys(
      session, "SELECT code, commune_edition, commune_code FROM beneficiaries WHERE code IN", codes,
      "", [&stored](const store::SqlRow& row) {
        stored[std::string(row.Text(0))] = {std::string(row.Text(1)), std::string(row.Text(2))};
        return Status();
      });
  if (!read) return Fail(std::move(read.error()));
  return stored;
}

}  // namespace

ImportScopeFilter::ImportScopeFilter(store::SqlSession& session, std::string edition,
                                     const CommuneScopeCheck& in_scope)
    : session_(session), edition_(std::move(edition)), in_scope_(in_scope) {}

// Memoised: a file of a district has thousands of rows but few communes.
Result<bool> ImportScopeFilter::InScope(const std::string& edition, const std::string& commune) {
  const auto key = std::make_pair(edition, commune);
  if (const auto found = known_.find(key); found != known_.end()) return found->second;
  auto answer = in_scope_(edition, commune);
  if (!answer) return Fail(std::move(answer.error()));
  known_.emplace(key, *answer);
  return *answer;
}

void ImportScopeFilter::Reject(const formats::ImportedBeneficiary& person) {
  const std::string message = "Mã đối tượng " + person.person.code.value() + " (xã " +
                              person.person.commune.value() +
                              ") thuộc xã nằm ngoài phạm vi quản lý của bạn.";
  for (const auto& entitlement : person.entitlements) {
    const long row = entitlement.row;
    rejected_.push_back({row, {ErrorDetail{row, "ma_xa", kCode, message}}});
  }
  rejected_rows_ += static_cast<long>(person.entitlements.size());
  findings_ += static_cast<long>(person.findings.size());
}

Status ImportScopeFilter::Apply(std::vector<formats::ImportedBeneficiary>& people) {
  auto stored = StoredCommunes(session_, people);
  if (!stored) return Fail(std::move(stored.error()));
  std::vector<formats::ImportedBeneficiary> kept;
  for (auto& person : people) {
    auto allowed = InScope(edition_, person.person.commune.value());
    if (!allowed) return Fail(std::move(allowed.error()));
    const auto registered = stored->find(person.person.code.value());
    if (*allowed && registered != stored->end()) {
      allowed = InScope(registered->second.first, registered->second.second);
      if (!allowed) return Fail(std::move(allowed.error()));
    }
    if (*allowed) {
      kept.push_back(std::move(person));
    } else {
      Reject(person);
    }
  }
  people = std::move(kept);
  return {};
}

void ImportScopeFilter::MergeInto(formats::BeneficiaryImport& parsed) {
  parsed.accepted_rows -= rejected_rows_;
  parsed.rejected_rows += rejected_rows_;
  parsed.error_count += rejected_rows_;
  parsed.finding_count -= findings_;
  for (auto& row : rejected_) parsed.rejected.push_back(std::move(row));
  rejected_.clear();
  std::stable_sort(parsed.rejected.begin(), parsed.rejected.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
}

}  // namespace ansinh::app
