#include "http/payment_request.h"

#include <optional>
#include <utility>

#include "core/name.h"
#include "http/json_fields.h"

namespace ansinh::http {
namespace {

constexpr std::size_t kMaxIdentity_bytes = 32;
constexpr std::int64_t kMaxMonthlyAmount_vnd = 1'000'000'000;  // far above any allowance

core::CitizenIdField CitizenIdOf(const std::string& text, const core::ReferenceCodes& codes) {
  core::CitizenIdField field{text, std::nullopt};
  if (auto parsed = core::CitizenId::Parse(text, codes)) field.parsed = std::move(*parsed);
  return field;
}

core::PhoneField PhoneOf(const std::string& text, const core::ReferenceCodes& codes) {
  core::PhoneField field{text, std::nullopt};
  if (auto parsed = core::Phone::Parse(text, codes)) field.parsed = std::move(*parsed);
  return field;
}

std::optional<core::RepresentativeKind> ReadKind(JsonFields& fields) {
  const auto kind = fields.Text("kind", true);
  if (kind == "authorised") return core::RepresentativeKind::kAuthorised;
  if (kind == "guardian") return core::RepresentativeKind::kGuardian;
  if (kind) fields.AddError("kind", "request.field_value", "chỉ nhận \"authorised\" hoặc \"guardian\".");
  return std::nullopt;
}

std::optional<core::Representative> ReadRepresentative(JsonFields& outer,
                                                       const core::ReferenceCodes& codes,
                                                       const Confirmation& confirmation) {
  const nlohmann::json* object = outer.Object("representative", false);
  if (object == nullptr) return std::nullopt;
  JsonFields fields(*object, "representative.");
  core::Representative r;
  const auto kind = ReadKind(fields);
  const auto name = fields.Parsed<std::string>("full_name", true, core::NormalizeName);
  r.citizen_id = CitizenIdOf(fields.Text("citizen_id", false, kMaxIdentity_bytes).value_or(""), codes);
  r.phone = PhoneOf(fields.Text("phone", false, kMaxIdentity_bytes).value_or(""), codes);
  r.relationship = fields.Text("relationship", false, 100).value_or("");
  r.authorisation_number = fields.Text("authorisation_number", false, 100).value_or("");
  r.authorisation_date = fields.Parsed<core::Date>("authorisation_date", false, core::Date::Parse);
  r.valid_from = fields.Parsed<core::Date>("valid_from", false, core::Date::Parse);
  r.valid_to = fields.Parsed<core::Date>("valid_to", false, core::Date::Parse);
  if (fields.Bool("confirmed", false).value_or(false)) {
    r.confirmed_by = confirmation.user;
    r.confirmed_on = confirmation.today;
  }
  const bool complete = kind && name;
  outer.Merge(std::move(fields));
  if (!complete) return std::nullopt;
  r.kind = *kind;
  r.full_name = *name;
  return r;
}

// The account of an account channel; cash channels must not carry one.
void ReadAccount(JsonFields& fields, core::PaymentMethod& method) {
  const auto bin = fields.Text("bin", false, 16);
  const auto account = fields.Text("account_number", false, kMaxIdentity_bytes);
  if (core::IsAccountChannel(method.channel)) {
    method.account = core::AccountField{bin.value_or(""), account.value_or(""), std::nullopt};
  } else if (bin || account) {
    fields.AddError(bin ? "bin" : "account_number", "payment_method.account_not_allowed",
                    "chỉ dùng với hình thức BANK_ACCOUNT hoặc MOBILE_MONEY.");
  }
}

}  // namespace

Result<core::Entitlement> EntitlementFromJson(const nlohmann::json& body) {
  JsonFields fields(body);
  const auto policy = fields.Text("policy_code", true, 64);
  const auto start = fields.Parsed<core::Period>("start", true, core::Period::Parse);
  const auto end = fields.Parsed<core::Period>("end", false, core::Period::Parse);
  const auto decision = fields.Text("decision_number", false, 100);
  const auto amount = fields.Integer("fixed_amount_vnd", false, 1, kMaxMonthlyAmount_vnd);
  if (policy && policy->empty()) {
    fields.AddError("policy_code", "request.field_required", "không được để trống.");
  }
  if (auto ok = fields.Finish(); !ok) return Fail(std::move(ok.error()));
  core::Entitlement entitlement{*policy, *start, end, decision.value_or(""), std::nullopt};
  if (amount) entitlement.fixed_amount = core::MoneyVnd::FromDong(*amount);
  return entitlement;
}

Result<app::PaymentMethodChange> PaymentMethodFromJson(const nlohmann::json& body,
                                                       const core::ReferenceCodes& codes,
                                                       const Confirmation& confirmation,
                                                       const core::Period& current_month) {
  JsonFields fields(body);
  const auto channel = fields.Parsed<core::PaymentChannel>("channel", true, core::ParsePaymentChannel);
  const auto recipient = fields.Parsed<core::Recipient>("recipient", true, core::ParseRecipient);
  core::PaymentMethod method{.channel = channel.value_or(core::PaymentChannel::kCashPaypoint),
                             .recipient = core::Recipient::kSelf,
                             .account = std::nullopt,
                             .holder_name = "",
                             .consent = false,
                             .effective_from = current_month};
  ReadAccount(fields, method);
  method.holder_name = fields.Text("holder_name", false, 200).value_or("");
  method.consent = fields.Bool("consent", false).value_or(false);
  if (auto month = fields.Parsed<core::Period>("effective_from", false, core::Period::Parse)) {
    method.effective_from = *month;
  }
  auto representative = ReadRepresentative(fields, codes, confirmation);
  if (auto ok = fields.Finish(); !ok) return Fail(std::move(ok.error()));
  method.recipient = *recipient;
  return app::PaymentMethodChange{std::move(method), std::move(representative)};
}

}  // namespace ansinh::http
