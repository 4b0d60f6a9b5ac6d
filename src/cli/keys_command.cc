// `ansinh keys --db URL rotate`: a new server key (the key file named by
// ANSINH_KEY_FILE, default var/ansinh.key), the old one kept readable beside
// it, every sealed value (citizen IDs, phones, account numbers, history
// snapshots, TOTP seeds) re-encrypted and every blind index recomputed, in
// batches. Interrupted, run it again: it finishes instead of rotating twice.
// Audited as "keys.rotate" with the actor "cli". Restart servers afterwards.
#include <memory>
#include <string>
#include <utility>

#include "app/key_rotation.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "store/database.h"

namespace ansinh::cli {
namespace {

Status RunRotate(const std::string& db_url, const CommandContext& context) {
  auto database = OpenCurrentDatabase(db_url);
  if (!database) return Fail(std::move(database.error()));
  auto rotated = app::RotateKeys(**database, app::CliActor());
  if (!rotated) return Fail(std::move(rotated.error()));
  nlohmann::json summary = app::ToJson(*rotated);
  summary["note"] = rotated->resumed
                        ? "Đã hoàn tất lần đổi khoá trước bị gián đoạn; chạy lại để đổi khoá mới."
                        : "Đã đổi khoá máy chủ; khởi động lại các máy chủ ansinh đang chạy.";
  PrintSummary(context, summary);
  return {};
}

}  // namespace

void RegisterKeysCommand(CLI::App& app, CommandContext& context) {
  auto db_url = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("keys", "Khoá máy chủ mã hoá dữ liệu cá nhân");
  AddDatabaseOption(*command, *db_url);
  command->require_subcommand(1);
  CLI::App* rotate = command->add_subcommand(
      "rotate", "Tạo khoá mới, mã hoá lại mọi dữ liệu cá nhân (giữ khoá cũ để đọc bản sao lưu)");
  rotate->callback([db_url, &context] { context.outcome = RunRotate(*db_url, context); });
}

}  // namespace ansinh::cli
