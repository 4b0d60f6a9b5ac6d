// The register's lifecycle on both stores: suspend, reinstate, terminate with
// a reason, every step in the history, and "what did we know on day D".
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/import_service.h"
#include "app/registry_service.h"
#include "integration/registry_test_fixture.h"

namespace ansinh::app {
namespace {

class RegistryLifecycleTest : public testing_support::RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto report = ImportBeneficiaryBytes(session(), codes(), "seed.csv",
                                         testing_support::ImportCsv({{}, {{"ma_doi_tuong", "BT002"}}}),
                                         {}, By("cli:seed"));
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_TRUE(report->committed);
  }
  RegistryService Registry() { return RegistryService(session(), codes()); }
};

StatusChange Step(StatusChange::Kind kind) {
  StatusChange change;
  change.kind = kind;
  return change;
}

TEST_P(RegistryLifecycleTest, SuspendReinstateTerminateAreKeptInHistory) {
  auto registry = Registry();
  auto suspended = registry.ChangeStatus("BT001", Step(StatusChange::Kind::kSuspend), By("cli:a", 1));
  ASSERT_TRUE(suspended) << suspended.error().message;
  EXPECT_EQ(suspended->beneficiary.person.status, core::BeneficiaryStatus::kSuspended);
  auto reinstated = registry.ChangeStatus("BT001", Step(StatusChange::Kind::kReinstate), By("cli:b", 2));
  ASSERT_TRUE(reinstated) << reinstated.error().message;
  StatusChange death = Step(StatusChange::Kind::kTerminate);
  death.reason = core::TerminationReason::kDeath;
  death.date = *core::Date::Parse("20/06/2024");
  auto terminated = registry.ChangeStatus("BT001", death, By("cli:c", 3));
  ASSERT_TRUE(terminated) << terminated.error().message;
  const auto& termination = terminated->beneficiary.person.termination;
  ASSERT_TRUE(termination.has_value());
  EXPECT_EQ(termination->effective_from.ToString(), "2024-07");
  auto history = registry.History("BT001");
  ASSERT_TRUE(history) << history.error().message;
  ASSERT_EQ(history->size(), 4u);
  EXPECT_EQ((*history)[0].change_kind, "imported");
  EXPECT_EQ((*history)[1].change_kind, "suspended");
  EXPECT_EQ((*history)[1].changed_by, "cli:a");
  EXPECT_EQ((*history)[3].change_kind, "terminated");
  EXPECT_EQ((*history)[3].reason, "death");
  EXPECT_TRUE((*history)[3].before_json.has_value());
}

