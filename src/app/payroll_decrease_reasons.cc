#include "app/payroll_decrease_reasons.h"

#include <algorithm>
#include <utility>

#include "app/rates_service.h"

namespace ansinh::app {
namespace {

// Ids read per query: the people of a decrease list are few and scattered,
// so a window keeps each read small without one query per person.
constexpr std::int64_t kDecreaseWindow_ids = 5'000;

}  // namespace

Result<std::map<std::int64_t, core::DecreaseReason>> DecreaseReasonsOf(
    store::SqlSession& session, const store::OfficeCommunes& communes, core::Period period,
    std::vector<std::int64_t> ids) {
  std::map<std::int64_t, core::DecreaseReason> out;
  if (ids.empty()) return out;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto rates = LoadRateTable(session);
  if (!rates) return Fail(std::move(rates.error()));
  auto facts = store::MakePayrollFactsStore(session);
  for (auto next = ids.begin(); next != ids.end();) {
    const std::int64_t first = *next;
    const std::int64_t last = first + kDecreaseWindow_ids - 1;
    // The ledger is not needed: only months from `period` on, i.e. none.
    auto chunk = facts->LoadChunk(communes, first, last, period, period);
    if (!chunk) return Fail(std::move(chunk.error()));
    const auto end = std::upper_bound(next, ids.end(), last);
    for (const store::PayrollPerson& person : chunk->persons) {
      if (!std::binary_search(next, end, person.facts.beneficiary_id)) continue;
      out[person.facts.beneficiary_id] = core::DecreaseReasonOf(person.facts, *rates, period);
    }
    for (; next != end; ++next) out.try_emplace(*next, core::DecreaseReason::kOther);
  }
  return out;
}

}  // namespace ansinh::app
