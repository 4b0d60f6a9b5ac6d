// How a BeneficiaryRecord maps to the columns of `beneficiaries`: shared by
// the beneficiary store and the stores that join it (lists).
#pragma once

#include <cstddef>
#include <string>

#include "store/beneficiary_store.h"
#include "store/registry_sensitive.h"

namespace ansinh::store {

// Number of values BeneficiaryValues binds (?1..?kBeneficiaryValueCount).
inline constexpr std::size_t kBeneficiaryValueCount = 22;

// "code, full_name, ..." in the order of BeneficiaryValues.
const std::string& BeneficiaryInsertColumns();
// "?1, ?2, ..., ?22".
const std::string& BeneficiaryPlaceholders();
// "code = ?1, full_name = ?2, ..." for UPDATE ... WHERE id = ?23 (PostgreSQL
// needs every bound parameter used).
const std::string& BeneficiaryUpdateAssignments();
// "full_name = excluded.full_name, ..." for ON CONFLICT (code) DO UPDATE;
// status and termination are kept (an import never changes the lifecycle).
const std::string& BeneficiaryUpsertAssignments();
// The columns ReadBeneficiary expects, qualified with the alias `b`.
const std::string& BeneficiarySelectColumns();
inline constexpr std::size_t kBeneficiarySelectCount = 21;

// The citizen ID and phone are sealed with `fields`, the citizen ID's blind
// index is the last value. Errors: kInvalidInput name.* when the name has no
// matching key.
Result<SqlParams> BeneficiaryValues(const SensitiveFields& fields, const BeneficiaryRecord& record);

// Reads the BeneficiarySelectColumns() that start at column `first` of row r.
BeneficiaryRecord ReadBeneficiary(SensitiveFields& fields, const SqlRows& rows, std::size_t r,
                                  std::size_t first);

}  // namespace ansinh::store