// Every change is also in the chained audit log, by actor, bound to the
// sealed history snapshots by their SHA-256 and holding no personal data.
TEST_P(RegistryLifecycleTest, EveryChangeIsInTheAuditLogWithoutPersonalData) {
  auto registry = Registry();
  ASSERT_TRUE(registry.ChangeStatus("BT001", Step(StatusChange::Kind::kSuspend), By("cli:a", 1)));
  auto rows = session().Query(
      "SELECT actor, object_id, before_json, after_json FROM audit_log"
      " WHERE action = 'beneficiary.suspended'");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->Text(0, 0), "cli:a");
  EXPECT_EQ(rows->Text(0, 1), "BT001");
  const auto before = nlohmann::json::parse(rows->Text(0, 2));
  const auto after = nlohmann::json::parse(rows->Text(0, 3));
  EXPECT_EQ(before["snapshot_sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(after["snapshot_sha256"].get<std::string>().size(), 64u);
  EXPECT_NE(before["snapshot_sha256"], after["snapshot_sha256"]);
  EXPECT_EQ(rows->Text(0, 3).find("so_dinh_danh"), std::string::npos);
  EXPECT_EQ(rows->Text(0, 3).find("citizen_id"), std::string::npos);
}

TEST_P(RegistryLifecycleTest, AnswersWhatWasKnownOnADay) {
  auto registry = Registry();
  ASSERT_TRUE(registry.ChangeStatus("BT001", Step(StatusChange::Kind::kSuspend), By("cli:a", 10)));
  auto before = registry.AsOf("BT001", Day(5));
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ((*before)["beneficiary"]["status"], "active");
  auto after = registry.AsOf("BT001", Day(11));
  ASSERT_TRUE(after);
  EXPECT_EQ((*after)["beneficiary"]["status"], "suspended");
  auto not_yet = registry.AsOf("BT001", Day(-1));
  ASSERT_TRUE(not_yet);
  EXPECT_TRUE(not_yet->is_null());
}

TEST_P(RegistryLifecycleTest, RefusesImpossibleSteps) {
  auto registry = Registry();
  auto reinstate = registry.ChangeStatus("BT001", Step(StatusChange::Kind::kReinstate), By("cli:a"));
  ASSERT_FALSE(reinstate);
  EXPECT_EQ(reinstate.error().code, "beneficiary.status_transition");
  StatusChange death = Step(StatusChange::Kind::kTerminate);
  death.reason = core::TerminationReason::kDeath;
  EXPECT_EQ(registry.ChangeStatus("BT001", death, By("cli:a")).error().code,
            "termination.date_required");
  StatusChange moved = Step(StatusChange::Kind::kTerminate);
  moved.reason = core::TerminationReason::kMovedAway;
  EXPECT_EQ(registry.ChangeStatus("BT001", moved, By("cli:a")).error().code,
            "termination.destination_required");
  EXPECT_EQ(registry.ChangeStatus("NOPE", death, By("cli:a")).error().code, "beneficiary.not_found");
  auto history = registry.History("BT001");
  ASSERT_TRUE(history);
  EXPECT_EQ(history->size(), 1u);
}

TEST_P(RegistryLifecycleTest, EntitlementPolicyMustExistAndFitTheGroup) {
  auto registry = Registry();
  core::Entitlement unknown{"NO-SUCH", *core::Period::Parse("2024-10"), std::nullopt, "QĐ 1", std::nullopt};
  EXPECT_EQ(registry.AddEntitlement("BT001", unknown, By("cli:a")).error().code, "policy.unknown");
  core::Entitlement other_group{"NCC-I.3.1-1", *core::Period::Parse("2024-10"), std::nullopt, "QĐ 2",
                                core::MoneyVnd::FromDong(2'789'000)};
  EXPECT_EQ(registry.AddEntitlement("BT001", other_group, By("cli:a")).error().code,
            "policy.group_mismatch");
  core::Entitlement fine{"BTXH-5.5c", *core::Period::Parse("2024-10"), std::nullopt, "QĐ 3", std::nullopt};
  auto added = registry.AddEntitlement("BT001", fine, By("cli:a"));
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->entitlements.size(), 2u);
}

TEST_P(RegistryLifecycleTest, NewAccountOfAnActivePersonIsSecurityRelevant) {
  auto registry = Registry();
  PaymentMethodChange change{core::PaymentMethod{core::PaymentChannel::kBankAccount,
                                                 core::Recipient::kSelf,
                                                 core::AccountField{"970436", "0123456789", std::nullopt},
                                                 "NGUYEN VAN AN", true, *core::Period::Parse("2024-10")},
                             std::nullopt};
  auto changed = registry.SetPaymentMethod("BT001", change, By("cli:a", 1));
  ASSERT_TRUE(changed) << changed.error().message;
  ASSERT_TRUE(changed->payment_method.has_value());
  EXPECT_TRUE(changed->payment_method->valid) << changed->payment_method->problems;
  auto history = registry.History("BT001");
  ASSERT_TRUE(history);
  EXPECT_EQ(history->back().change_kind, "account_changed");
  EXPECT_TRUE(history->back().security_relevant);
  change.method.channel = core::PaymentChannel::kCashHome;
  change.method.account.reset();
  EXPECT_EQ(registry.SetPaymentMethod("BT001", change, By("cli:a", 2)).error().code,
            "payment_method.cash_home_not_special_case");
}

TEST_P(RegistryLifecycleTest, SearchesByNameWithoutDiacriticsAndFilters) {
  auto registry = Registry();
  store::BeneficiaryQuery query;
  query.name = "nguyen van";
  query.commune_code = "00001";
  query.page_size = 1;
  auto page = registry.Search(query);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->total, 2);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].person.code.value(), "BT001");
  query.status = core::BeneficiaryStatus::kSuspended;
  EXPECT_EQ(registry.Search(query)->total, 0);
  store::BeneficiaryQuery by_id;
  by_id.citizen_id = "001050123456";
  by_id.channel = core::PaymentChannel::kCashPaypoint;
  EXPECT_EQ(registry.Search(by_id)->total, 2);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(RegistryLifecycleTest);

}  // namespace
}  // namespace ansinh::app
