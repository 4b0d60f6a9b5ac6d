// `ansinh token --db URL create|revoke|list`: API tokens for machine partners
// (providers, banks). A new token is printed once, in the summary of `create`;
// only its hash is kept. Every change is written to the audit log with the
// actor "cli".
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/api_token_service.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "core/role.h"
#include "store/database.h"

namespace ansinh::cli {
namespace {


struct TokenArguments {
  std::string db_url;
  std::string name;
  std::string role;
  std::string unit;
  std::string edition;
  std::vector<std::string> contracted_units;
  std::string expires;
  std::string provider;
  std::int64_t id = 0;
  std::int64_t after_id = 0;
  std::int64_t limit = kDefaultListLimit;
};

template <class Body>
Status WithDatabase(const TokenArguments& arguments, Body body) {
  auto database = OpenCurrentDatabase(arguments.db_url);
  if (!database) return Fail(std::move(database.error()));
  return body(**database);
}

Status RunCreate(const TokenArguments& a, const CommandContext& context) {
  const auto role = core::ParseRole(a.role);
  if (!role) {
    return Fail(ErrorKind::kInvalidInput, "user.role_unknown", "Vai trò không hợp lệ: " + a.role);
  }
  app::NewApiToken token{a.name,
                         *role,
                         a.unit.empty() ? std::nullopt : std::optional(a.unit),
                         a.edition.empty() ? std::nullopt : std::optional(a.edition),
                         a.contracted_units,
                         a.expires.empty() ? std::nullopt : std::optional(a.expires),
                         a.provider.empty() ? std::nullopt : std::optional(a.provider)};
  return WithDatabase(a, [&](store::Database& database) -> Status {
    auto created = app::CreateApiToken(database, token, app::CliActor(), app::NowUnixSeconds());
    if (!created) return Fail(std::move(created.error()));
    PrintSummary(context, {{"api_token", app::ApiTokenToJson(created->record)},
                           {"token", created->token},
                           {"note", "Mã chỉ hiện một lần; hãy lưu vào nơi an toàn."}});
    return {};
  });
}

Status RunRevoke(const TokenArguments& a, const CommandContext& context) {
  return WithDatabase(a, [&](store::Database& database) -> Status {
    if (auto ok = app::RevokeApiToken(database, a.id, app::CliActor()); !ok) return ok;
    PrintSummary(context, {{"id", a.id}, {"revoked", true}});
    return {};
  });
}

Status RunList(const TokenArguments& a, const CommandContext& context) {
  return WithDatabase(a, [&](store::Database& database) -> Status {
    auto tokens = app::ListApiTokens(database, a.after_id, a.limit);
    if (!tokens) return Fail(std::move(tokens.error()));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& listing : *tokens) {
      list.push_back(app::ApiTokenToJson(listing.token, &listing.account));
    }
    PrintSummary(context, {{"api_tokens", list}, {"count", tokens->size()}});
    return {};
  });
}

void AddCreateCommand(CLI::App& parent, const std::shared_ptr<TokenArguments>& a,
                      CommandContext& context) {
  CLI::App* create = parent.add_subcommand("create", "Tạo mã API (in ra một lần)");
  create->add_option("--name", a->name, "Tên mã, ví dụ buudien-thanhhoa")->required();
  create->add_option("--role", a->role, "Vai trò, thường là provider_operator")->required();
  create->add_option("--unit", a->unit, "Mã đơn vị hành chính phụ trách");
  create->add_option("--edition", a->edition, "Bộ mã đơn vị: pre2025 hoặc 2025")
      ->check(CLI::IsMember({"pre2025", "2025"}));
  create->add_option("--contract-unit", a->contracted_units,
                     "Địa bàn hợp đồng thêm (tổ chức chi trả); lặp lại được");
  create->add_option("--expires", a->expires, "Ngày cuối còn hiệu lực, YYYY-MM-DD (giờ Việt Nam)");
  create->add_option("--provider", a->provider,
                     "Mã tổ chức chi trả mà mã API đại diện (ví dụ VNPOST), cho API đối tác");
  create->callback([a, &context] { context.outcome = RunCreate(*a, context); });
}

}  // namespace

void RegisterTokenCommand(CLI::App& app, CommandContext& context) {
  auto a = std::make_shared<TokenArguments>();
  CLI::App* command = app.add_subcommand(
      "token", "Mã API cho đối tác (tổ chức chi trả, ngân hàng): create, revoke, list");
  AddDatabaseOption(*command, a->db_url);
  command->require_subcommand(1);
  AddCreateCommand(*command, a, context);
  CLI::App* revoke = command->add_subcommand("revoke", "Thu hồi mã API và khoá tài khoản dịch vụ");
  revoke->add_option("--id", a->id, "Số của mã API (xem `token list`)")->required();
  revoke->callback([a, &context] { context.outcome = RunRevoke(*a, context); });
  CLI::App* list = command->add_subcommand("list", "Liệt kê mã API (không bao giờ in mã)");
  list->add_option("--after-id", a->after_id, "Chỉ mã có số lớn hơn");
  list->add_option("--limit", a->limit, "Số mã tối đa (≤ 1000)")
      ->check(CLI::Range(std::int64_t{1}, app::kMaxApiTokensListed));
  list->callback([a, &context] { context.outcome = RunList(*a, context); });
}

}  // namespace ansinh::cli
