// Citizen IDs, phone numbers and account numbers: the personal data a later
// issue encrypts at rest. Every store that writes or reads one of them goes
// through these two functions, so that change stays here.
#pragma once

#include <cstddef>
#include <string>

#include "store/sql_session.h"

namespace ansinh::store {

// The bound value for a sensitive column (stored as text today).
inline SqlValue SensitiveParam(const std::string& plain) { return SqlText(plain); }

// The plain value of a sensitive column read back.
inline std::string SensitiveColumn(const SqlRows& rows, std::size_t row, std::size_t column) {
  return rows.Text(row, column);
}

}  // namespace ansinh::store
