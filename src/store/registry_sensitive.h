// Citizen IDs, phone numbers, account numbers and the history snapshots that
// repeat them: the personal data sealed at rest (crypto/field_cipher.h). Every
// store that writes or reads one of them goes through SensitiveFields, so the
// columns never hold clear text written by ansinh.
//
// Searches compare blind indexes (beneficiaries.citizen_id_index,
// representatives.citizen_id_index, payment_methods.account_number_index),
// never the sealed columns.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/field_cipher.h"
#include "store/sql_session.h"

namespace ansinh::store {

// The associated data of each sealed column: its table and name.
inline constexpr std::string_view kBeneficiaryCitizenId = "beneficiaries.citizen_id";
inline constexpr std::string_view kBeneficiaryPhone = "beneficiaries.phone";
inline constexpr std::string_view kRepresentativeCitizenId = "representatives.citizen_id";
inline constexpr std::string_view kRepresentativePhone = "representatives.phone";
inline constexpr std::string_view kAccountNumber = "payment_methods.account_number";
inline constexpr std::string_view kHistoryBefore = "beneficiary_history.before_json";
inline constexpr std::string_view kHistoryAfter = "beneficiary_history.after_json";

// The ring of one session, taken once per statement or batch.
// Thread safety: as the session (one thread at a time).
class SensitiveFields {
 public:
  // Loads the key ring on first use (throws crypto::KeyFileError when the key
  // file cannot be read).
  explicit SensitiveFields(SqlSession& session);

  // The bound value of a sensitive column: sealed under the current key.
  SqlValue Param(std::string_view column, std::string_view plain) const;
  // The bound blind index of a value; NULL when the value has none (empty).
  SqlValue IndexParam(std::string_view plain) const;
  // The indexes a lookup must accept: one per key in the ring.
  std::vector<std::string> LookupIndexes(std::string_view plain) const;

  // The plain value of a sensitive column read back; reloads the ring once
  // when the value names a key it does not have (rotated by another
  // process). A value that still does not open aborts the operation
  // (ThrowCorruptValue): the data was altered outside ansinh or the key file
  // is not the one it was sealed with.
  std::string Column(std::string_view column, const SqlRows& rows, std::size_t row,
                     std::size_t index);
  std::string Open(std::string_view column, std::string_view stored);

  const crypto::KeyRing& ring() const { return *ring_; }

 private:
  crypto::KeyRingSource* source_;
  std::shared_ptr<const crypto::KeyRing> ring_;
};

}  // namespace ansinh::store
