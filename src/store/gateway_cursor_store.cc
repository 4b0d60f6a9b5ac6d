#include "store/gateway_cursor_store.h"

#include <utility>

namespace ansinh::store {

Result<std::int64_t> ReadGatewayCursor(SqlSession& session, const std::string& feed) {
  auto rows =
      session.Query("SELECT last_seq FROM gateway_cursors WHERE feed = ?1", {SqlText(feed)});
  if (!rows) return Fail(std::move(rows.error()));
  return rows->empty() ? 0 : rows->Int64(0, 0);
}

Status WriteGatewayCursor(SqlSession& session, const std::string& feed, std::int64_t last_seq) {
  auto changed = session.Execute(
      "INSERT INTO gateway_cursors (feed, last_seq) VALUES (?1, ?2) "
      "ON CONFLICT (feed) DO UPDATE SET last_seq = excluded.last_seq",
      {SqlText(feed), SqlInt(last_seq)});
  if (!changed) return Fail(std::move(changed.error()));
  return {};
}

}  // namespace ansinh::store
