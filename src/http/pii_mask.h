// Masking of personal data in API answers (issue 6 item 5): citizen IDs,
// account numbers and phone numbers are shown with only their last four
// characters, unless the caller asked for — and may have — the full view.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "store/registration_list_store.h"

namespace ansinh::http {

inline constexpr std::size_t kMaskKeep = 4;

// Every character but the last kMaskKeep replaced by '*' (counted in UTF-8
// code points, so no character is cut in half); text of at most kMaskKeep
// characters is masked entirely; "" stays "".
std::string MaskTail(std::string_view text);

// The keys whose values are personal data to mask, wherever they appear: the
// snapshot's (citizen_id, phone, account_number) and the import file's
// (so_dinh_danh, so_dien_thoai, so_tai_khoan, nguoi_nhan_so_dinh_danh).
inline constexpr std::string_view kPersonalDataKeys[] = {
    "citizen_id",    "phone",        "account_number",         "so_dinh_danh",
    "so_dien_thoai", "so_tai_khoan", "nguoi_nhan_so_dinh_danh"};
bool IsPersonalDataKey(std::string_view key);

inline constexpr int kMaxMaskDepth = 32;

// Masks, in place, every value under a personal-data key anywhere in `value`
// (objects and arrays, at any depth up to kMaxMaskDepth; anything deeper is
// replaced by null). Not limited to known shapes, so that a history entry of
// an older or other shape (before/after of any change) cannot show an
// identifier in clear. Null values stay null.
void MaskPersonalData(nlohmann::json& value, int depth = 0);

// Masks a person snapshot (store::SnapshotJson form): MaskPersonalData.
void MaskSnapshot(nlohmann::json& snapshot);

// Masks the citizen IDs (person and representative) and account number of a
// registration-list row.
void MaskListRow(store::RegistrationListRow& row);

}  // namespace ansinh::http
