// One synthetic beneficiary, drawn from (seed, index) alone and written as the
// one or two rows of the import format that describe them. Internal to
// demo_*.cc.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/demo_generator.h"
#include "app/demo_plan.h"

namespace ansinh::app::demo_detail {

// Cell positions, in DemoHeader() order (DESIGN.md §4, then so_quyet_dinh).
enum DemoCell : std::size_t {
  kCode,
  kFullName,
  kBirthDate,
  kSex,
  kCitizenId,
  kPhone,
  kCommune,
  kAddress,
  kGroup,
  kPolicy,
  kAmount,
  kStartMonth,
  kPaidThrough,
  kChannel,
  kRecipient,
  kRepresentativeName,
  kRepresentativeCitizenId,
  kRepresentativeRelationship,
  kBin,
  kAccount,
  kHolderName,
  kSmartphone,
  kSpecialCase,
  kDecisionNumber,
  kCellCount,
};

using DemoRow = std::array<std::string, kCellCount>;

// A person's rows; reused from one person to the next so the strings keep
// their capacity.
struct DemoRows {
  std::array<DemoRow, 2> rows;
  std::size_t count = 0;
};

// Draws beneficiary `index` (0-based) into `out` and counts it in `stats`.
// REQUIRES: plan made by MakeDemoPlan with the inputs it points to alive.
void DrawBeneficiary(const DemoPlan& plan, std::uint64_t seed, std::int64_t index, DemoRows& out,
                     DemoStats& stats);

}  // namespace ansinh::app::demo_detail
