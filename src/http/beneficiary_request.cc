#include "http/beneficiary_request.h"

#include <optional>
#include <utility>

#include "core/name.h"
#include "http/json_fields.h"

namespace ansinh::http {
namespace {

constexpr std::size_t kMaxIdentity_bytes = 32;

// The optional fields of a person, each type-checked and parsed.
struct PersonFields {
  std::optional<core::BeneficiaryCode> code;
  std::optional<std::string> full_name;
  std::optional<core::Date> birth_date;
  std::optional<core::Sex> sex;
  std::optional<std::string> citizen_id;
  std::optional<std::string> phone;
  std::optional<core::AdminUnitCode> commune;
  std::optional<std::string> address;
  std::optional<core::BeneficiaryGroup> group;
  std::optional<bool> special_case;
  std::optional<bool> has_smartphone;
  std::optional<core::Period> paid_through;
};

Result<core::Sex> ParseApiSex(std::string_view text) {
  if (text == "male") return core::Sex::kMale;
  if (text == "female") return core::Sex::kFemale;
  return core::ParseSex(text);
}

PersonFields ReadPerson(JsonFields& fields, bool create) {
  PersonFields p;
  p.code = fields.Parsed<core::BeneficiaryCode>("code", create, core::BeneficiaryCode::Parse);
  p.full_name = fields.Parsed<std::string>("full_name", create, core::NormalizeName);
  p.birth_date = fields.Parsed<core::Date>("birth_date", create, core::Date::Parse);
  p.sex = fields.Parsed<core::Sex>("sex", create, ParseApiSex);
  p.citizen_id = fields.Text("citizen_id", false, kMaxIdentity_bytes);
  p.phone = fields.Text("phone", false, kMaxIdentity_bytes);
  p.commune = fields.Parsed<core::AdminUnitCode>("commune_code", create, [](std::string_view t) {
    return core::AdminUnitCode::ParseAtLevel(t, core::AdminLevel::kCommune);
  });
  p.address = fields.Text("address", false);
  p.group = fields.Parsed<core::BeneficiaryGroup>("group", create, core::ParseBeneficiaryGroup);
  p.special_case = fields.Bool("special_case", false);
  p.has_smartphone = fields.Bool("has_smartphone", false);
  p.paid_through = fields.Parsed<core::Period>("paid_through", false, core::Period::Parse);
  return p;
}

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

void Apply(const PersonFields& p, core::Beneficiary& person, const core::ReferenceCodes& codes) {
  if (p.full_name) person.full_name = *p.full_name;
  if (p.birth_date) person.birth_date = *p.birth_date;
  if (p.sex) person.sex = *p.sex;
  if (p.citizen_id) person.citizen_id = CitizenIdOf(*p.citizen_id, codes);
  if (p.phone) person.phone = PhoneOf(*p.phone, codes);
  if (p.commune) person.commune = *p.commune;
  if (p.address) person.address = *p.address;
  if (p.group) person.group = *p.group;
  if (p.special_case) person.special_case = *p.special_case;
  if (p.has_smartphone) person.has_smartphone = *p.has_smartphone;
  if (p.paid_through) person.paid_through = *p.paid_through;
}

Error InvalidBody() {
  return MakeError(ErrorKind::kInvalidInput, "request.invalid", "Nội dung yêu cầu không hợp lệ.");
}

}  // namespace

Result<core::Beneficiary> NewBeneficiaryFromJson(const nlohmann::json& body,
                                                 const core::ReferenceCodes& codes) {
  JsonFields fields(body);
  const PersonFields p = ReadPerson(fields, true);
  if (auto ok = fields.Finish(); !ok) return Fail(std::move(ok.error()));
  if (!p.code || !p.birth_date || !p.commune) return Fail(InvalidBody());  // reported above
  core::Beneficiary person{.code = *p.code,
                           .full_name = "",
                           .birth_date = *p.birth_date,
                           .sex = core::Sex::kMale,
                           .citizen_id = {},
                           .phone = {},
                           .commune = *p.commune,
                           .address = "",
                           .group = core::BeneficiaryGroup::kBtxh,
                           .status = core::BeneficiaryStatus::kActive,
                           .termination = std::nullopt,
                           .special_case = false,
                           .has_smartphone = false,
                           .paid_through = std::nullopt};
  Apply(p, person, codes);
  return person;
}

Result<core::Beneficiary> PatchedBeneficiaryFromJson(const nlohmann::json& body,
                                                     core::Beneficiary stored,
                                                     const core::ReferenceCodes& codes) {
  JsonFields fields(body);
  const PersonFields p = ReadPerson(fields, false);
  if (p.code && p.code->value() != stored.code.value()) {
    fields.AddError("code", "beneficiary.code_immutable", "mã đối tượng không thể thay đổi.");
  }
  if (auto ok = fields.Finish(); !ok) return Fail(std::move(ok.error()));
  Apply(p, stored, codes);
  return stored;
}

Result<app::StatusChange> StatusChangeFromJson(const nlohmann::json& body, std::string& note) {
  using Kind = app::StatusChange::Kind;
  JsonFields fields(body);
  app::StatusChange change;
  const auto action = fields.Text("action", true);
  if (action == "suspend") {
    change.kind = Kind::kSuspend;
  } else if (action == "reinstate") {
    change.kind = Kind::kReinstate;
  } else if (action == "terminate") {
    change.kind = Kind::kTerminate;
  } else if (action) {
    fields.AddError("action", "request.field_value",
                    "chỉ nhận \"suspend\", \"reinstate\" hoặc \"terminate\".");
  }
  change.reason = fields.Parsed<core::TerminationReason>("reason", false,
                                                        core::ParseTerminationReason);
  change.date = fields.Parsed<core::Date>("date", false, core::Date::Parse);
  change.destination_commune = fields.Parsed<core::AdminUnitCode>(
      "destination_commune", false, [](std::string_view t) {
        return core::AdminUnitCode::ParseAtLevel(t, core::AdminLevel::kCommune);
      });
  change.effective_from = fields.Parsed<core::Period>("effective_from", false, core::Period::Parse);
  note = fields.Text("note", false).value_or("");
  if (change.kind != Kind::kTerminate && (change.reason || change.destination_commune)) {
    fields.AddError("reason", "request.field_not_allowed",
                    "chỉ dùng khi thôi hưởng (action \"terminate\").");
  }
  if (auto ok = fields.Finish(); !ok) return Fail(std::move(ok.error()));
  return change;
}

}  // namespace ansinh::http
