#include "app/settlement_report.h"

#include <fstream>
#include <optional>
#include <utility>
#include <vector>

#include "app/disbursement_files.h"
#include "app/export_stamp.h"
#include "app/payroll_office.h"
#include "app/settlement_detail.h"
#include "core/money.h"
#include "formats/pdf_table_writer.h"
#include "formats/xlsx_writer.h"
#include "store/crash_point.h"

namespace ansinh::app {
namespace {

// One row of the report's table: a label, lines, paid, returned (the
// amounts empty where they do not apply).
struct ReportRow {
  std::string number;
  std::string label;
  std::optional<std::int64_t> lines;
  std::optional<std::int64_t> paid_vnd;
  std::optional<std::int64_t> returned_vnd;
};

// What both formats print, in order.
struct ReportModel {
  std::string title;
  std::vector<std::string> heading;  // office, payer, orders, the equation
  std::vector<ReportRow> rows;
  ReportRow total;
  std::vector<std::string> signatures;
};

std::string ReportGroupedVnd(std::int64_t amount_vnd) {
  return core::MoneyVnd::FromDong(amount_vnd).ToGroupedString();
}

std::string ReportChannelLabel(const std::string& channel) {
  if (channel == "BANK_ACCOUNT") return "Chuyển khoản tài khoản ngân hàng";
  if (channel == "MOBILE_MONEY") return "Chuyển vào ví điện tử / tài khoản di động";
  if (channel == "CASH_PAYPOINT") return "Tiền mặt tại điểm chi trả";
  return "Tiền mặt tại nhà";
}

// "2026-11-05" → "05/11/2026".
std::string ReportDayMonthYear(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::int64_t ReportInt(const nlohmann::json& figures, const char* key) {
  return figures.at(key).get<std::int64_t>();
}

std::vector<std::string> EquationLines(const nlohmann::json& f, bool route1) {
  const std::int64_t paid_account = ReportInt(f, "paid_account_vnd");
  const std::int64_t paid_cash = ReportInt(f, "paid_cash_vnd");
  const std::int64_t returned = ReportInt(f, "returned_vnd");
  const std::int64_t fees = ReportInt(f, "fees_vnd");
  const std::int64_t funded = ReportInt(f, "funded_vnd");
  if (route1) {
    return {
        "Đối chiếu: Tạm ứng (A) = Đã chi vào tài khoản (B) + Đã chi tiền mặt (C) + Hoàn trả "
        "chưa chi (D) + Phí dịch vụ (E)",
        "A = " + ReportGroupedVnd(funded) + "; B = " + ReportGroupedVnd(paid_account) +
            "; C = " + ReportGroupedVnd(paid_cash) + "; D = " + ReportGroupedVnd(returned) +
            "; E = " + ReportGroupedVnd(fees) + "; chênh lệch A − (B + C + D + E) = " +
            ReportGroupedVnd(funded - paid_account - paid_cash - returned - fees) + " đồng"};
  }
  return {
      "Đối chiếu: Ủy nhiệm chi (A) = Đã chi vào tài khoản (B) + Đã chi tiền mặt (C) + "
      "Hoàn trả (D)",
      "A = " + ReportGroupedVnd(funded) + "; B = " + ReportGroupedVnd(paid_account) +
          "; C = " + ReportGroupedVnd(paid_cash) + "; D = " + ReportGroupedVnd(returned) +
          "; chênh lệch A − (B + C + D) = " +
          ReportGroupedVnd(funded - paid_account - paid_cash - returned) + " đồng; phí dịch vụ " +
          ReportGroupedVnd(fees) + " đồng thanh toán riêng"};
}

ReportModel BuildReportModel(const PayrollOffice& office, const std::string& period,
                             const settlement_detail::PayerFigures& pf, const nlohmann::json& f) {
  const bool route1 = pf.payer.route_kind == "PROVIDER";
  ReportModel m;
  m.title = route1 ? "BÁO CÁO QUYẾT TOÁN TẠM ỨNG KINH PHÍ CHI TRẢ TRỢ CẤP"
                   : "BÁO CÁO ĐỐI CHIẾU ỦY NHIỆM CHI TRẢ TRỢ CẤP";
  m.heading = {"Đơn vị: " + office.name + " — kỳ chi trả tháng " + PeriodMonthYear(period),
               "Đơn vị chi trả: " + pf.payer.provider_name + " (" + pf.payer.provider_code +
                   ") — hợp đồng số " + pf.payer.contract_number};
  for (const auto& funding : pf.fundings) {
    m.heading.push_back(std::string(route1 ? "Tạm ứng" : "Ủy nhiệm chi") + " số " +
                        funding.order_number + " ngày " + ReportDayMonthYear(funding.order_date) +
                        ": " + ReportGroupedVnd(funding.amount_vnd) + " đồng");
  }
  for (auto& line : EquationLines(f, route1)) m.heading.push_back(std::move(line));
  std::int64_t number = 0;
  for (const auto& c : f.at("channels")) {
    m.rows.push_back({std::to_string(++number),
                      ReportChannelLabel(c.at("channel").get<std::string>()), ReportInt(c, "lines"),
                      ReportInt(c, "paid_vnd"), ReportInt(c, "returned_vnd")});
  }
  if (route1) {
    m.rows.push_back({std::to_string(++number), "Tạm ứng còn thừa", std::nullopt, std::nullopt,
                      ReportInt(f, "surplus_vnd")});
  }
  m.rows.push_back({std::to_string(++number), "Phí dịch vụ", std::nullopt, ReportInt(f, "fees_vnd"),
                    std::nullopt});
  std::int64_t lines = 0;
  for (const auto& c : f.at("channels")) lines += ReportInt(c, "lines");
  m.total = {"", "Cộng", lines,
             ReportInt(f, "paid_account_vnd") + ReportInt(f, "paid_cash_vnd") +
                 (route1 ? ReportInt(f, "fees_vnd") : 0),
             ReportInt(f, "returned_vnd")};
  m.signatures = {"Người lập biểu", "Kế toán", "Thủ trưởng đơn vị", "Đại diện đơn vị chi trả"};
  return m;
}

std::string ReportCell(const std::optional<std::int64_t>& v, bool money) {
  if (!v) return "";
  return money ? ReportGroupedVnd(*v) : std::to_string(*v);
}

std::vector<std::string> PdfRow(const ReportRow& r) {
  return {r.number, r.label, ReportCell(r.lines, false), ReportCell(r.paid_vnd, true),
          ReportCell(r.returned_vnd, true)};
}

Result<std::string> RenderReportPdf(const ReportModel& m, const ExportStamp& stamp) {
  using formats::PdfAlign;
  formats::PdfSection section{m.heading,
                              {{"STT", 14, PdfAlign::kCenter},
                               {"Nội dung", 110},
                               {"Số dòng", 25, PdfAlign::kRight},
                               {"Đã chi (đồng)", 50, PdfAlign::kRight},
                               {"Hoàn trả chưa chi (đồng)", 55, PdfAlign::kRight}},
                              {},
                              PdfRow(m.total),
                              m.signatures};
  for (const auto& row : m.rows) section.rows.push_back(PdfRow(row));
  formats::PdfTableDocument document{
      m.title, {WatermarkLine(stamp)}, WatermarkLine(stamp), stamp.user, 9, {std::move(section)}};
  return formats::RenderPdfTables(document);
}

formats::XlsxValue XlsxCell(const std::optional<std::int64_t>& v) {
  return v ? formats::XlsxValue::Integer(*v) : formats::XlsxValue();
}

std::vector<formats::XlsxValue> XlsxRow(const ReportRow& r) {
  using V = formats::XlsxValue;
  return {V::Text(r.number), V::Text(r.label), XlsxCell(r.lines), XlsxCell(r.paid_vnd),
          XlsxCell(r.returned_vnd)};
}

Status WriteReportXlsx(const ReportModel& m, const ExportStamp& stamp,
                       const std::filesystem::path& path) {
  auto writer = formats::XlsxWriter::Create(path);
  if (!writer) return Fail(std::move(writer.error()));
  if (auto ok = (*writer)->SetProperties(StampProperties(stamp, m.title)); !ok) return ok;
  auto sheet = (*writer)->AddSheet("Quyết toán", {{"STT", 6},
                                                  {"Nội dung", 44},
                                                  {"Số dòng", 10},
                                                  {"Đã chi (đồng)", 18},
                                                  {"Hoàn trả chưa chi (đồng)", 22}});
  if (!sheet) return Fail(std::move(sheet.error()));
  formats::XlsxSheet& s = **sheet;
  Status ok = s.SetPrintFooter(WatermarkLine(stamp));
  if (ok) ok = s.AddTextLine(m.title, true);
  for (const auto& line : m.heading) {
    if (ok) ok = s.AddTextLine(line);
  }
  if (ok) ok = s.AddTextLine(WatermarkLine(stamp));
  if (ok) ok = s.AddHeader();
  for (const auto& row : m.rows) {
    if (ok) ok = s.AddRow(XlsxRow(row));
  }
  if (ok) ok = s.AddRow(XlsxRow(m.total));
  if (ok) {
    ok = s.AddTextLine(
        "Người lập biểu          Kế toán          Thủ trưởng đơn vị          "
        "Đại diện đơn vị chi trả");
  }
  if (!ok) return ok;
  return (*writer)->Finish();
}

Status WriteFailedReport(const std::filesystem::path& path, const std::error_code& error) {
  return Fail(ErrorKind::kInternal, "settlement.write_failed",
              "Không ghi được tệp " + path.string() + ": " + error.message());
}

Status WriteReportFile(const ReportModel& m, const SettlementReportRequest& r,
                       const std::filesystem::path& path) {
  const ExportStamp stamp{r.actor.name, r.now};
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  const std::filesystem::path temporary = path.string() + ".tmp." + r.format;
  if (r.format == "xlsx") {
    if (auto ok = WriteReportXlsx(m, stamp, temporary); !ok) return ok;
  } else {
    auto bytes = RenderReportPdf(m, stamp);
    if (!bytes) return Fail(std::move(bytes.error()));
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
    if (!out.flush()) return WriteFailedReport(path, std::make_error_code(std::errc::io_error));
  }
  store::CrashPoint();
  std::filesystem::rename(temporary, path, error);
  if (error) return WriteFailedReport(path, error);
  return {};
}

}  // namespace

Result<std::string> WriteSettlementReport(store::SqlSession& session,
                                          const SettlementReportRequest& r) {
  if (r.format != "xlsx" && r.format != "pdf") {
    return Fail(ErrorKind::kInvalidInput, "settlement.format_invalid",
                "Định dạng báo cáo quyết toán phải là xlsx hoặc pdf.");
  }
  auto cycle = settlement_detail::FindCycle(session, r.cycle, r.now, true);
  if (!cycle) return Fail(std::move(cycle.error()));
  auto office = ResolveOffice(session, r.cycle.unit, r.cycle.edition, r.now);
  if (!office) return Fail(std::move(office.error()));
  auto store = store::MakeSettlementStore(session);
  auto settled = store->FindSettlement(cycle->id, r.provider_code);
  if (!settled) return Fail(std::move(settled.error()));
  if (!*settled) {
    return Fail(ErrorKind::kConflict, "settlement.not_settled",
                "Đơn vị chi trả " + r.provider_code + " chưa quyết toán kỳ " + cycle->period +
                    "; chưa lập được báo cáo quyết toán.");
  }
  auto pf = settlement_detail::FiguresOf(*store, cycle->id, r.provider_code, cycle->period);
  if (!pf) return Fail(std::move(pf.error()));
  const ReportModel model =
      BuildReportModel(*office, cycle->period, *pf, nlohmann::json::parse((*settled)->detail));
  const std::string object_id = cycle->unit_code + "/" + cycle->period + "/" + r.provider_code;
  if (auto ok = AuditExport(session, r.actor,
                            ExportRecord{"disburse.settlement_export", "pay_cycle", object_id,
                                         r.format, static_cast<std::int64_t>(model.rows.size()),
                                         nlohmann::json{{"provider", r.provider_code}}});
      !ok) {
    return Fail(ok.error());
  }
  const std::filesystem::path path =
      r.out_dir / ("quyet-toan-" + cycle->period + "-" + cycle->unit_code + "-" + r.provider_code +
                   "." + r.format);
  if (auto ok = WriteReportFile(model, r, path); !ok) return Fail(ok.error());
  return path.string();
}

}  // namespace ansinh::app
