// The paying office of a cycle (DESIGN.md §1: "district" means the paying
// office): a pre-2025 district (3-digit code), a province (2 digits) or a
// single commune (5 digits), read in one edition of the map, and every commune
// whose people it pays — in its own edition and, through the successor links,
// the communes of the other edition that became (or came from) them, because a
// register kept from before 1 July 2025 still carries the old codes.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/error.h"
#include "store/payroll_facts_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct PayrollOffice {
  std::string code;
  std::string edition;  // "pre2025" | "2025": the map the code is read in
  std::string name;
  store::OfficeCommunes communes;
};

// `edition` empty: a 3-digit code is a pre-2025 district; otherwise the map in
// force on `now`. Errors: kNotFound payroll.unit_not_found naming the code;
// kInvalidInput payroll.unit_invalid (not 2, 3 or 5 digits; a district in the
// 2025 map, which has none).
Result<PayrollOffice> ResolveOffice(store::SqlSession& session, const std::string& code,
                                    const std::optional<std::string>& edition,
                                    std::chrono::system_clock::time_point now);

}  // namespace ansinh::app
