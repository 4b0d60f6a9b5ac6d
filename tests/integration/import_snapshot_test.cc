// The import writes history snapshots as text (app/import_service_snapshot.h);
// they must be byte for byte what store::SnapshotJson(...).dump() writes, or
// a re-import would see every person as changed.
#include <gtest/gtest.h>

#include "app/import_service_snapshot.h"

namespace ansinh::app {
namespace {

store::PersonAggregate Plain() {
  core::Beneficiary person{*core::BeneficiaryCode::Parse("BT001"),
                           "Nguyễn Văn An",
                           *core::Date::Parse("07/03/1950"),
                           core::Sex::kMale,
                           {"001050123456", std::nullopt},
                           {"", std::nullopt},
                           *core::AdminUnitCode::Parse("00001"),
                           "Thôn \"Đông\"\\ xóm\t1\n\x01",
                           core::BeneficiaryGroup::kBtxh,
                           core::BeneficiaryStatus::kActive,
                           std::nullopt,
                           false,
                           true,
                           std::nullopt};
  core::PaymentMethod method{core::PaymentChannel::kCashPaypoint, core::Recipient::kSelf,
                             std::nullopt, "", false, *core::Period::Parse("2024-01")};
  return store::PersonAggregate{store::BeneficiaryRecord{0, person, "pre2025", "", ""},
                                {core::Entitlement{"BTXH-5.1", *core::Period::Parse("2024-01"),
                                                   std::nullopt, "", std::nullopt}},
                                std::nullopt,
                                store::PaymentMethodRecord{0, method, true, ""}};
}

store::PersonAggregate Full() {
  store::PersonAggregate person = Plain();
  core::Beneficiary& p = person.beneficiary.person;
  p.status = core::BeneficiaryStatus::kTerminated;
  p.termination = core::Termination{core::TerminationReason::kMovedAway, *core::Date::Parse("20/06/2024"),
                                    *core::AdminUnitCode::Parse("26734"),
                                    *core::Period::Parse("2024-07")};
  p.paid_through = *core::Period::Parse("2024-06");
  p.special_case = true;
  person.entitlements.push_back(core::Entitlement{"NCC-TB", *core::Period::Parse("2023-05"),
                                                  *core::Period::Parse("2024-12"), "QĐ 12/2023",
                                                  core::MoneyVnd::FromDong(2'055'000)});
  core::Representative representative;
  representative.kind = core::RepresentativeKind::kGuardian;
  representative.full_name = "Trần Thị Bình";
  representative.citizen_id.raw = "001180123456";
  representative.relationship = "Con";
  representative.authorisation_date = *core::Date::Parse("01/01/2024");
  representative.valid_to = *core::Date::Parse("31/12/2025");
  person.representative = representative;
  auto& method = person.payment_method->method;
  method.channel = core::PaymentChannel::kBankAccount;
  method.recipient = core::Recipient::kGuardian;
  method.account = core::AccountField{"970436", "0123 456", std::nullopt};
  method.holder_name = "TRAN THI BINH";
  method.consent = true;
  person.payment_method->valid = false;
  person.payment_method->problems = "bank_ref.account_length; x";
  return person;
}

TEST(ImportSnapshot, TextIsExactlyTheJsonDump) {
  for (const store::PersonAggregate& person : {Plain(), Full()}) {
    EXPECT_EQ(SnapshotText(person), store::SnapshotJson(person).dump());
  }
  store::PersonAggregate no_method = Plain();
  no_method.payment_method.reset();
  no_method.entitlements.clear();
  EXPECT_EQ(SnapshotText(no_method), store::SnapshotJson(no_method).dump());
}

}  // namespace
}  // namespace ansinh::app
