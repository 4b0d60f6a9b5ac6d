#include "app/payroll_decrease_reasons.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "app/rates_service.h"

namespace ansinh::app {
namespace {

// Ids read per query: the people of a decrease list are few and scattered,
// so a window keeps each read small without one query per person.
constexpr std::int64_t kDecreaseWindow_ids = 5'000;

// Calls visit(facts, rates) for every person of `ids` among the office's
// people with entitlements; returns the ids, sorted and unique.
using FactsVisitor = std::function<void(const core::PersonFacts&, const core::RateTable&)>;

Result<std::vector<std::int64_t>> VisitFacts(store::SqlSession& session,
                                             const store::OfficeCommunes& communes,
                                             core::Period period, std::vector<std::int64_t> ids,
                                             const FactsVisitor& visit) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.empty()) return ids;
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
      if (std::binary_search(next, end, person.facts.beneficiary_id)) visit(person.facts, *rates);
    }
    next = end;
  }
  return ids;
}

}  // namespace

Result<std::map<std::int64_t, core::DecreaseReason>> DecreaseReasonsOf(
    store::SqlSession& session, const store::OfficeCommunes& communes, core::Period period,
    std::vector<std::int64_t> ids) {
  std::map<std::int64_t, core::DecreaseReason> out;
  auto visited = VisitFacts(session, communes, period, std::move(ids),
                            [&](const core::PersonFacts& facts, const core::RateTable& rates) {
                              out[facts.beneficiary_id] =
                                  core::DecreaseReasonOf(facts, rates, period);
                            });
  if (!visited) return Fail(std::move(visited.error()));
  for (const std::int64_t id : *visited) out.try_emplace(id, core::DecreaseReason::kOther);
  return out;
}

Result<std::map<std::int64_t, core::DecreaseReason>> PartialDecreaseReasonsOf(
    store::SqlSession& session, const store::OfficeCommunes& communes, core::Period period,
    core::Period previous, std::vector<std::int64_t> ids) {
  std::map<std::int64_t, core::DecreaseReason> out;
  auto visited = VisitFacts(
      session, communes, period, std::move(ids),
      [&](const core::PersonFacts& facts, const core::RateTable& rates) {
        auto reason = core::PartialDecreaseReasonOf(facts, rates, period, previous);
        if (reason) out[facts.beneficiary_id] = *reason;
      });
  if (!visited) return Fail(std::move(visited.error()));
  return out;
}

}  // namespace ansinh::app
