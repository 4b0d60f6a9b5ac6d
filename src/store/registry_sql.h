// Small SQL helpers shared by the register's stores.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

// "?1, ?2, ..., ?count".
std::string Placeholders(std::size_t count);

// Runs `sql_head` + " (?1, ...)" + `sql_tail` over `keys` in chunks of at most
// kMaxBoundParams: IN lists over many codes or ids. Returns rows changed.
Result<std::int64_t> ExecuteForKeys(SqlSession& session, std::string_view sql_head,
                                    const SqlParams& keys, std::string_view sql_tail = "");
// The same for a query, streamed (SqlSession::QueryEach): `visit` sees every
// row of every chunk.
Status QueryEachForKeys(SqlSession& session, std::string_view sql_head, const SqlParams& keys,
                        std::string_view sql_tail, const SqlRowVisitor& visit);

// InsertBatched for a statement with a RETURNING clause: `each` sees the
// rows every batch returns.
Status QueryBatched(SqlSession& session, std::string_view head, std::string_view row_template,
                    std::size_t params_per_row, const SqlParams& values, std::string_view tail,
                    const std::function<void(const SqlRows&)>& each);

// A value read back from the database that no longer parses: the register
// was changed outside ansinh. Aborts the operation (STYLE.md §4).
[[noreturn]] void ThrowCorruptValue(std::string_view column, const Error& error);

template <class T>
T ParseStored(Result<T> parsed, std::string_view column) {
  if (!parsed) ThrowCorruptValue(column, parsed.error());
  return std::move(*parsed);
}

}  // namespace ansinh::store
