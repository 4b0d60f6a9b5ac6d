#include "core/batch_plan.h"

#include <algorithm>
#include <map>
#include <utility>

namespace ansinh::core {
namespace {

// Nets the recoveries of one person (indices into `batch.items`) against the
// person's positive lines in order.
Status NetPerson(const std::vector<PlanLine>& lines, const std::vector<std::size_t>& line_index,
                 const std::vector<std::size_t>& item_index, PlannedBatch& batch) {
  std::int64_t owed_vnd = 0;  // recoveries still to net, as a positive amount
  std::int64_t sum_vnd = 0;
  for (std::size_t i : line_index) {
    if (__builtin_add_overflow(sum_vnd, lines[i].amount_vnd, &sum_vnd)) {
      return Fail(ErrorKind::kInvalidInput, "batch.overflow", "Tổng tiền vượt quá giới hạn.");
    }
    if (lines[i].amount_vnd < 0) owed_vnd -= lines[i].amount_vnd;
  }
  if (sum_vnd < 0) {
    return Fail(ErrorKind::kInvalidInput, "batch.person_negative",
                "Tổng các dòng chi trả của đối tượng (id " +
                    std::to_string(lines[line_index.front()].beneficiary_id) +
                    ") trong một lô âm; không thể chi.");
  }
  for (std::size_t k = 0; k < line_index.size(); ++k) {
    const std::int64_t amount_vnd = lines[line_index[k]].amount_vnd;
    PlannedItem& item = batch.items[item_index[k]];
    if (amount_vnd <= 0) continue;  // a recovery transfers nothing itself
    const std::int64_t netted_vnd = std::min(owed_vnd, amount_vnd);
    owed_vnd -= netted_vnd;
    item.transfer_vnd = amount_vnd - netted_vnd;
  }
  return {};
}

}  // namespace

Result<std::vector<PlannedBatch>> PlanBatches(const std::vector<PlanLine>& lines) {
  std::vector<PlannedBatch> batches;
  std::map<std::string, std::size_t> batch_of_key;
  // (batch, person) → the person's lines and their items, in input order.
  std::map<std::pair<std::size_t, std::int64_t>,
           std::pair<std::vector<std::size_t>, std::vector<std::size_t>>>
      persons;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto [found, added] = batch_of_key.try_emplace(lines[i].batch_key, batches.size());
    if (added) batches.push_back({lines[i].batch_key, {}, 0, 0});
    PlannedBatch& batch = batches[found->second];
    auto& person = persons[{found->second, lines[i].beneficiary_id}];
    person.first.push_back(i);
    person.second.push_back(batch.items.size());
    batch.items.push_back({lines[i].line_id, 0});
  }
  for (const auto& [key, person] : persons) {
    if (auto ok = NetPerson(lines, person.first, person.second, batches[key.first]); !ok) {
      return Fail(ok.error());
    }
  }
  for (PlannedBatch& batch : batches) {
    for (const PlannedItem& item : batch.items) {
      if (item.transfer_vnd == 0) continue;
      batch.transfer_count += 1;
      if (__builtin_add_overflow(batch.total_vnd, item.transfer_vnd, &batch.total_vnd)) {
        return Fail(ErrorKind::kInvalidInput, "batch.overflow", "Tổng tiền lô vượt quá giới hạn.");
      }
    }
  }
  return batches;
}

Result<std::string> BatchId(const std::string& period, const std::string& unit_code,
                            char route_letter, const std::string& provider_code,
                            char channel_letter, int sequence) {
  const std::string compact = period.substr(0, 4) + period.substr(5, 2);
  std::string id = compact + "-" + unit_code + "-" + route_letter + "-" + provider_code + "-" +
                   channel_letter + "-" + std::to_string(sequence);
  if (id.size() > 35) {
    return Fail(ErrorKind::kInvalidInput, "batch.id_too_long",
                "Mã lô " + id + " dài quá 35 ký tự (mã tổ chức chi trả quá dài).");
  }
  return id;
}

}  // namespace ansinh::core
