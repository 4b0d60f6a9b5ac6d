#include "store/registration_list_store.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>

#include "store/registry_sensitive.h"
#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

// Open findings on these fields are what made a payment method invalid (the
// import and RegistryService::SetPaymentMethod file them there); their
// messages tell the commune what to fix.
constexpr std::string_view kListSelect =
    "SELECT b.id, b.code, b.full_name, b.birth_date, b.sex, b.citizen_id, b.commune_code, "
    "b.policy_group, pm.channel, pm.recipient, pm.bin, pm.account_number, pm.holder_name, "
    "pm.valid, pm.problems, r.kind, r.full_name, r.citizen_id, r.relationship, f.message "
    "FROM beneficiaries b "
    "JOIN payment_methods pm ON pm.beneficiary_id = b.id "
    "LEFT JOIN representatives r ON r.beneficiary_id = b.id AND pm.recipient <> 'SELF' "
    "LEFT JOIN findings f ON f.beneficiary_id = b.id AND pm.valid = 0 AND f.status = 'open' "
    "AND f.field IN ('hinh_thuc', 'nguoi_nhan', 'ma_ngan_hang', 'so_tai_khoan', "
    "'ten_chu_tai_khoan') AND f.code <> 'payment_method.account_unused' "
    "WHERE b.status = 'active' AND b.commune_edition = ?1 AND b.commune_code IN (";
constexpr std::string_view kOrder = ") ORDER BY b.id, f.id";

std::optional<RegistrationListRepresentative> ReadRepresentative(SensitiveFields& fields,
                                                                 const SqlRows& rows,
                                                                 std::size_t r) {
  if (rows.IsNull(r, 15)) return std::nullopt;
  return RegistrationListRepresentative{
      rows.Text(r, 15) == "guardian" ? core::RepresentativeKind::kGuardian
                                     : core::RepresentativeKind::kAuthorised,
      rows.Text(r, 16), fields.Column(kRepresentativeCitizenId, rows, r, 17), rows.Text(r, 18)};
}

RegistrationListRow ReadRow(SensitiveFields& fields, const SqlRows& rows, std::size_t r) {
  RegistrationListRow row;
  row.beneficiary_id = rows.Int64(r, 0);
  row.code = rows.Text(r, 1);
  row.full_name = rows.Text(r, 2);
  row.birth_date = rows.Text(r, 3);
  row.sex = rows.Text(r, 4) == "male" ? core::Sex::kMale : core::Sex::kFemale;
  row.citizen_id = fields.Column(kBeneficiaryCitizenId, rows, r, 5);
  row.commune_code = rows.Text(r, 6);
  row.group = ParseStored(core::ParseBeneficiaryGroup(rows.Text(r, 7)), "policy_group");
  row.channel = ParseStored(core::ParsePaymentChannel(rows.Text(r, 8)), "channel");
  row.recipient = ParseStored(core::ParseRecipient(rows.Text(r, 9)), "recipient");
  row.bin = rows.Text(r, 10);
  row.account_number = fields.Column(kAccountNumber, rows, r, 11);
  row.holder_name = rows.Text(r, 12);
  row.valid = rows.Int64(r, 13) != 0;
  row.representative = ReadRepresentative(fields, rows, r);
  return row;
}

// "a; b" → {"a", "b"}.
std::vector<std::string> SplitProblems(const std::string& problems) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start < problems.size()) {
    const std::size_t end = std::min(problems.find("; ", start), problems.size());
    if (end > start) codes.push_back(problems.substr(start, end - start));
    start = end + 2;
  }
  return codes;
}

// Rows come one per (person, finding); folds them into one row per person.
// The stored problem codes stand until a finding names the reason in words.
void AppendRows(SensitiveFields& fields, const SqlRows& rows,
                std::vector<RegistrationListRow>& out) {
  bool named = false;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (out.empty() || out.back().beneficiary_id != rows.Int64(r, 0)) {
      out.push_back(ReadRow(fields, rows, r));
      if (!out.back().valid) out.back().problems = SplitProblems(rows.Text(r, 14));
      named = false;
    }
    auto message = rows.OptionalText(r, 19);
    if (!message) continue;
    if (!named) out.back().problems.clear();
    named = true;
    out.back().problems.push_back(std::move(*message));
  }
}

class SqlRegistrationListStore : public RegistrationListStore {
 public:
  explicit SqlRegistrationListStore(SqlSession& session) : session_(session) {}

  Result<std::vector<RegistrationListRow>> ActiveInCommunes(
      const std::string& edition, std::vector<std::string> commune_codes) override {
    std::vector<RegistrationListRow> out;
    SensitiveFields fields(session_);
    constexpr std::size_t kChunk = kMaxBoundParams - 1;  // ?1 is the edition
    for (std::size_t first = 0; first < commune_codes.size(); first += kChunk) {
      const std::size_t count = std::min(kChunk, commune_codes.size() - first);
      SqlParams params{SqlText(edition)};
      for (std::size_t i = first; i < first + count; ++i) params.push_back(SqlText(commune_codes[i]));
      const std::string sql = std::string(kListSelect) + ShiftPlaceholders(Placeholders(count), 1) +
                              std::string(kOrder);
      auto rows = session_.Query(sql, params);
      if (!rows) return Fail(std::move(rows.error()));
      AppendRows(fields, *rows, out);
    }
    // Sorted here, bytewise, so both databases give the same order whatever
    // their collation.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::tie(a.commune_code, a.code) < std::tie(b.commune_code, b.code);
    });
    return out;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<RegistrationListStore> MakeRegistrationListStore(SqlSession& session) {
  return std::make_unique<SqlRegistrationListStore>(session);
}

}  // namespace ansinh::store
