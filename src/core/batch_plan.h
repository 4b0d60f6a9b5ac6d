// Planning the batches of a cycle (issue 5 item 3): every line goes to the
// batch of its key (route, provider, channel), and a person's recoveries
// (negative RECOVERY lines) are netted against that person's positive lines
// in the same batch, so that each transfer is positive and the batch total
// equals the sum of its lines to the đồng.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace ansinh::core {

struct PlanLine {
  std::string line_id;
  std::int64_t beneficiary_id = 0;
  std::int64_t amount_vnd = 0;  // negative for a recovery
  std::string batch_key;
};

struct PlannedItem {
  std::string line_id;
  // What is transferred for the line: its amount less the recoveries netted
  // against it; 0 for a recovery line and for a line netted away entirely.
  std::int64_t transfer_vnd = 0;
};

struct PlannedBatch {
  std::string batch_key;
  std::vector<PlannedItem> items;   // every line of the batch, in input order
  std::int64_t transfer_count = 0;  // items with transfer_vnd > 0
  std::int64_t total_vnd = 0;       // Σ transfer_vnd == Σ amount_vnd of the lines
};

// Batches in order of first appearance of their key; within a batch, the
// input order. A person's recoveries reduce their positive lines in input
// order (so callers pass lines sorted as the payroll wrote them: oldest
// month first). Errors (kInvalidInput): batch.person_negative naming the
// beneficiary id when a person's lines in one batch sum below zero;
// batch.overflow.
Result<std::vector<PlannedBatch>> PlanBatches(const std::vector<PlanLine>& lines);

// The stable id of a batch, at most 35 characters (ISO 20022 Max35Text):
// "YYYYMM-UNIT-R-PROVIDER-C-SEQ", R = T (Treasury direct) | P (provider),
// C = B (bank) | M (mobile money) | C (cash at pay point) | H (cash at home).
// Errors: batch.id_too_long.
Result<std::string> BatchId(const std::string& period, const std::string& unit_code,
                            char route_letter, const std::string& provider_code,
                            char channel_letter, int sequence);

}  // namespace ansinh::core
