#include "store/payroll_facts_store.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

// One row per entitlement of every person of the id range.
constexpr const char* kPersonSelect =
    "SELECT b.id, b.code, b.birth_date, b.policy_group, b.commune_code, b.paid_through, "
    "b.termination_reason, CAST(b.termination_date AS TEXT), b.destination_commune, "
    "b.termination_effective, e.id, e.policy_code, e.start_month, e.end_month, "
    "e.decision_number, e.fixed_amount_vnd, pm.channel, pm.recipient, pm.valid, pm.problems, "
    "CAST(r.valid_from AS TEXT), CAST(r.valid_to AS TEXT) "
    "FROM beneficiaries b JOIN entitlements e ON e.beneficiary_id = b.id "
    "LEFT JOIN payment_methods pm ON pm.beneficiary_id = b.id "
    "LEFT JOIN representatives r ON r.beneficiary_id = b.id AND pm.recipient <> 'SELF' "
    "WHERE b.id BETWEEN ?1 AND ?2 AND ";

// Codes come from the admin-unit table and are checked to be digits, so they
// can be inlined: an office of a thousand communes needs no bound parameters.
std::string InList(const std::vector<std::string>& codes) {
  std::string text;
  for (const std::string& code : codes) {
    if (code.empty() || !std::all_of(code.begin(), code.end(),
                                     [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    text += (text.empty() ? "'" : ", '") + code + "'";
  }
  return text.empty() ? "NULL" : text;
}

std::string CommuneFilter(const OfficeCommunes& communes) {
  return "((b.commune_edition = 'pre2025' AND b.commune_code IN (" + InList(communes.pre2025) +
         ")) OR (b.commune_edition = '2025' AND b.commune_code IN (" + InList(communes.y2025) +
         ")))";
}

core::Period MonthOf(std::string_view text, const char* column) {
  return ParseStored(core::Period::Parse(text), column);
}

std::optional<core::Date> OptionalDate(const SqlRow& row, std::size_t c, const char* column) {
  auto text = row.OptionalText(c);
  if (!text) return std::nullopt;
  return ParseStored(core::Date::Parse(*text), column);
}

std::optional<core::Termination> ReadTermination(const SqlRow& row) {
  auto reason = row.OptionalText(6);
  if (!reason) return std::nullopt;
  core::Termination termination{
      ParseStored(core::ParseTerminationReason(*reason), "termination_reason"),
      OptionalDate(row, 7, "termination_date"), std::nullopt,
      MonthOf(row.Text(9), "termination_effective")};
  if (auto destination = row.OptionalText(8)) {
    auto code = core::AdminUnitCode::ParseAtLevel(*destination, core::AdminLevel::kCommune);
    if (code) termination.destination_commune = *code;
  }
  return termination;
}

std::optional<PayrollMethod> ReadMethod(const SqlRow& row) {
  if (row.IsNull(16)) return std::nullopt;
  return PayrollMethod{ParseStored(core::ParsePaymentChannel(row.Text(16)), "channel"),
                       ParseStored(core::ParseRecipient(row.Text(17)), "recipient"),
                       row.Int64(18) != 0, std::string(row.Text(19)),
                       OptionalDate(row, 20, "valid_from"), OptionalDate(row, 21, "valid_to")};
}

PayrollPerson ReadPerson(const SqlRow& row) {
  auto paid_through = row.OptionalText(5);
  core::PersonFacts facts{
      .beneficiary_id = row.Int64(0),
      .beneficiary_code = std::string(row.Text(1)),
      .group = ParseStored(core::ParseBeneficiaryGroup(row.Text(3)), "policy_group"),
      .birth_date = ParseStored(core::Date::Parse(row.Text(2)), "birth_date"),
      .termination = ReadTermination(row),
      .suspensions = {},
      .paid_through = paid_through ? std::optional<core::Period>(ParseStored(
                                         core::Period::Parse(*paid_through), "paid_through"))
                                   : std::nullopt,
      .entitlements = {}};
  return PayrollPerson{std::move(facts), std::string(row.Text(4)), ReadMethod(row)};
}

core::EntitlementFacts ReadEntitlement(const SqlRow& row) {
  auto fixed = row.OptionalInt64(15);
  return core::EntitlementFacts{
      row.Int64(10),
      core::Entitlement{std::string(row.Text(11)), MonthOf(row.Text(12), "start_month"),
                        row.IsNull(13)
                            ? std::nullopt
                            : std::optional<core::Period>(MonthOf(row.Text(13), "end_month")),
                        std::string(row.Text(14)),
                        fixed ? std::optional<core::MoneyVnd>(core::MoneyVnd::FromDong(*fixed))
                              : std::nullopt}};
}

// The last person's entitlements by id (the line order of the core).
void SortEntitlements(PayrollChunk& chunk) {
  if (chunk.persons.empty()) return;
  auto& entitlements = chunk.persons.back().facts.entitlements;
  if (entitlements.size() < 2) return;
  std::sort(entitlements.begin(), entitlements.end(),
            [](const core::EntitlementFacts& a, const core::EntitlementFacts& b) {
              return a.entitlement_id < b.entitlement_id;
            });
}

class SqlPayrollFactsStore : public PayrollFactsStore {
 public:
  explicit SqlPayrollFactsStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> MaxBeneficiaryId() override {
    auto rows = session_.Query("SELECT COALESCE(MAX(id), 0) FROM beneficiaries");
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Result<PayrollChunk> LoadChunk(const OfficeCommunes& communes, std::int64_t first_id,
                                 std::int64_t last_id, core::Period period,
                                 core::Period ledger_from) override {
    PayrollChunk chunk;
    if (auto ok = LoadPersons(communes, first_id, last_id, chunk); !ok) return Fail(ok.error());
    if (chunk.persons.empty()) return chunk;
    std::unordered_map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < chunk.persons.size(); ++i) {
      index.emplace(chunk.persons[i].facts.beneficiary_id, i);
    }
    if (auto ok = LoadSuspensions(first_id, last_id, index, chunk); !ok) return Fail(ok.error());
    if (auto ok = LoadLedger(first_id, last_id, ledger_from, chunk); !ok) return Fail(ok.error());
    if (auto ok = LoadOneOffs(first_id, last_id, period, index, chunk); !ok) {
      return Fail(ok.error());
    }
    return chunk;
  }

 private:
  Status LoadPersons(const OfficeCommunes& communes, std::int64_t first_id, std::int64_t last_id,
                     PayrollChunk& chunk) {
    // Ordered by person only: the rowid range scan gives that order for free,
    // while "b.id, e.id" made SQLite sort every person's entitlements in a
    // temporary B-tree. A person's few entitlements are put in id order here.
    auto read = session_.QueryEach(
        std::string(kPersonSelect) + CommuneFilter(communes) + " ORDER BY b.id",
        {SqlInt(first_id), SqlInt(last_id)}, [&chunk](const SqlRow& row) -> Status {
          if (chunk.persons.empty() || chunk.persons.back().facts.beneficiary_id != row.Int64(0)) {
            SortEntitlements(chunk);
            chunk.persons.push_back(ReadPerson(row));
          }
          chunk.persons.back().facts.entitlements.push_back(ReadEntitlement(row));
          return {};
        });
    if (!read) return read;
    SortEntitlements(chunk);
    return {};
  }

  Status LoadSuspensions(std::int64_t first_id, std::int64_t last_id,
                         const std::unordered_map<std::int64_t, std::size_t>& index,
                         PayrollChunk& chunk) {
    auto rows = session_.Query(
        "SELECT beneficiary_id, change_kind, effective_month FROM beneficiary_history "
        "WHERE beneficiary_id BETWEEN ?1 AND ?2 AND change_kind IN ('suspended', 'reinstated', "
        "'reinstated_back_pay') ORDER BY beneficiary_id, changed_at, id",
        {SqlInt(first_id), SqlInt(last_id)});
    if (!rows) return Fail(std::move(rows.error()));
    std::size_t r = 0;
    while (r < rows->size()) {
      const std::int64_t id = rows->Int64(r, 0);
      std::vector<StatusChangeRow> changes;
      for (; r < rows->size() && rows->Int64(r, 0) == id; ++r) {
        changes.push_back({rows->Text(r, 1), MonthOf(rows->Text(r, 2), "effective_month")});
      }
      const auto found = index.find(id);
      if (found != index.end()) {
        chunk.persons[found->second].facts.suspensions = SuspensionSpans(changes);
      }
    }
    return {};
  }

  // Lines of approved cycles per entitlement and month, minus the receivables
  // they raised (a receivable counts as recovered, so it is never raised twice).
  Status LoadLedger(std::int64_t first_id, std::int64_t last_id, core::Period ledger_from,
                    PayrollChunk& chunk) {
    static constexpr const char* kSql =
        "SELECT l.entitlement_id, l.for_period, CAST(SUM(l.amount_vnd) AS BIGINT) "
        "FROM payment_lines l JOIN pay_cycles c ON c.id = l.cycle_id "
        "WHERE l.beneficiary_id BETWEEN ?1 AND ?2 AND l.entitlement_id IS NOT NULL "
        "AND l.for_period >= ?3 AND c.status = 'approved' GROUP BY l.entitlement_id, l.for_period "
        "UNION ALL "
        "SELECT v.entitlement_id, v.for_period, CAST(-SUM(v.amount_vnd) AS BIGINT) "
        "FROM recovery_receivables v JOIN pay_cycles c ON c.id = v.cycle_id "
        "WHERE v.beneficiary_id BETWEEN ?1 AND ?2 AND v.for_period >= ?3 "
        "AND c.status = 'approved' GROUP BY v.entitlement_id, v.for_period";
    return session_.QueryEach(
        kSql, {SqlInt(first_id), SqlInt(last_id), SqlText(ledger_from.ToString())},
        [&chunk](const SqlRow& row) -> Status {
          const core::PaidKey key{row.Int64(0), MonthOf(row.Text(1), "for_period")};
          const auto amount = core::MoneyVnd::FromDong(row.Int64(2));
          auto [slot, inserted] = chunk.paid.emplace(key, amount);
          if (inserted) return {};
          auto sum = slot->second.Add(amount);
          if (!sum) return Fail(std::move(sum.error()));
          slot->second = *sum;
          return {};
        });
  }

  Status LoadOneOffs(std::int64_t first_id, std::int64_t last_id, core::Period period,
                     const std::unordered_map<std::int64_t, std::size_t>& index,
                     PayrollChunk& chunk) {
    auto rows = session_.Query(
        "SELECT id, beneficiary_id, decision_number, reason, amount_vnd FROM one_off_payments "
        "WHERE beneficiary_id BETWEEN ?1 AND ?2 AND period = ?3 ORDER BY beneficiary_id, id",
        {SqlInt(first_id), SqlInt(last_id), SqlText(period.ToString())});
    if (!rows) return Fail(std::move(rows.error()));
    for (std::size_t r = 0; r < rows->size(); ++r) {
      if (!index.contains(rows->Int64(r, 1))) continue;
      chunk.one_offs.push_back(PayrollOneOff{
          rows->Int64(r, 0),
          core::OneOffPayment{rows->Int64(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                              core::MoneyVnd::FromDong(rows->Int64(r, 4))}});
    }
    return {};
  }

  SqlSession& session_;
};

}  // namespace

std::vector<core::SuspensionSpan> SuspensionSpans(const std::vector<StatusChangeRow>& changes) {
  std::vector<core::SuspensionSpan> spans;
  for (const StatusChangeRow& change : changes) {
    const bool open = !spans.empty() && !spans.back().until;
    if (change.change_kind == "suspended") {
      if (!open) spans.push_back(core::SuspensionSpan{change.effective_month, std::nullopt, false});
      continue;
    }
    if (!open) continue;  // a reinstatement without a suspension changes nothing
    spans.back().until = change.effective_month;
    spans.back().back_pay = change.change_kind == "reinstated_back_pay";
  }
  return spans;
}

std::unique_ptr<PayrollFactsStore> MakePayrollFactsStore(SqlSession& session) {
  return std::make_unique<SqlPayrollFactsStore>(session);
}

}  // namespace ansinh::store
