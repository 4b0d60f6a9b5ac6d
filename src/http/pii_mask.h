// Masking of personal data in API answers (issue 6 item 5): citizen IDs,
// account numbers and phone numbers are shown with only their last four
// characters, unless the caller asked for — and may have — the full view.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "store/registration_list_store.h"

namespace ansinh::http {

inline constexpr std::size_t kMaskKeep = 4;

// Every character but the last kMaskKeep replaced by '*' (counted in UTF-8
// code points, so no character is cut in half); text of at most kMaskKeep
// characters is masked entirely; "" stays "".
std::string MaskTail(std::string_view text);

// Masks, in place, the identity and account fields of a person snapshot
// (store::SnapshotJson form: beneficiary, representative, payment_method).
// Fields absent or null are left as they are.
void MaskSnapshot(nlohmann::json& snapshot);

// Masks the citizen IDs (person and representative) and account number of a
// registration-list row.
void MaskListRow(store::RegistrationListRow& row);

}  // namespace ansinh::http
