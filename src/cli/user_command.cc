// `ansinh user --db URL add|disable|reset|totp-reset|list`: manage the users of ansinh
// from the server's console. Every change is written to the audit log with
// the actor "cli".
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/auth_secrets.h"
#include "app/totp_service.h"
#include "app/user_service.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "core/role.h"
#include "store/database.h"
#include "store/migrations.h"

namespace ansinh::cli {
namespace {

constexpr std::size_t kMaxPasswordLine_bytes = 1024;

struct UserArguments {
  std::string db_url;
  std::string username;
  std::string role;
  std::string unit;
  std::string edition;
  std::vector<std::string> contracted_units;
  bool password_stdin = false;
  std::int64_t after_id = 0;
  std::int64_t limit = kDefaultListLimit;
};

// One line from stdin, without its line ending; never echoed or logged.
Result<std::string> ReadPasswordLine() {
  std::string line;
  if (!std::getline(std::cin, line) || line.size() > kMaxPasswordLine_bytes) {
    return Fail(ErrorKind::kInvalidInput, "user.password_stdin",
                "Không đọc được mật khẩu từ đầu vào chuẩn (một dòng, tối đa 1024 byte).");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The password to set: from stdin, or a generated one-time password that the
// user must change at first login (printed once in the summary).
Result<std::pair<std::string, bool>> ChoosePassword(bool from_stdin) {
  if (!from_stdin) return std::pair{app::GenerateOneTimePassword(), true};
  auto line = ReadPasswordLine();
  if (!line) return Fail(std::move(line.error()));
  return std::pair{std::move(*line), false};
}

template <class Body>
Status WithDatabase(const UserArguments& arguments, Body body) {
  auto database = OpenCurrentDatabase(arguments.db_url);
  if (!database) return Fail(std::move(database.error()));
  return body(**database);
}

Status RunAdd(const UserArguments& a, const CommandContext& context) {
  const auto role = core::ParseRole(a.role);
  if (!role) {
    return Fail(ErrorKind::kInvalidInput, "user.role_unknown", "Vai trò không hợp lệ: " + a.role);
  }
  auto password = ChoosePassword(a.password_stdin);
  if (!password) return Fail(std::move(password.error()));
  app::NewUser user{a.username, *role,
                    a.unit.empty() ? std::nullopt : std::optional(a.unit),
                    a.edition.empty() ? std::nullopt : std::optional(a.edition),
                    a.contracted_units, password->first, password->second};
  return WithDatabase(a, [&](store::Database& database) -> Status {
    auto added = app::AddUser(database, user, app::CliActor());
    if (!added) return Fail(std::move(added.error()));
    nlohmann::json summary{{"user", app::UserToJson(*added)}};
    if (password->second) summary["one_time_password"] = password->first;
    PrintSummary(context, summary);
    return {};
  });
}

Status RunReset(const UserArguments& a, const CommandContext& context) {
  auto password = ChoosePassword(a.password_stdin);
  if (!password) return Fail(std::move(password.error()));
  return WithDatabase(a, [&](store::Database& database) -> Status {
    auto reset = app::ResetPassword(database, a.username, password->first, password->second,
                                    app::CliActor());
    if (!reset) return reset;
    nlohmann::json summary{{"username", a.username}, {"reset", true}};
    if (password->second) summary["one_time_password"] = password->first;
    PrintSummary(context, summary);
    return {};
  });
}

Status RunDisable(const UserArguments& a, const CommandContext& context) {
  return WithDatabase(a, [&](store::Database& database) -> Status {
    if (auto ok = app::DisableUser(database, a.username, app::CliActor()); !ok) return ok;
    PrintSummary(context, {{"username", a.username}, {"active", false}});
    return {};
  });
}

Status RunTotpReset(const UserArguments& a, const CommandContext& context) {
  return WithDatabase(a, [&](store::Database& database) -> Status {
    if (auto ok = app::ResetTotp(database, a.username, app::CliActor()); !ok) return ok;
    PrintSummary(context, {{"username", a.username}, {"second_factor_enrolled", false}});
    return {};
  });
}

Status RunList(const UserArguments& a, const CommandContext& context) {
  return WithDatabase(a, [&](store::Database& database) -> Status {
    auto users = app::ListUsers(database, a.after_id, a.limit);
    if (!users) return Fail(std::move(users.error()));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& user : *users) list.push_back(app::UserToJson(user));
    PrintSummary(context, {{"users", list}, {"count", users->size()}});
    return {};
  });
}

void AddUsernameOption(CLI::App& command, UserArguments& arguments) {
  command.add_option("--username", arguments.username, "Tên đăng nhập")->required();
}

void AddPasswordOption(CLI::App& command, UserArguments& arguments) {
  command.add_flag("--password-stdin", arguments.password_stdin,
                   "Đọc mật khẩu từ một dòng đầu vào chuẩn; không có thì tạo mật khẩu dùng một lần");
}

void AddAddCommand(CLI::App& parent, std::shared_ptr<UserArguments> a, CommandContext& context) {
  CLI::App* add = parent.add_subcommand("add", "Thêm người dùng");
  AddUsernameOption(*add, *a);
  add->add_option("--role", a->role, "Vai trò: commune_officer, district_officer, ...")->required();
  add->add_option("--unit", a->unit, "Mã đơn vị hành chính phụ trách");
  add->add_option("--edition", a->edition, "Bộ mã đơn vị: pre2025 hoặc 2025")
      ->check(CLI::IsMember({"pre2025", "2025"}));
  add->add_option("--contract-unit", a->contracted_units,
                  "Địa bàn hợp đồng thêm (tổ chức chi trả); lặp lại được");
  AddPasswordOption(*add, *a);
  add->callback([a, &context] { context.outcome = RunAdd(*a, context); });
}

}  // namespace

void RegisterUserCommand(CLI::App& app, CommandContext& context) {
  auto a = std::make_shared<UserArguments>();
  CLI::App* command = app.add_subcommand("user", "Quản lý người dùng: add, disable, reset, totp-reset, list");
  AddDatabaseOption(*command, a->db_url);
  command->require_subcommand(1);
  AddAddCommand(*command, a, context);
  CLI::App* disable = command->add_subcommand("disable", "Khoá người dùng và kết thúc các phiên");
  AddUsernameOption(*disable, *a);
  disable->callback([a, &context] { context.outcome = RunDisable(*a, context); });
  CLI::App* reset = command->add_subcommand("reset", "Đặt lại mật khẩu và mở khoá");
  AddUsernameOption(*reset, *a);
  AddPasswordOption(*reset, *a);
  reset->callback([a, &context] { context.outcome = RunReset(*a, context); });
  CLI::App* totp_reset = command->add_subcommand(
      "totp-reset", "Xoá xác thực hai lớp (mất thiết bị); người dùng đăng ký lại khi đăng nhập");
  AddUsernameOption(*totp_reset, *a);
  totp_reset->callback([a, &context] { context.outcome = RunTotpReset(*a, context); });
  CLI::App* list = command->add_subcommand("list", "Liệt kê người dùng");
  list->add_option("--after-id", a->after_id, "Chỉ người dùng có id lớn hơn");
  list->add_option("--limit", a->limit, "Số người dùng tối đa (≤ 1000)")
      ->check(CLI::Range(std::int64_t{1}, app::kMaxUsersListed));
  list->callback([a, &context] { context.outcome = RunList(*a, context); });
}

}  // namespace ansinh::cli
