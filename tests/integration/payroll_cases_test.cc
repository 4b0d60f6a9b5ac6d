// The payroll end to end through the real store and service, driven by the
// table tests/integration/data/payroll_cases.csv: each case is a scenario of
// steps (people registered, runs, approvals, status changes, rates added) and
// expectations (lines, amounts, statuses, receivables, changes, errors), run
// on a fresh register of district 001 (commune 00001), on both stores.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/payroll_changes.h"
#include "app/payroll_service.h"
#include "app/rates_service.h"
#include "app/registry_service.h"
#include "formats/xlsx_reader.h"
#include "integration/registry_test_fixture.h"
#include "store/policy_rate_store.h"
#include "unit/test_table.h"

namespace ansinh::app {
namespace {

using test::TableRow;

enum Col { kCase = 0, kOp, kCode, kA, kB, kC, kD, kExpect };

std::vector<TableRow> ReadCases() {
  const std::string path = std::string(ANSINH_TEST_DATA_DIR) + "/integration/data/payroll_cases.csv";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<TableRow> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (number == 1 || line.empty() || line[0] == '#') continue;
    rows.push_back({path, number, test::SplitCells(line)});
  }
  return rows;
}

// The amount a FIXED policy's entitlement carries (the rates decide the pay).
const std::map<std::string, std::int64_t> kFixedAmounts = {{"NCC-I.3.1-1", 2'055'000},
                                                           {"NCC-I.3.4-1", 1'644'000}};

core::Beneficiary Person(const TableRow& row) {
  const bool ncc = row.at(kB).rfind("NCC", 0) == 0;
  core::Beneficiary person{
      *core::BeneficiaryCode::Parse(row.at(kCode)),
      "Nguyễn Văn An",
      *core::Date::Parse(row.at(kA)),
      core::Sex::kMale,
      {"", std::nullopt},
      {"", std::nullopt},
      *core::AdminUnitCode::ParseAtLevel("00001", core::AdminLevel::kCommune),
      "Thôn Đông",
      ncc ? core::BeneficiaryGroup::kNcc : core::BeneficiaryGroup::kBtxh,
      core::BeneficiaryStatus::kActive,
      std::nullopt,
      false,
      false,
      std::nullopt};
  if (!row.at(kD).empty()) person.paid_through = *core::Period::ParseMonthYear(row.at(kD));
  return person;
}

core::Entitlement EntitlementOf(const TableRow& row) {
  core::Entitlement entitlement{row.at(kB), *core::Period::ParseMonthYear(row.at(kC)),
                                std::nullopt, "QĐ-" + row.at(kCode), std::nullopt};
  if (auto fixed = kFixedAmounts.find(row.at(kB)); fixed != kFixedAmounts.end()) {
    entitlement.fixed_amount = core::MoneyVnd::FromDong(fixed->second);
  }
  return entitlement;
}

// TIEN_MAT: cash at the pay point; TAI_KHOAN: a good bank account;
// TAI_KHOAN_BAD: an account number too short to be one (an invalid method).
PaymentMethodChange MethodOf(const TableRow& row) {
  core::PaymentMethod method{core::PaymentChannel::kCashPaypoint, core::Recipient::kSelf,
                             std::nullopt, "", true, *core::Period::ParseMonthYear(row.at(kC))};
  if (row.at(kExpect) != "TIEN_MAT") {
    method.channel = core::PaymentChannel::kBankAccount;
    method.account = core::AccountField{
        "970436", row.at(kExpect) == "TAI_KHOAN_BAD" ? "12" : "0123456789", std::nullopt};
    method.holder_name = "NGUYEN VAN AN";
  }
  return {method, std::nullopt};
}

class PayrollCasesTest : public testing_support::RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto levels = store::MakePolicyRateStore(session())->ListStandardLevels();
    ASSERT_TRUE(levels);
    shipped_levels_ = *levels;
  }

  static AuditActor As(const std::string& name) { return {std::nullopt, name, "cli", ""}; }
  static PayrollRequest Request(const std::string& period, const std::string& actor) {
    return {period, "001", std::nullopt, As(actor), Day()};
  }
  PayrollService Payroll() { return PayrollService(session()); }

  // Back to the initialised register with the shipped rates.
  void Reset() {
    for (const char* table :
         {"payment_line_releases", "payment_lines", "recovery_receivables", "one_off_payments",
          "pay_cycles", "office_go_live", "findings", "beneficiary_history", "payment_methods",
          "representatives", "entitlements", "beneficiaries", "import_runs"}) {
      ASSERT_TRUE(session().Execute(std::string("DELETE FROM ") + table)) << table;
    }
    ASSERT_TRUE(session().Execute("DELETE FROM standard_levels WHERE added_by IS NOT NULL"));
    ASSERT_TRUE(session().Execute("DELETE FROM policy_rates WHERE added_by IS NOT NULL"));
    ASSERT_TRUE(store::MakePolicyRateStore(session())->InsertStandardLevels(shipped_levels_));
  }

  // Registers the person on their first row; every row adds an entitlement.
  void AddPerson(const TableRow& row) {
    RegistryService registry(session(), codes());
    if (!registry.Show(row.at(kCode))) {
      auto created = registry.Create(Person(row), By("cli:xa"));
      ASSERT_TRUE(created) << created.error().message;
      auto method = registry.SetPaymentMethod(row.at(kCode), MethodOf(row), By("cli:xa"));
      ASSERT_TRUE(method) << method.error().message;
    }
    auto added = registry.AddEntitlement(row.at(kCode), EntitlementOf(row), By("cli:xa"));
    ASSERT_TRUE(added) << added.error().message;
  }

  nlohmann::json Show(const std::string& period) {
    std::ostringstream out;
    auto ok = Payroll().WriteCycleJson(Request(period, "viewer"), out);
    EXPECT_TRUE(ok) << (ok ? "" : ok.error().code);
    return ok ? nlohmann::json::parse(out.str()) : nlohmann::json::object();
  }

  static void ExpectOutcome(const Status& outcome, const TableRow& row) {
    if (row.at(kExpect) == "ok" || row.at(kExpect).empty()) {
      EXPECT_TRUE(outcome) << (outcome ? "" : outcome.error().code + ": " + outcome.error().message);
    } else {
      ASSERT_FALSE(outcome) << "expected " << row.at(kExpect);
      EXPECT_EQ(outcome.error().code, row.at(kExpect));
    }
  }

  static Status AsStatus(const auto& result) {
    if (result) return {};
    return Fail(result.error());
  }

  void ChangeStatus(const TableRow& row, StatusChange change) {
    auto done = RegistryService(session(), codes()).ChangeStatus(row.at(kCode), change, By("cli:xa"));
    ASSERT_TRUE(done) << done.error().message;
  }

  void Step(const TableRow& row);
  void Expect(const TableRow& row);
  void ExpectXlsxReason(const TableRow& row);

  std::vector<formats::StandardLevelRecord> shipped_levels_;
};

