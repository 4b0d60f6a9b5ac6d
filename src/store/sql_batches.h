// The batching loop shared by InsertBatched and QueryBatched.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "store/sql_session.h"

namespace ansinh::store {

// Splits `values` into batches of whole rows (no statement binds more than
// kMaxBoundParams values) and calls `run` with "head VALUES (…), (…) tail"
// and the batch's values; stops at the first error.
Status ForEachBatch(std::string_view head, std::string_view row_template,
                    std::size_t params_per_row, const SqlParams& values, std::string_view tail,
                    const std::function<Status(const std::string&, const SqlParams&)>& run);

}  // namespace ansinh::store
