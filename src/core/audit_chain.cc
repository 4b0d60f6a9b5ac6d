#include "core/audit_chain.h"

#include <array>

#include <sodium.h>

namespace ansinh::core {
namespace {

constexpr std::string_view kCanonicalVersion = "ansinh-audit-v1\n";
constexpr std::size_t kHashBytes = 32;  // BLAKE2b-256

void AppendField(std::string& out, std::string_view name, std::string_view value) {
  out.append(name);
  out.push_back('=');
  out.append(std::to_string(value.size()));
  out.push_back(':');
  out.append(value);
  out.push_back('\n');
}

void AppendOptional(std::string& out, std::string_view name,
                    const std::optional<std::string>& value) {
  if (!value) {
    out.append(name);
    out.append("=~\n");  // absent: no length prefix, so never equal to a present value
    return;
  }
  AppendField(out, name, *value);
}

std::string Hex(const std::array<unsigned char, kHashBytes>& bytes) {
  std::array<char, kHashBytes * 2 + 1> text{};
  sodium_bin2hex(text.data(), text.size(), bytes.data(), bytes.size());
  return std::string(text.data(), kHashBytes * 2);
}

ChainBreak Break(const AuditEntry& entry, std::string code, std::string_view what) {
  return ChainBreak{entry.seq, std::move(code),
                    "Nhật ký kiểm toán bị thay đổi tại mục #" + std::to_string(entry.seq) + ": " +
                        std::string(what) + "."};
}

}  // namespace

std::string CanonicalAuditEntry(const AuditEntry& entry) {
  std::string out(kCanonicalVersion);
  AppendField(out, "seq", std::to_string(entry.seq));
  AppendField(out, "occurred_at", entry.occurred_at);
  AppendOptional(out, "actor_user_id",
                 entry.actor_user_id ? std::optional<std::string>(std::to_string(*entry.actor_user_id))
                                     : std::nullopt);
  AppendField(out, "actor", entry.actor);
  AppendField(out, "action", entry.action);
  AppendField(out, "outcome", entry.outcome);
  AppendField(out, "object_type", entry.object_type);
  AppendField(out, "object_id", entry.object_id);
  AppendField(out, "source_address", entry.source_address);
  AppendField(out, "request_id", entry.request_id);
  AppendOptional(out, "before", entry.before_json);
  AppendOptional(out, "after", entry.after_json);
  AppendField(out, "prev_hash", entry.prev_hash);
  return out;
}

std::string AuditEntryHash(const AuditEntry& entry) {
  // sodium_init is idempotent and thread-safe; it picks the fastest implementation.
  if (sodium_init() < 0) return std::string();
  const std::string canonical = CanonicalAuditEntry(entry);
  std::array<unsigned char, kHashBytes> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(),
                     nullptr, 0);
  return Hex(digest);
}

std::optional<ChainBreak> CheckAuditLink(const AuditEntry* previous, const AuditEntry& entry) {
  const std::int64_t expected_seq = previous ? previous->seq + 1 : 1;
  if (entry.seq != expected_seq) {
    return Break(entry, "audit.sequence_gap",
                 "số thứ tự " + std::to_string(entry.seq) + " đứng sau " +
                     std::to_string(expected_seq - 1) + " (thiếu hoặc đảo mục)");
  }
  const std::string_view expected_prev = previous ? previous->entry_hash : kAuditGenesisHash;
  if (entry.prev_hash != expected_prev) {
    return Break(entry, "audit.prev_hash_mismatch",
                 "không nối với mục trước (mục trước bị sửa, xoá hoặc đảo)");
  }
  const std::string recomputed = AuditEntryHash(entry);
  if (recomputed.empty() || recomputed != entry.entry_hash) {
    return Break(entry, "audit.hash_mismatch", "nội dung không khớp mã băm đã ghi");
  }
  return std::nullopt;
}

}  // namespace ansinh::core
