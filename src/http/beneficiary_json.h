// The register as the API answers it: a person is store::SnapshotJson (the
// same shape the history keeps), masked unless the full view was granted; a
// search page lists summaries, always masked.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "http/full_view.h"
#include "store/beneficiary_store.h"
#include "store/registry_history_store.h"
#include "store/registry_snapshot.h"

namespace ansinh::http {

nlohmann::json PersonJson(const store::PersonAggregate& person, DataView view);

// {"items": [...], "page", "page_size", "total"}.
nlohmann::json SearchPageJson(const store::BeneficiaryPage& page);

// {"code", "entries": [{"changed_at", "changed_by", "change_kind", "reason",
// "effective_month", "security_relevant", "before", "after"}]}.
nlohmann::json HistoryJson(const std::string& code, const std::vector<store::HistoryEntry>& entries,
                           DataView view);

// A stored snapshot (history after_json), masked unless view is full.
nlohmann::json SnapshotForView(nlohmann::json snapshot, DataView view);

}  // namespace ansinh::http
