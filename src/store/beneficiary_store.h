// The beneficiary register: one row per person (đối tượng), found by code or
// searched by the fields a commune officer knows.
//
// Identity fields come back as raw text only (CitizenIdField::parsed and
// PhoneField::parsed are empty): parsing them needs the reference codes, which
// the caller holds.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/beneficiary.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct BeneficiaryRecord {
  std::int64_t id = 0;  // 0 until stored
  core::Beneficiary person;
  std::string commune_edition;  // "pre2025" | "2025": which map person.commune is from
  std::string created_at;       // UTC "YYYY-MM-DDTHH:MM:SSZ", set by the caller
  std::string updated_at;
};

// Every set filter must match. name matches the diacritics-free key by prefix
// of the whole name ("nguyen van" finds "Nguyễn Văn An").
struct BeneficiaryQuery {
  std::optional<std::string> code;
  std::optional<std::string> citizen_id;
  std::optional<std::string> name;  // any form; folded with core::NameMatchKey
  std::optional<std::string> commune_code;
  std::optional<core::BeneficiaryGroup> group;
  std::optional<core::BeneficiaryStatus> status;
  std::optional<core::PaymentChannel> channel;
  // Only people whose commune, read in scope_edition, is one of scope_units or
  // lies under one of them (district, province): the caller's area. Unset: all.
  std::optional<std::vector<std::string>> scope_units;
  std::string scope_edition;
  int page = 1;        // 1-based
  int page_size = 50;  // clamped to 1..kMaxPageSize

  static constexpr int kMaxPageSize = 500;
};

struct BeneficiaryPage {
  std::vector<BeneficiaryRecord> items;  // ordered by code
  std::int64_t total = 0;                // matches over all pages
  int page = 1;
  int page_size = 0;
};

// Thread safety: as the session it works on (one thread at a time).
class BeneficiaryStore {
 public:
  virtual ~BeneficiaryStore() = default;

  // Returns the new id. Errors: kConflict db.unique_violation for a code taken.
  virtual Result<std::int64_t> Insert(const BeneficiaryRecord& record) = 0;
  // Rewrites every column of row record.id with the record's values (keep
  // created_at as read).
  // Errors: kNotFound beneficiary.not_found when there is no such row.
  virtual Status Update(const BeneficiaryRecord& record) = 0;
  virtual Result<std::optional<BeneficiaryRecord>> FindByCode(std::string_view code) = 0;
  // Errors: kInvalidInput name.* when query.name is not a name.
  virtual Result<BeneficiaryPage> Search(const BeneficiaryQuery& query) = 0;

  // The import path: insert new codes and update existing ones (created_at of
  // an existing row is kept), many rows per statement. Returns rows written.
  virtual Result<std::int64_t> UpsertBatch(const std::vector<BeneficiaryRecord>& records) = 0;
  // The same, returning the id of every code written (one statement does both).
  virtual Result<std::unordered_map<std::string, std::int64_t>> UpsertBatchReturningIds(
      const std::vector<BeneficiaryRecord>& records) = 0;
  // Ids of those of `codes` that exist.
  virtual Result<std::unordered_map<std::string, std::int64_t>> IdsByCode(
      const std::vector<std::string>& codes) = 0;
};

// `session` must outlive the store.
std::unique_ptr<BeneficiaryStore> MakeBeneficiaryStore(SqlSession& session);

}  // namespace ansinh::store
