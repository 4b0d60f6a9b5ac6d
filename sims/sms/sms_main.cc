// ansinh-sms-sim: an SMS gateway on loopback for tests and demos
// (docs/protocols/sms.md).
//
//   ansinh-sms-sim [--port N] [--seed S] [--fail-bps B]
//
// Prints {"port":N} as the first line on stdout, then serves until SIGTERM.
#include <CLI/CLI.hpp>
#include <charconv>
#include <string>

#include "sims/common/sim_server.h"
#include "sims/sms/sms_sim.h"

namespace {

using ansinh::http::JsonResponse;
using ansinh::http::Method;
using ansinh::http::Request;
using ansinh::http::Response;
using ansinh::sims::SimError;
using ansinh::sims::SmsSim;

Response SmsReceipts(const SmsSim& sms, const Request& request) {
  std::int64_t since = 0;
  if (auto text = request.QueryParam("since"); text && !text->empty()) {
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), since);
    if (ec != std::errc() || end != text->data() + text->size() || since < 0) {
      return SimError(400, "sim.since_invalid",
                      "Tham số since phải là số thứ tự biên nhận đã đọc (số nguyên ≥ 0).");
    }
  }
  const auto answer = sms.Receipts(since);
  return JsonResponse(answer.status, answer.body);
}

Response SmsHandle(SmsSim& sms, Request& request) {
  const std::string path = request.path;
  if (path == "/healthz" && request.method == Method::kGet) {
    return JsonResponse(200, {{"status", "ok"}});
  }
  if (path == "/messages" && request.method == Method::kPost) {
    const auto answer = sms.Send(request.body);
    return JsonResponse(answer.status, answer.body);
  }
  if (path == "/messages" && request.method == Method::kGet) {
    const auto answer = sms.Messages();
    return JsonResponse(answer.status, answer.body);
  }
  if (path == "/receipts" && request.method == Method::kGet) return SmsReceipts(sms, request);
  return SimError(404, "sim.not_found", "Không có đường dẫn " + path + " trên cổng SMS giả lập.");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Cổng SMS giả lập: nhận tin nhắn, trả biên nhận gửi");
  ansinh::sims::SimServerOptions server;
  server.body_limit_bytes = 64 * 1024;
  ansinh::sims::SmsRules rules;
  app.add_option("--host", server.host, "Địa chỉ lắng nghe (mặc định 127.0.0.1)");
  app.add_option("--port", server.port, "Cổng; 0 = hệ thống tự chọn (mặc định)");
  app.add_option("--seed", rules.seed, "Hạt giống cho các quyết định (mặc định 1)");
  app.add_option("--fail-bps", rules.fail_bps, "Tỷ lệ tin nhắn gửi không thành công, điểm cơ bản")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{10000}));
  CLI11_PARSE(app, argc, argv);
  SmsSim sms(rules);
  return ansinh::sims::RunSimServer(server,
                                    [&sms](Request& request) { return SmsHandle(sms, request); });
}
