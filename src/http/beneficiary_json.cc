#include "http/beneficiary_json.h"

#include <utility>

#include "http/pii_mask.h"

namespace ansinh::http {
namespace {

nlohmann::json SummaryJson(const store::BeneficiaryRecord& record) {
  const core::Beneficiary& p = record.person;
  return {{"code", p.code.value()},
          {"full_name", p.full_name},
          {"birth_date", p.birth_date.ToIso()},
          {"sex", p.sex == core::Sex::kMale ? "male" : "female"},
          {"citizen_id", MaskTail(p.citizen_id.raw)},
          {"commune_code", p.commune.value()},
          {"commune_edition", record.commune_edition},
          {"group", core::BeneficiaryGroupCode(p.group)},
          {"status", core::BeneficiaryStatusCode(p.status)}};
}

// A history snapshot as stored; a row that no longer parses is shown as null
// rather than failing the whole history.
nlohmann::json StoredSnapshot(const std::string& text, DataView view) {
  auto snapshot = nlohmann::json::parse(text, nullptr, false);
  if (snapshot.is_discarded()) return nullptr;
  return SnapshotForView(std::move(snapshot), view);
}

}  // namespace

nlohmann::json SnapshotForView(nlohmann::json snapshot, DataView view) {
  if (view == DataView::kMasked) MaskSnapshot(snapshot);
  return snapshot;
}

nlohmann::json PersonJson(const store::PersonAggregate& person, DataView view) {
  nlohmann::json json = SnapshotForView(store::SnapshotJson(person), view);
  json["view"] = view == DataView::kFull ? "full" : "masked";
  return json;
}

nlohmann::json SearchPageJson(const store::BeneficiaryPage& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& record : page.items) items.push_back(SummaryJson(record));
  return {{"items", std::move(items)},
          {"page", page.page},
          {"page_size", page.page_size},
          {"total", page.total}};
}

nlohmann::json HistoryJson(const std::string& code, const std::vector<store::HistoryEntry>& entries,
                           DataView view) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : entries) {
    list.push_back({{"changed_at", e.changed_at},
                    {"changed_by", e.changed_by},
                    {"change_kind", e.change_kind},
                    {"reason", e.reason},
                    {"effective_month", e.effective_month},
                    {"security_relevant", e.security_relevant},
                    {"before", e.before_json ? StoredSnapshot(*e.before_json, view) : nullptr},
                    {"after", StoredSnapshot(e.after_json, view)}});
  }
  return {{"code", code},
          {"view", view == DataView::kFull ? "full" : "masked"},
          {"entries", std::move(list)}};
}

}  // namespace ansinh::http
