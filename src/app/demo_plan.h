// The demo generator's lookup tables, prepared once from DemoInputs: which
// policies may be drawn in the current period and how often, at what ages;
// phone prefixes, banks and wallets with their weights; name lists with their
// unaccented upper-case forms. Internal to demo_*.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/demo_generator.h"
#include "app/demo_names.h"
#include "app/demo_random.h"
#include "core/money.h"

namespace ansinh::app::demo_detail {

// A placeholder for Period members, which have no default; always overwritten.
inline core::Period UnsetPeriod() { return *core::Period::FromYearMonth(2000, 1); }

struct PolicyDraw {
  std::string code;
  bool ncc = false;
  std::optional<core::MoneyVnd> amount;  // FIXED: the amount in force in the current period
  std::string amount_cell;                // its so_tien text; empty for COEFFICIENT
  int band_from_years = 0;                 // the policy's lowest age (union of its bands)
  bool band_open = true;                   // no upper age limit
  int min_age_years = 0;  // realistic ages on the 1st of the current period, inclusive
  int max_age_years = 0;
  std::uint32_t female_per_mille = 500;
  core::Period first_month = UnsetPeriod();  // no entitlement starts before the policy's first rate
  bool takes_supplement = false;  // a martyr's relative may also get the nurturing allowance
  bool severe_disability = false;
};

// A bank or wallet an account may be drawn at.
struct AccountInstitution {
  std::string bin;
  int account_digits = 0;  // banks; wallets use the 10-digit phone number
  std::vector<std::size_t> phone_prefixes;  // wallets: indices into DemoPlan::prefixes
};

// A name list with its draw table and the forms used for account holders.
struct NameTable {
  std::span<const DemoName> names;
  WeightedIndex index;
  std::vector<std::string> folded;  // "NGUYEN", "THI", ... in list order
};

struct DemoPlan {
  const DemoInputs* inputs = nullptr;
  core::Period current = UnsetPeriod();
  core::Period paid_through = UnsetPeriod();  // the month before current
  std::string paid_through_cell;  // "mm/yyyy"
  std::vector<PolicyDraw> policies;
  std::vector<std::size_t> ncc_policies;  // indices into policies, parallel to ncc_index
  std::vector<std::size_t> btxh_policies;
  WeightedIndex ncc_index;
  WeightedIndex btxh_index;
  std::optional<std::size_t> supplement;  // index of NCC-I.3.4-1 when drawable
  std::string home_citizen_id_code;       // "0" + province code
  std::vector<std::string> other_citizen_id_codes;
  std::vector<std::string> prefixes;
  WeightedIndex prefix_index;
  std::vector<AccountInstitution> banks;
  WeightedIndex bank_index;
  std::vector<AccountInstitution> wallets;
  WeightedIndex wallet_index;
  NameTable family;
  NameTable middle[2][2];  // [sex][modern]
  NameTable given[2];      // [sex]
};

// Fills plan.policies and the group draw tables; plan.current and
// plan.paid_through must be set. Error: demo.no_policies.
Status AddDemoPolicies(const DemoInputs& inputs, DemoPlan& plan);

// Errors: as GenerateDemoRows (demo_generator.h) for the inputs.
Result<DemoPlan> MakeDemoPlan(const DemoInputs& inputs, const DemoOptions& options);

}  // namespace ansinh::app::demo_detail
