// The cycle, data-driven: each scenario of payroll_cycle_cases.csv builds one
// person's facts, runs cycles on the shipped rates, books approved ones into
// the paid ledger, and states every line, receivable or error a run produces
// (the file's header explains the steps).
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/payroll.h"
#include "unit/payroll_test_support.h"
#include "unit/test_table.h"

namespace ansinh::core {
namespace {

using test::Day;
using test::Dong;
using test::Month;
using test::TableRow;

struct Scenario {
  std::string name;
  std::vector<TableRow> rows;
};

void PrintTo(const Scenario& scenario, std::ostream* out) {
  *out << scenario.name;
}

std::vector<Scenario> LoadScenarios() {
  std::vector<Scenario> scenarios;
  for (TableRow& row : test::ReadTable("payroll_cycle_cases.csv")) {
    if (scenarios.empty() || scenarios.back().name != row.at(0)) {
      scenarios.push_back(Scenario{row.at(0), {}});
    }
    scenarios.back().rows.push_back(std::move(row));
  }
  return scenarios;
}

std::optional<Period> OptionalMonth(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return Month(text);
}

std::string Describe(const ComputedLine& line) {
  std::ostringstream text;
  text << LineKindCode(line.kind) << " " << line.entitlement_id << " " << line.for_period.ToString()
       << " " << line.amount.dong();
  return text.str();
}

std::string Describe(const RecoveryReceivable& receivable) {
  std::ostringstream text;
  text << receivable.entitlement_id << " " << receivable.for_period.ToString() << " "
       << receivable.amount.dong();
  return text.str();
}

// Plays one scenario row by row.
class ScenarioPlayer {
 public:
  void Play(const TableRow& row) {
    const std::string& step = row.at(1);
    const bool expectation = step == "line" || step == "recv" || step == "error";
    if (!expectation) CheckPendingRun();
    if (step == "person") {
      person_.emplace(PersonFacts{1,
                                  "BTXH-TEST-1",
                                  BeneficiaryGroup::kBtxh,
                                  Day(row.at(2)),
                                  std::nullopt,
                                  {},
                                  OptionalMonth(row.at(3)),
                                  {}});
      if (!row.at(4).empty()) Terminate(row.at(4));
    } else if (step == "ent") {
      std::optional<MoneyVnd> fixed;
      if (!row.at(6).empty()) fixed = Dong(std::stoll(row.at(6)));
      person_->entitlements.push_back(EntitlementFacts{
          std::stoll(row.at(2)),
          Entitlement{row.at(3), Month(row.at(4)), OptionalMonth(row.at(5)), "QĐ", fixed}});
    } else if (step == "end") {
      for (auto& facts : person_->entitlements) {
        if (facts.entitlement_id == std::stoll(row.at(2))) facts.entitlement.end = Month(row.at(3));
      }
    } else if (step == "term") {
      Terminate(row.at(2));
    } else if (step == "susp") {
      person_->suspensions.push_back(
          SuspensionSpan{Month(row.at(2)), OptionalMonth(row.at(3)), row.at(4) == "Y"});
    } else if (step == "clearsusp") {
      person_->suspensions.clear();
    } else if (step == "paid") {
      Book(std::stoll(row.at(2)), Month(row.at(3)), std::stoll(row.at(4)));
    } else if (step == "oneoff") {
      one_offs_.push_back(OneOffPayment{1, row.at(2), "mai_tang", Dong(std::stoll(row.at(3)))});
    } else if (step == "level") {
      AddLevel(row);
    } else if (step == "run") {
      Run(row);
    } else if (step == "approve") {
      Approve();
    } else if (step == "line") {
      expected_lines_.push_back(row.at(2) + " " + row.at(3) + " " + row.at(4) + " " + row.at(5));
    } else if (step == "recv") {
      expected_receivables_.push_back(row.at(2) + " " + row.at(3) + " " + row.at(4));
    } else if (step == "error") {
      expected_error_ = row;
    } else {
      FAIL() << "unknown step " << step << " at line " << row.line;
    }
  }

  void Finish() { CheckPendingRun(); }

 private:
  void Terminate(const std::string& from) {
    person_->termination =
        Termination{TerminationReason::kDeath, std::nullopt, std::nullopt, Month(from)};
  }

