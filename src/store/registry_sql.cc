#include "store/registry_sql.h"

#include "store/sql_batches.h"

#include <algorithm>
#include <stdexcept>

namespace ansinh::store {
namespace {

// Calls run(chunk) for consecutive slices of `keys` of at most kMaxBoundParams.
template <class Run>
Status ForKeyChunks(const SqlParams& keys, Run run) {
  for (std::size_t start = 0; start < keys.size(); start += kMaxBoundParams) {
    const std::size_t end = std::min(keys.size(), start + kMaxBoundParams);
    SqlParams chunk(keys.begin() + static_cast<std::ptrdiff_t>(start),
                    keys.begin() + static_cast<std::ptrdiff_t>(end));
    if (auto ok = run(chunk); !ok) return ok;
  }
  return {};
}

}  // namespace

std::string Placeholders(std::size_t count) {
  std::string text;
  for (std::size_t i = 1; i <= count; ++i) text += (i == 1 ? "?" : ", ?") + std::to_string(i);
  return text;
}

Result<std::int64_t> ExecuteForKeys(SqlSession& session, std::string_view sql_head,
                                    const SqlParams& keys, std::string_view sql_tail) {
  std::int64_t changed = 0;
  auto done = ForKeyChunks(keys, [&](const SqlParams& chunk) -> Status {
    auto count = session.Execute(std::string(sql_head) + " (" + Placeholders(chunk.size()) + ")" +
                                     std::string(sql_tail),
                                 chunk);
    if (!count) return Fail(std::move(count.error()));
    changed += *count;
    return {};
  });
  if (!done) return Fail(std::move(done.error()));
  return changed;
}

Status QueryEachForKeys(SqlSession& session, std::string_view sql_head, const SqlParams& keys,
                        std::string_view sql_tail, const SqlRowVisitor& visit) {
  return ForKeyChunks(keys, [&](const SqlParams& chunk) -> Status {
    return session.QueryEach(std::string(sql_head) + " (" + Placeholders(chunk.size()) + ")" +
                                 std::string(sql_tail),
                             chunk, visit);
  });
}

Status QueryBatched(SqlSession& session, std::string_view head, std::string_view row_template,
                    std::size_t params_per_row, const SqlParams& values, std::string_view tail,
                    const std::function<void(const SqlRows&)>& each) {
  return ForEachBatch(head, row_template, params_per_row, values, tail,
                      [&](const std::string& sql, const SqlParams& batch) -> Status {
                        auto returned = session.Query(sql, batch);
                        if (!returned) return Fail(std::move(returned.error()));
                        each(*returned);
                        return {};
                      });
}

void ThrowCorruptValue(std::string_view column, const Error& error) {
  // The operator reads this (after "Lỗi hệ thống: "): say it in Vietnamese,
  // with the cause's own message and code.
  throw std::runtime_error("Giá trị đã lưu ở cột " + std::string(column) +
                           " không đọc được: " + error.message + " (" + error.code + ")");
}

}  // namespace ansinh::store
