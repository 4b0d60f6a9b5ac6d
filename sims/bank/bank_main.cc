// ansinh-bank-sim: the bank a payment office sends pain.001 files to, on
// loopback, for tests and demos (docs/protocols/bank.md).
//
//   ansinh-bank-sim [--port N] [--seed S] [--reject AC04=500 ...] [--return-bps B]
//
// Prints {"port":N} as the first line on stdout, then serves until SIGTERM.
#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sims/bank/bank_sim.h"
#include "sims/common/sim_server.h"

namespace {

using ansinh::http::Method;
using ansinh::http::Request;
using ansinh::http::Response;
using ansinh::sims::BankAnswer;
using ansinh::sims::BankSim;
using ansinh::sims::SimBody;
using ansinh::sims::SimError;

std::string NowIso() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Response FromAnswer(BankAnswer answer) {
  if (answer.status == 204) return SimBody(204, "text/plain", "");
  return SimBody(answer.status, std::move(answer.content_type), std::move(answer.body));
}

Response Camt054(BankSim& bank, const Request& request) {
  std::int64_t since = 0;
  if (auto text = request.QueryParam("since"); text && !text->empty()) {
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), since);
    if (ec != std::errc() || end != text->data() + text->size() || since < 0) {
      return SimError(400, "sim.since_invalid",
                      "Tham số since phải là số thứ tự bút toán đã nhận (số nguyên ≥ 0).");
    }
  }
  return FromAnswer(bank.Returns(since, NowIso()));
}

Response Handle(BankSim& bank, Request& request) {
  const std::string path = request.path;
  if (path == "/healthz" && request.method == Method::kGet) {
    return ansinh::http::JsonResponse(200, {{"status", "ok"}, {"processed", bank.processed()}});
  }
  if (path == "/pain001" && request.method == Method::kPost) {
    return FromAnswer(bank.Submit(request.body, NowIso()));
  }
  if (path == "/camt054" && request.method == Method::kGet) return Camt054(bank, request);
  return SimError(404, "sim.not_found",
                  "Không có đường dẫn " + path + " trên máy giả lập ngân hàng.");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Máy giả lập ngân hàng: nhận pain.001, trả pain.002 và camt.054");
  ansinh::sims::SimServerOptions server;
  ansinh::sims::BankRules rules;
  std::vector<std::string> rejects;
  app.add_option("--host", server.host, "Địa chỉ lắng nghe (mặc định 127.0.0.1)");
  app.add_option("--port", server.port, "Cổng; 0 = hệ thống tự chọn (mặc định)");
  app.add_option("--seed", rules.seed, "Hạt giống cho các quyết định (mặc định 1)");
  app.add_option("--reject", rejects,
                 "Tỷ lệ từ chối theo mã, điểm cơ bản: AC01=100 AC04=100 AC06=50 MD07=50");
  app.add_option("--return-bps", rules.return_bps,
                 "Tỷ lệ giao dịch đã chi bị hoàn trả sau (camt.054), điểm cơ bản");
  CLI11_PARSE(app, argc, argv);
  for (const std::string& text : rejects) {
    auto rate = ansinh::sims::ParseRejectRate(text);
    if (!rate) {
      std::fprintf(stderr, "%s\n", rate.error().message.c_str());
      return 64;
    }
    rules.rejects.push_back(*rate);
  }
  if (auto ok = ansinh::sims::CheckRules(rules); !ok) {
    std::fprintf(stderr, "%s\n", ok.error().message.c_str());
    return 64;
  }
  BankSim bank(rules);
  return ansinh::sims::RunSimServer(server,
                                    [&bank](Request& request) { return Handle(bank, request); });
}
