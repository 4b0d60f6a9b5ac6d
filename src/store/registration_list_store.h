// The rows behind the registration lists of plan 152/KH-UBND III.1: every
// active person of a set of communes with their current payment method and
// representative, read in one query. Which list a row belongs to is the use
// case's business (app/lists_service.h); the store only reads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/beneficiary.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct RegistrationListRepresentative {
  core::RepresentativeKind kind = core::RepresentativeKind::kAuthorised;
  std::string full_name;
  std::string citizen_id;  // as stored; may be empty or malformed
  std::string relationship;
};

struct RegistrationListRow {
  std::int64_t beneficiary_id = 0;
  std::string code;
  std::string full_name;
  std::string birth_date;  // as stored: "YYYY" or "YYYY-MM-DD"
  core::Sex sex = core::Sex::kMale;
  std::string citizen_id;  // as stored; may be empty or malformed
  std::string commune_code;
  core::BeneficiaryGroup group = core::BeneficiaryGroup::kBtxh;
  core::PaymentChannel channel = core::PaymentChannel::kCashPaypoint;
  core::Recipient recipient = core::Recipient::kSelf;
  std::string bin;             // empty for cash channels
  std::string account_number;  // empty for cash channels
  std::string holder_name;
  bool valid = true;
  // Why the method is not valid, in Vietnamese: the messages of the person's
  // open findings on the method's fields, else the stored problem codes.
  std::vector<std::string> problems;
  std::optional<RegistrationListRepresentative> representative;
};

// Thread safety: as the session it works on (one thread at a time).
class RegistrationListStore {
 public:
  virtual ~RegistrationListStore() = default;

  // Active people whose commune (of `edition`, "pre2025" or "2025") is in
  // `commune_codes` and who have a payment method, ordered by commune code
  // then beneficiary code. People without a method are on no list.
  virtual Result<std::vector<RegistrationListRow>> ActiveInCommunes(
      const std::string& edition, std::vector<std::string> commune_codes) = 0;
};

// `session` must outlive the store.
std::unique_ptr<RegistrationListStore> MakeRegistrationListStore(SqlSession& session);

}  // namespace ansinh::store