void PayrollCasesTest::Step(const TableRow& row) {
  const std::string& op = row.at(kOp);
  if (op == "person") {
    AddPerson(row);
  } else if (op == "run") {
    ExpectOutcome(AsStatus(Payroll().Run(Request(row.at(kA), row.at(kB)))), row);
  } else if (op == "approve") {
    ExpectOutcome(AsStatus(Payroll().Approve(Request(row.at(kA), row.at(kB)))), row);
  } else if (op == "die") {
    StatusChange change;
    change.kind = StatusChange::Kind::kTerminate;
    change.reason = core::TerminationReason::kDeath;
    change.date = *core::Date::Parse(row.at(kA));
    ChangeStatus(row, change);
  } else if (op == "suspend" || op == "reinstate") {
    StatusChange change;
    change.kind = op == "suspend" ? StatusChange::Kind::kSuspend : StatusChange::Kind::kReinstate;
    change.effective_from = *core::Period::Parse(row.at(kA));
    change.back_pay = row.at(kB) == "yes";
    ChangeStatus(row, change);
  } else if (op == "level") {
    auto added = RatesService(session()).AddStandardLevel(
        {row.at(kCode), std::stoll(row.at(kA)), row.at(kB), "test", ""}, As("province"));
    ASSERT_TRUE(added) << added.error().message;
  } else if (op == "rate") {
    NewPolicyRate rate{row.at(kCode), 0, std::nullopt, std::nullopt, std::stoll(row.at(kA)),
                       row.at(kB),    std::nullopt, "test"};
    auto added = RatesService(session()).AddPolicyRate(rate, As("province"));
    ASSERT_TRUE(added) << added.error().message;
  } else if (op == "drop_level") {
    ASSERT_TRUE(session().Execute(
        "DELETE FROM standard_levels WHERE kind = ?1 AND CAST(effective_from AS TEXT) = ?2",
        {store::SqlText(row.at(kCode)), store::SqlText(row.at(kA))}));
  } else if (op == "one_off") {
    auto id = Payroll().AddOneOff(row.at(kCode), row.at(kA), row.at(kB), "mai_tang",
                                  std::stoll(row.at(kC)), As("xa"), Day());
    ASSERT_TRUE(id) << id.error().message;
  } else if (op == "release") {
    bool released = false;
    const nlohmann::json shown = Show(row.at(kA));
    for (const auto& line : shown["lines"]) {
      if (line["beneficiary_code"] != row.at(kCode) || line["status"] != "held") continue;
      auto done = Payroll().ReleaseToCash(line["line_id"], As("huyen"), Day());
      ASSERT_TRUE(done) << done.error().message;
      EXPECT_EQ(done->channel, "CASH_PAYPOINT");
      released = true;
    }
    EXPECT_TRUE(released) << "no held line of " << row.at(kCode);
  } else if (op == "rerun_identical") {
    auto first = Payroll().Run(Request(row.at(kA), row.at(kB)));
    ASSERT_TRUE(first) << first.error().message;
    const std::string shown = Show(row.at(kA)).dump();
    auto second = Payroll().Run(Request(row.at(kA), row.at(kB)));
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(first->cycle.run_fingerprint, second->cycle.run_fingerprint);
    EXPECT_EQ(Show(row.at(kA)).dump(), shown);
    std::ostringstream raw_first;
    std::ostringstream raw_second;
    ASSERT_TRUE(Payroll().WriteCycleJson(Request(row.at(kA), "x"), raw_first));
    ASSERT_TRUE(Payroll().Run(Request(row.at(kA), row.at(kB))));
    ASSERT_TRUE(Payroll().WriteCycleJson(Request(row.at(kA), "x"), raw_second));
    EXPECT_EQ(raw_first.str(), raw_second.str());
    EXPECT_GT(first->totals.all.count, 0);
  } else {
    Expect(row);
  }
}

