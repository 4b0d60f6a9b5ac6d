#include "app/import_service_snapshot.h"

#include <cstdio>

namespace ansinh::app {
namespace {

// Appends `{"key":value,...}` pieces; the caller lists keys in sorted order,
// as nlohmann's std::map-backed objects print them.
class JsonText {
 public:
  explicit JsonText(std::string& out) : out_(out) {}

  void Open() {
    out_.push_back('{');
    first_ = true;
  }
  void Close() {
    out_.push_back('}');
    first_ = false;
  }
  void Key(const char* key) {
    if (!first_) out_.push_back(',');
    first_ = false;
    out_.push_back('"');
    out_.append(key);
    out_.append("\":");
  }
  void String(std::string_view text) {
    out_.push_back('"');
    for (char c : text) Escaped(c);
    out_.push_back('"');
  }
  void Null() { out_.append("null"); }
  void Bool(bool value) { out_.append(value ? "true" : "false"); }
  void Int(std::int64_t value) { out_.append(std::to_string(value)); }
  template <class T>
  void OptionalText(const std::optional<T>& value) {
    if (!value) return Null();
    if constexpr (std::is_same_v<T, core::Period>) {
      String(value->ToString());
    } else {
      String(value->ToIso());
    }
  }
  void StringField(const char* key, std::string_view text) {
    Key(key);
    String(text);
  }

 private:
  void Escaped(char c) {
    switch (c) {
      case '"': out_.append("\\\""); return;
      case '\\': out_.append("\\\\"); return;
      case '\b': out_.append("\\b"); return;
      case '\f': out_.append("\\f"); return;
      case '\n': out_.append("\\n"); return;
      case '\r': out_.append("\\r"); return;
      case '\t': out_.append("\\t"); return;
      default: break;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out_.append(escaped);
      return;
    }
    out_.push_back(c);
  }

  std::string& out_;
  bool first_ = true;
};

void Termination(JsonText& json, const std::optional<core::Termination>& termination) {
  if (!termination) return json.Null();
  json.Open();
  json.Key("date");
  json.OptionalText(termination->date);
  json.Key("destination_commune");
  if (termination->destination_commune) {
    json.String(termination->destination_commune->value());
  } else {
    json.Null();
  }
  json.StringField("effective_from", termination->effective_from.ToString());
  json.StringField("reason", core::TerminationReasonCode(termination->reason));
  json.Close();
}

void Beneficiary(JsonText& json, const store::BeneficiaryRecord& record) {
  const core::Beneficiary& p = record.person;
  json.Open();
  json.StringField("address", p.address);
  json.StringField("birth_date", p.birth_date.ToIso());
  json.StringField("citizen_id", p.citizen_id.raw);
  json.StringField("code", p.code.value());
  json.StringField("commune_code", p.commune.value());
  json.StringField("commune_edition", record.commune_edition);
  json.StringField("full_name", p.full_name);
  json.StringField("group", core::BeneficiaryGroupCode(p.group));
  json.Key("has_smartphone");
  json.Bool(p.has_smartphone);
  json.Key("paid_through");
  json.OptionalText(p.paid_through);
  json.StringField("phone", p.phone.raw);
  json.StringField("sex", p.sex == core::Sex::kMale ? "male" : "female");
  json.Key("special_case");
  json.Bool(p.special_case);
  json.StringField("status", core::BeneficiaryStatusCode(p.status));
  json.Key("termination");
  Termination(json, p.termination);
  json.Close();
}

void Entitlement(JsonText& json, const core::Entitlement& e) {
  json.Open();
  json.StringField("decision_number", e.decision_number);
  json.Key("end");
  json.OptionalText(e.end);
  json.Key("fixed_amount_vnd");
  if (e.fixed_amount) {
    json.Int(e.fixed_amount->dong());
  } else {
    json.Null();
  }
  json.StringField("policy_code", e.policy_code);
  json.StringField("start", e.start.ToString());
  json.Close();
}

void PaymentMethod(JsonText& json, const store::PaymentMethodRecord& record) {
  const core::PaymentMethod& m = record.method;
  json.Open();
  json.StringField("account_number", m.account ? std::string_view(m.account->account_raw) : "");
  json.StringField("bin", m.account ? std::string_view(m.account->bin_raw) : "");
  json.StringField("channel", core::PaymentChannelCode(m.channel));
  json.Key("consent");
  json.Bool(m.consent);
  json.StringField("effective_from", m.effective_from.ToString());
  json.StringField("holder_name", m.holder_name);
  json.StringField("problems", record.problems);
  json.StringField("recipient", core::RecipientCode(m.recipient));
  json.Key("valid");
  json.Bool(record.valid);
  json.Close();
}

void Representative(JsonText& json, const core::Representative& r) {
  json.Open();
  json.Key("authorisation_date");
  json.OptionalText(r.authorisation_date);
  json.StringField("authorisation_number", r.authorisation_number);
  json.StringField("citizen_id", r.citizen_id.raw);
  json.StringField("confirmed_by", r.confirmed_by);
  json.Key("confirmed_on");
  json.OptionalText(r.confirmed_on);
  json.StringField("full_name", r.full_name);
  json.StringField("kind", r.kind == core::RepresentativeKind::kGuardian ? "guardian" : "authorised");
  json.StringField("phone", r.phone.raw);
  json.StringField("relationship", r.relationship);
  json.Key("valid_from");
  json.OptionalText(r.valid_from);
  json.Key("valid_to");
  json.OptionalText(r.valid_to);
  json.Close();
}

}  // namespace

std::string SnapshotText(const store::PersonAggregate& person) {
  std::string out;
  out.reserve(1024);
  JsonText json(out);
  json.Open();
  json.Key("beneficiary");
  Beneficiary(json, person.beneficiary);
  json.Key("entitlements");
  out.push_back('[');
  for (std::size_t i = 0; i < person.entitlements.size(); ++i) {
    if (i > 0) out.push_back(',');
    Entitlement(json, person.entitlements[i]);
  }
  out.push_back(']');
  json.Key("payment_method");
  if (person.payment_method) {
    PaymentMethod(json, *person.payment_method);
  } else {
    json.Null();
  }
  json.Key("representative");
  if (person.representative) {
    Representative(json, *person.representative);
  } else {
    json.Null();
  }
  json.Close();
  return out;
}

}  // namespace ansinh::app
