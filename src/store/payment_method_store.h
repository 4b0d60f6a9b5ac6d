// The current payment method (hình thức chi trả) of each beneficiary. Earlier
// methods are kept in the beneficiary history, not here.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/beneficiary.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct PaymentMethodRecord {
  std::int64_t beneficiary_id = 0;
  // account->parsed is empty when read back; bin_raw and account_raw are set.
  core::PaymentMethod method;
  bool valid = true;
  std::string problems;  // the codes that make it invalid, "; "-separated; empty when valid
};

// Thread safety: as the session it works on (one thread at a time).
class PaymentMethodStore {
 public:
  virtual ~PaymentMethodStore() = default;

  // Inserts or replaces the method of each beneficiary. Returns rows written.
  virtual Result<std::int64_t> PutBatch(const std::vector<PaymentMethodRecord>& records) = 0;
  virtual Result<std::optional<PaymentMethodRecord>> Find(std::int64_t beneficiary_id) = 0;
  // The methods of every person with a line in the batch, by beneficiary id:
  // one query for a whole payment file rather than one per line.
  virtual Result<std::unordered_map<std::int64_t, PaymentMethodRecord>> FindForBatch(
      std::int64_t batch_ref) = 0;
};

// `session` must outlive the store.
std::unique_ptr<PaymentMethodStore> MakePaymentMethodStore(SqlSession& session);

}  // namespace ansinh::store