void PayrollCasesTest::Expect(const TableRow& row) {
  const std::string& op = row.at(kOp);
  if (op == "line") {
    const nlohmann::json shown = Show(row.at(kA));
    bool found = false;
    for (const auto& line : shown["lines"]) {
      if (line["beneficiary_code"] != row.at(kCode) || line["kind"] != row.at(kB) ||
          line["for_period"] != row.at(kC) || line["amount_vnd"] != std::stoll(row.at(kD))) {
        continue;
      }
      found = true;
      if (!row.at(kExpect).empty()) {
        EXPECT_EQ(line["status"], row.at(kExpect));
      }
    }
    EXPECT_TRUE(found) << "no such line in " << shown.dump();
  } else if (op == "lines") {
    const nlohmann::json shown = Show(row.at(kA));
    EXPECT_EQ(shown["lines"].size(), std::stoul(row.at(kExpect))) << shown.dump();
    EXPECT_EQ(shown["totals"]["count"], std::stoll(row.at(kExpect)));
  } else if (op == "receivable") {
    auto receivables = Payroll().Receivables(Request(row.at(kA), "x"));
    ASSERT_TRUE(receivables) << receivables.error().message;
    std::size_t matching = 0;
    for (const auto& r : *receivables) {
      if (r.beneficiary_code == row.at(kCode) && r.for_period == row.at(kB)) {
        ++matching;
        EXPECT_EQ(r.amount_vnd, std::stoll(row.at(kC)));
      }
    }
    EXPECT_EQ(matching, 1u);
  } else if (op == "change_xlsx") {
    ExpectXlsxReason(row);
  } else if (op == "change" || op == "changes") {
    auto changes = CollectChanges(session(), Request(row.at(kA), "x"));
    ASSERT_TRUE(changes) << changes.error().message;
    if (op == "changes") {
      EXPECT_EQ(changes->changes.size(), std::stoul(row.at(kExpect)));
      return;
    }
    bool found = false;
    for (const auto& change : changes->changes) {
      if (change.beneficiary_code != row.at(kCode)) continue;
      found = true;
      EXPECT_EQ(change.change, row.at(kExpect));
      if (!row.at(kD).empty()) {
        EXPECT_EQ(change.reason.value_or(""), row.at(kD));
        EXPECT_EQ(ToJson(*changes)["changes"][0].count("reason"), 1u);
      }
    }
    EXPECT_TRUE(found) << ToJson(*changes).dump();
  } else {
    FAIL() << "unknown step " << op;
  }
}

// The sheet of the changes list: the person's row carries the reason of the
// decrease in Vietnamese in the "Lý do giảm" column.
void PayrollCasesTest::ExpectXlsxReason(const TableRow& row) {
  auto changes = CollectChanges(session(), Request(row.at(kA), "x"));
  ASSERT_TRUE(changes) << changes.error().message;
  testing_support::TempDir dir;
  const auto file = dir.path() / "tang-giam.xlsx";
  ASSERT_TRUE(WriteChangesXlsx(*changes, file, ExportStamp{"x", Day()}));
  auto rows = formats::ReadXlsxFile(file);
  ASSERT_TRUE(rows) << rows.error().message;
  std::optional<std::size_t> column;
  bool found = false;
  for (const auto& sheet_row : *rows) {
    for (std::size_t c = 0; c < 8 && !column; ++c) {
      if (sheet_row.Cell(c) == "Lý do giảm") column = c;
    }
    if (!column || sheet_row.Cell(0) != row.at(kCode)) continue;
    found = true;
    EXPECT_EQ(sheet_row.Cell(*column), row.at(kExpect));
  }
  EXPECT_TRUE(column) << "no reason column";
  EXPECT_TRUE(found) << "no row of " << row.at(kCode);
}

TEST_P(PayrollCasesTest, EveryCaseOfTheTable) {
  const auto rows = ReadCases();
  ASSERT_FALSE(rows.empty());
  std::string current;
  for (const TableRow& row : rows) {
    if (row.at(kCase) != current) {
      current = row.at(kCase);
      Reset();
    }
    SCOPED_TRACE(testing::PrintToString(row));
    Step(row);
    if (HasFatalFailure()) return;
  }
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(PayrollCasesTest);

}  // namespace
}  // namespace ansinh::app