  void Book(std::int64_t entitlement_id, Period month, std::int64_t amount) {
    auto [it, inserted] = paid_.try_emplace(PaidKey{entitlement_id, month}, MoneyVnd::Zero());
    it->second = it->second.Add(Dong(amount)).value();
  }

  void AddLevel(const TableRow& row) {
    extra_levels_.push_back(StandardLevel{row.at(2), Dong(std::stoll(row.at(3))), Day(row.at(4))});
    const std::filesystem::path dir = ANSINH_REFERENCE_DATA_DIR;
    auto levels =
        formats::ToStandardLevels(formats::LoadStandardLevels(dir / "standard_levels.csv").value());
    auto rates = formats::ToPolicyRates(formats::LoadPolicyRates(dir / "policy_rates.csv").value());
    levels->insert(levels->end(), extra_levels_.begin(), extra_levels_.end());
    own_rates_.emplace(std::move(*levels), std::move(*rates));
  }

  const RateTable& Rates() const { return own_rates_ ? *own_rates_ : test::ShippedRates(); }

  void Run(const TableRow& row) {
    CycleOptions options{Month(row.at(2)), 60};
    if (row.cells.size() > 3 && !row.at(3).empty()) options.lookback_months = std::stoi(row.at(3));
    run_line_ = row.line;
    last_ = ComputePersonCycle(*person_, Rates(), paid_, one_offs_, options);
  }

  void Approve() {
    ASSERT_TRUE(last_ && *last_) << "approve without a successful run";
    for (const ComputedLine& line : (*last_)->lines) {
      if (line.kind != LineKind::kOneOff)
        Book(line.entitlement_id, line.for_period, line.amount.dong());
    }
    for (const RecoveryReceivable& receivable : (*last_)->receivables) {
      Book(receivable.entitlement_id, receivable.for_period, -receivable.amount.dong());
    }
    one_offs_.clear();  // paid once
  }

  void CheckPendingRun() {
    if (run_line_ == 0) return;
    SCOPED_TRACE("run at line " + std::to_string(run_line_));
    if (expected_error_) {
      ASSERT_FALSE(*last_) << "expected " << expected_error_->at(2);
      EXPECT_EQ(last_->error().code, expected_error_->at(2));
      for (std::size_t i = 3; i < expected_error_->cells.size(); ++i) {
        EXPECT_NE(last_->error().message.find(expected_error_->at(i)), std::string::npos)
            << last_->error().message << " lacks " << expected_error_->at(i);
      }
    } else {
      ASSERT_TRUE(*last_) << last_->error().message;
      std::vector<std::string> lines;
      std::vector<std::string> receivables;
      std::int64_t net = 0;
      for (const ComputedLine& line : (*last_)->lines) {
        lines.push_back(Describe(line));
        net += line.amount.dong();
      }
      for (const RecoveryReceivable& r : (*last_)->receivables) receivables.push_back(Describe(r));
      EXPECT_EQ(lines, expected_lines_);
      EXPECT_EQ(receivables, expected_receivables_);
      EXPECT_GE(net, 0) << "a person's net payment is never negative";
    }
    run_line_ = 0;
    expected_lines_.clear();
    expected_receivables_.clear();
    expected_error_.reset();
  }

  std::optional<PersonFacts> person_;
  PaidLedger paid_;
  std::vector<OneOffPayment> one_offs_;
  std::vector<StandardLevel> extra_levels_;
  std::optional<RateTable> own_rates_;
  std::optional<Result<CycleComputation>> last_;
  int run_line_ = 0;
  std::vector<std::string> expected_lines_;
  std::vector<std::string> expected_receivables_;
  std::optional<TableRow> expected_error_;
};

class PayrollScenario : public ::testing::TestWithParam<Scenario> {};

TEST_P(PayrollScenario, ProducesExactlyTheStatedLines) {
  ScenarioPlayer player;
  for (const TableRow& row : GetParam().rows) {
    SCOPED_TRACE(row.file + ":" + std::to_string(row.line));
    player.Play(row);
    if (HasFatalFailure()) return;
  }
  player.Finish();
}

struct ScenarioName {
  std::string operator()(const ::testing::TestParamInfo<Scenario>& param) const {
    std::string name = param.param.name;
    for (char& c : name) {
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return name;
  }
};

INSTANTIATE_TEST_SUITE_P(Cases, PayrollScenario, ::testing::ValuesIn(LoadScenarios()),
                         ScenarioName());

}  // namespace
}  // namespace ansinh::core
