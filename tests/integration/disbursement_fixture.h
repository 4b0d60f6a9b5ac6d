// The register a disbursement test starts from: people of district 001's
// commune 00001, each with one entitlement from 01/2024 and paid in cash or
// into a bank account (BIN 970436). BTXH people draw BTXH-5.5a (750,000 đ a
// month at their age), NCC people NCC-I.3.1-1.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "app/audit_log.h"
#include "app/registry_service.h"
#include "integration/registry_test_fixture.h"
#include "store/ledger_store.h"

namespace ansinh::testing_support {

struct DisbursementPerson {
  const char* code;
  bool ncc;
  const char* account;  // nullptr: cash at the pay point
};

class DisbursementFixture : public RegistryTest {
 protected:
  static app::AuditActor As(const std::string& name) { return {std::nullopt, name, "cli", ""}; }

  void AddPerson(const DisbursementPerson& spec) {
    app::RegistryService registry(session(), codes());
    core::Beneficiary person{
        *core::BeneficiaryCode::Parse(spec.code),
        "Nguyễn Văn An",
        *core::Date::Parse("1950"),
        core::Sex::kMale,
        {"", std::nullopt},
        {"", std::nullopt},
        *core::AdminUnitCode::ParseAtLevel("00001", core::AdminLevel::kCommune),
        "Thôn Đông",
        spec.ncc ? core::BeneficiaryGroup::kNcc : core::BeneficiaryGroup::kBtxh,
        core::BeneficiaryStatus::kActive,
        std::nullopt,
        false,
        false,
        std::nullopt};
    ASSERT_TRUE(registry.Create(person, By("cli:xa")));
    const auto start = *core::Period::ParseMonthYear("01/2024");
    core::PaymentMethod method{
        core::PaymentChannel::kCashPaypoint, core::Recipient::kSelf, std::nullopt, "", true, start};
    if (spec.account != nullptr) {
      method.channel = core::PaymentChannel::kBankAccount;
      method.account = core::AccountField{"970436", spec.account, std::nullopt};
      method.holder_name = "NGUYEN VAN AN";
    }
    auto set = registry.SetPaymentMethod(spec.code, {method, std::nullopt}, By("cli:xa"));
    ASSERT_TRUE(set) << set.error().message;
    core::Entitlement entitlement{spec.ncc ? "NCC-I.3.1-1" : "BTXH-5.5a", start, std::nullopt,
                                  std::string("QĐ-") + spec.code, std::nullopt};
    if (spec.ncc) entitlement.fixed_amount = core::MoneyVnd::FromDong(2'055'000);
    auto added = registry.AddEntitlement(spec.code, entitlement, By("cli:xa"));
    ASSERT_TRUE(added) << added.error().message;
  }

  // The ledger balance of `account` over every cycle.
  std::int64_t Balance(const std::string& account) {
    auto balances = store::MakeLedgerStore(session())->Balances();
    EXPECT_TRUE(balances);
    std::int64_t sum_vnd = 0;
    for (const auto& [key, amount_vnd] : *balances) {
      if (key.second == account) sum_vnd += amount_vnd;
    }
    return sum_vnd;
  }
};

}  // namespace ansinh::testing_support
