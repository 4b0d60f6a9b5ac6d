// Shared by the payroll and rate unit tests: the shipped rate table (data/
// policy_rates.csv and standard_levels.csv through the formats loaders) and
// terse constructors for dates, periods and money.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "core/money.h"
#include "core/payroll.h"
#include "core/rate_table.h"
#include "formats/rate_conversion.h"
#include "formats/reference_data.h"

namespace ansinh::test {

inline core::Period Month(const std::string& text) {
  return core::Period::Parse(text).value();
}
inline core::Date Day(const std::string& text) {
  return core::Date::Parse(text).value();
}
inline core::MoneyVnd Dong(std::int64_t amount) {
  return core::MoneyVnd::FromDong(amount);
}

// Built once per test binary; throws (failing the test loudly) if the shipped
// files do not load.
inline const core::RateTable& ShippedRates() {
  static const core::RateTable table = [] {
    const std::filesystem::path dir = ANSINH_REFERENCE_DATA_DIR;
    auto levels = formats::LoadStandardLevels(dir / "standard_levels.csv");
    auto rates = formats::LoadPolicyRates(dir / "policy_rates.csv");
    if (!levels || !rates) throw std::runtime_error("shipped rates do not load");
    auto built = formats::MakeRateTable(*levels, *rates);
    if (!built) throw std::runtime_error("shipped rates do not convert: " + built.error().message);
    return std::move(*built);
  }();
  return table;
}

}  // namespace ansinh::test
