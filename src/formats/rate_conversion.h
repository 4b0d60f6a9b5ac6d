// From the reference records (policy_rates.csv, standard_levels.csv, or the
// same rows read back from a store) to the core's rate types. Lives in
// formats because the core must not know the records.
#pragma once

#include <vector>

#include "core/error.h"
#include "core/rate_table.h"
#include "formats/reference_data.h"

namespace ansinh::formats {

// Errors name the policy (or level kind) and the field: rate.group_unknown,
// rate.basis_unknown, rate.coefficient_invalid, rate.date_invalid, and every
// code of core::ValidatePolicyRate / core::ValidateStandardLevel.
Result<core::PolicyRate> ToPolicyRate(const PolicyRateRecord& record);
Result<core::StandardLevel> ToStandardLevel(const StandardLevelRecord& record);

Result<std::vector<core::PolicyRate>> ToPolicyRates(const std::vector<PolicyRateRecord>& records);
Result<std::vector<core::StandardLevel>> ToStandardLevels(
    const std::vector<StandardLevelRecord>& records);

// Both lists converted and compiled into a table.
Result<core::RateTable> MakeRateTable(const std::vector<StandardLevelRecord>& levels,
                                      const std::vector<PolicyRateRecord>& rates);

}  // namespace ansinh::formats
