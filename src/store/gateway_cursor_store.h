// How far a feed of an outside system was read (gateway_cursors, migration
// 0010): "sms:<base URL>" for delivery receipts, "bank-returns:<base URL>"
// for camt.054 entries. The cursor is the protocol's sequence number.
#pragma once

#include <cstdint>
#include <string>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

// 0 for a feed never read.
Result<std::int64_t> ReadGatewayCursor(SqlSession& session, const std::string& feed);
Status WriteGatewayCursor(SqlSession& session, const std::string& feed, std::int64_t last_seq);

}  // namespace ansinh::store
