#include "app/audit_log.h"

#include <chrono>
#include <ctime>
#include <utility>

#include "store/audit_store.h"

namespace ansinh::app {
namespace {

std::optional<std::string> Dump(const std::optional<nlohmann::json>& value) {
  if (!value) return std::nullopt;
  // Keys are sorted (std::map), so the text is stable; invalid UTF-8 is
  // replaced rather than aborting the caller's change.
  return value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

core::AuditEntry MakeEntry(const store::AuditHead& head, const AuditActor& actor,
                           const AuditEvent& event) {
  core::AuditEntry entry;
  entry.seq = head.seq + 1;
  entry.occurred_at = UtcTimestamp(NowUnixSeconds());
  entry.actor_user_id = actor.user_id;
  entry.actor = actor.name;
  entry.action = event.action;
  entry.outcome = event.outcome;
  entry.object_type = event.object_type;
  entry.object_id = event.object_id;
  entry.source_address = actor.source_address;
  entry.request_id = actor.request_id;
  entry.before_json = Dump(event.before);
  entry.after_json = Dump(event.after);
  entry.prev_hash = head.entry_hash;
  entry.entry_hash = core::AuditEntryHash(entry);
  return entry;
}

core::ChainBreak HeadMismatch(std::int64_t seq) {
  return core::ChainBreak{seq, "audit.head_mismatch",
                          "Nhật ký kiểm toán bị thay đổi tại mục #" + std::to_string(seq) +
                              ": mục cuối không khớp đầu chuỗi đã ghi (mục cuối bị xoá hoặc sửa)."};
}

}  // namespace

AuditActor CliActor(std::string name) {
  return AuditActor{std::nullopt, std::move(name), "cli", ""};
}

Status AppendAudit(store::SqlSession& session, const AuditActor& actor, const AuditEvent& event) {
  auto audit = store::MakeAuditStore(session);
  auto head = audit->LockHead();
  if (!head) return Fail(std::move(head.error()));
  return audit->Append(MakeEntry(*head, actor, event));
}

Result<AuditVerification> VerifyAuditLog(store::Database& database) {
  auto session = database.Acquire();
  if (!session) return Fail(std::move(session.error()));
  auto audit = store::MakeAuditStore(**session);
  auto head = audit->ReadHead();
  if (!head) return Fail(std::move(head.error()));
  AuditVerification result{0, head->seq, head->entry_hash, std::nullopt};
  std::optional<core::AuditEntry> previous;
  while (!previous || previous->seq < head->seq) {
    auto page = audit->ReadAfter(previous ? previous->seq : 0, kAuditVerifyPage);
    if (!page) return Fail(std::move(page.error()));
    if (page->empty()) break;
    for (auto& entry : *page) {
      if (entry.seq > head->seq) break;  // appended after the head was read
      result.first_break = core::CheckAuditLink(previous ? &*previous : nullptr, entry);
      if (result.first_break) return result;
      ++result.entries;
      previous = std::move(entry);
    }
    if (previous && page->back().seq > previous->seq) break;
  }
  const std::int64_t last_seq = previous ? previous->seq : 0;
  const std::string last_hash =
      previous ? previous->entry_hash : std::string(core::kAuditGenesisHash);
  if (last_seq != head->seq || last_hash != head->entry_hash) {
    result.first_break = HeadMismatch(last_seq < head->seq ? last_seq + 1 : last_seq);
  }
  return result;
}

std::string UtcTimestamp(std::int64_t unix_s) {
  const std::time_t time = static_cast<std::time_t>(unix_s);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[sizeof "YYYY-MM-DDTHH:MM:SSZ"];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::int64_t NowUnixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace ansinh::app
