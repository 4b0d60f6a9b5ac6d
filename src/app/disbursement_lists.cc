#include "app/disbursement_lists.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/beneficiary.h"
#include "core/money.h"
#include "formats/pdf_table_writer.h"
#include "formats/xlsx_writer.h"
#include "store/admin_unit_store.h"

namespace ansinh::app {
namespace {

// One pay point's part of a cash list.
struct PayPointPart {
  std::string code;
  std::string name;
  std::vector<const store::BatchItemView*> items;
  std::int64_t total_vnd = 0;
};

// The commune's name in the map its code belongs to (the office knows both).
Result<std::string> CommuneName(store::SqlSession& session, const store::OfficeCommunes& communes,
                                const std::string& code) {
  const bool old_map =
      std::find(communes.pre2025.begin(), communes.pre2025.end(), code) != communes.pre2025.end();
  auto unit = store::MakeAdminUnitStore(session)->Find(
      old_map ? store::AdminEdition::kPre2025 : store::AdminEdition::k2025,
      store::AdminLevel::kCommune, code);
  if (!unit) return Fail(std::move(unit.error()));
  return *unit ? (*unit)->name : code;
}

Result<std::vector<PayPointPart>> PayPoints(store::SqlSession& session,
                                            const std::vector<store::BatchItemView>& items,
                                            const BatchFileContext& context) {
  std::map<std::string, PayPointPart> by_code;
  for (const auto& item : items) {
    if (item.transfer_vnd == 0) continue;
    PayPointPart& part = by_code[item.commune_code];
    part.items.push_back(&item);
    part.total_vnd += item.transfer_vnd;
  }
  std::vector<PayPointPart> parts;
  for (auto& [code, part] : by_code) {
    auto name = CommuneName(session, context.communes, code);
    if (!name) return Fail(std::move(name.error()));
    part.code = code;
    part.name = std::move(*name);
    parts.push_back(std::move(part));
  }
  return parts;
}

std::string Grouped(std::int64_t amount_vnd) {
  return core::MoneyVnd::FromDong(amount_vnd).ToGroupedString();
}

std::string RecipientCell(const store::BatchItemView& item) {
  auto recipient = core::ParseRecipient(item.recipient);
  if (!recipient || *recipient == core::Recipient::kSelf) return "Bản thân";
  std::string text = core::RecipientLabel(*recipient);
  if (!item.representative_name.empty()) text += ": " + item.representative_name;
  return text;
}

std::string KindCell(const store::BatchItemView& item) {
  const std::string month = PeriodMonthYear(item.for_period);
  if (item.kind == "ARREARS") return "Truy lĩnh " + month;
  if (item.kind == "ONE_OFF") return "Trợ cấp một lần";
  return "Tháng " + month;
}

std::string ListTitle(const store::BatchRecord& batch) {
  return batch.channel == "CASH_HOME" ? "DANH SÁCH CHI TRẢ TRỢ CẤP TẠI NHÀ (KÝ NHẬN)"
                                      : "DANH SÁCH CHI TRẢ TRỢ CẤP TẠI ĐIỂM CHI TRẢ (KÝ NHẬN)";
}

std::vector<std::string> ListSubtitle(const store::BatchRecord& batch,
                                      const BatchFileContext& context) {
  return {context.office_name + " — kỳ chi trả tháng " + PeriodMonthYear(context.period),
          "Lô " + batch.batch_id + " — đơn vị chi trả: " + batch.provider_name +
              " — hạn chi: " + batch.pay_by_date};
}

std::vector<formats::PdfColumn> CashColumns() {
  using formats::PdfAlign;
  return {{"STT", 12, PdfAlign::kCenter},
          {"Mã đối tượng", 28},
          {"Họ và tên", 52},
          {"Người nhận tiền", 52},
          {"Nội dung", 30},
          {"Số tiền (đồng)", 28, PdfAlign::kRight},
          {"Ký nhận", 45},
          {"Ghi chú", 26}};
}

formats::PdfSection CashSection(const PayPointPart& part) {
  formats::PdfSection section{{"Điểm chi trả: " + part.name + " (" + part.code + ")"},
                              CashColumns(),
                              {},
                              {"", "", "Cộng: " + std::to_string(part.items.size()) + " người", "",
                               "", Grouped(part.total_vnd), "", ""},
                              {"Người lập biểu", "Cán bộ chi trả", "Thủ trưởng đơn vị"}};
  std::size_t number = 0;
  for (const store::BatchItemView* item : part.items) {
    section.rows.push_back({std::to_string(++number), item->beneficiary_code, item->full_name,
                            RecipientCell(*item), KindCell(*item), Grouped(item->transfer_vnd)});
  }
  return section;
}

Status CashSheet(formats::XlsxWriter& writer, const store::BatchRecord& batch,
                 const BatchFileContext& context, const PayPointPart& part) {
  auto sheet = writer.AddSheet(part.code, {{"STT", 6},
                                           {"Mã đối tượng", 16},
                                           {"Họ và tên", 28},
                                           {"Người nhận tiền", 32},
                                           {"Nội dung", 18},
                                           {"Số tiền (đồng)", 16},
                                           {"Ký nhận", 24},
                                           {"Ghi chú", 16}});
  if (!sheet) return Fail(std::move(sheet.error()));
  formats::XlsxSheet& s = **sheet;
  Status ok = s.SetPrintFooter(WatermarkLine(context.stamp));
  if (ok) ok = s.AddTextLine(ListTitle(batch), true);
  for (const auto& line : ListSubtitle(batch, context)) {
    if (ok) ok = s.AddTextLine(line);
  }
  if (ok) ok = s.AddTextLine("Điểm chi trả: " + part.name + " (" + part.code + ")");
  if (ok) ok = s.AddTextLine(WatermarkLine(context.stamp));
  if (ok) ok = s.AddHeader();
  std::int64_t number = 0;
  for (const store::BatchItemView* item : part.items) {
    if (!ok) break;
    using V = formats::XlsxValue;
    ok = s.AddRow({V::Integer(++number), V::Text(item->beneficiary_code), V::Text(item->full_name),
                   V::Text(RecipientCell(*item)), V::Text(KindCell(*item)),
                   V::Integer(item->transfer_vnd)});
  }
  if (ok) {
    ok = s.AddRow({{},
                   {},
                   formats::XlsxValue::Text("Cộng"),
                   {},
                   {},
                   formats::XlsxValue::Integer(part.total_vnd)});
  }
  if (ok)
    ok = s.AddTextLine("Người lập biểu            Cán bộ chi trả            Thủ trưởng đơn vị");
  return ok;
}

Status AccountSheet(store::SqlSession& session, formats::XlsxWriter& writer,
                    const store::BatchRecord& batch, const std::vector<store::BatchItemView>& items,
                    const BatchFileContext& context) {
  auto sheet = writer.AddSheet("Danh sách chuyển khoản", {{"STT", 6},
                                                          {"Mã dòng chi trả", 24},
                                                          {"Mã đối tượng", 16},
                                                          {"Họ và tên", 28},
                                                          {"Mã ngân hàng", 12},
                                                          {"Số tài khoản", 20},
                                                          {"Chủ tài khoản", 28},
                                                          {"Số tiền (đồng)", 16}});
  if (!sheet) return Fail(std::move(sheet.error()));
  formats::XlsxSheet& s = **sheet;
  Status ok = s.SetPrintFooter(WatermarkLine(context.stamp));
  if (ok) ok = s.AddTextLine("DANH SÁCH CHI TRẢ TRỢ CẤP QUA TÀI KHOẢN", true);
  for (const auto& line : ListSubtitle(batch, context)) {
    if (ok) ok = s.AddTextLine(line);
  }
  if (ok) ok = s.AddTextLine(WatermarkLine(context.stamp));
  if (ok) ok = s.AddHeader();
  auto accounts = BatchAccounts::Load(session, batch);
  if (!accounts) return Fail(std::move(accounts.error()));
  std::int64_t number = 0;
  std::int64_t total_vnd = 0;
  for (const auto& item : items) {
    if (!ok) break;
    if (item.transfer_vnd == 0) continue;
    auto account = accounts->Of(item);
    if (!account) return Fail(std::move(account.error()));
    using V = formats::XlsxValue;
    total_vnd += item.transfer_vnd;
    ok = s.AddRow({V::Integer(++number), V::Text(item.line_id), V::Text(item.beneficiary_code),
                   V::Text(item.full_name), V::Text((*account)->bin), V::Text((*account)->number),
                   V::Text((*account)->holder), V::Integer(item.transfer_vnd)});
  }
  if (ok) {
    ok = s.AddRow({{},
                   formats::XlsxValue::Text("Tổng cộng: " + std::to_string(number)),
                   {},
                   {},
                   {},
                   {},
                   {},
                   formats::XlsxValue::Integer(total_vnd)});
  }
  return ok;
}

}  // namespace

Result<std::string> CashListPdf(store::SqlSession& session, const store::BatchRecord& batch,
                                const std::vector<store::BatchItemView>& items,
                                const BatchFileContext& context) {
  auto parts = PayPoints(session, items, context);
  if (!parts) return Fail(std::move(parts.error()));
  formats::PdfTableDocument document{ListTitle(batch),
                                     ListSubtitle(batch, context),
                                     WatermarkLine(context.stamp),
                                     context.stamp.user,
                                     11,
                                     {}};
  for (const auto& part : *parts) document.sections.push_back(CashSection(part));
  return formats::RenderPdfTables(document);
}

Status WriteBatchXlsx(store::SqlSession& session, const store::BatchRecord& batch,
                      const std::vector<store::BatchItemView>& items,
                      const BatchFileContext& context, const std::filesystem::path& path) {
  auto writer = formats::XlsxWriter::Create(path);
  if (!writer) return Fail(std::move(writer.error()));
  const std::string title = "Lô chi trả " + batch.batch_id;
  if (auto ok = (*writer)->SetProperties(StampProperties(context.stamp, title)); !ok) return ok;
  if (IsAccountChannel(batch.channel)) {
    if (auto ok = AccountSheet(session, **writer, batch, items, context); !ok) return ok;
  } else {
    auto parts = PayPoints(session, items, context);
    if (!parts) return Fail(std::move(parts.error()));
    for (const auto& part : *parts) {
      if (auto ok = CashSheet(**writer, batch, context, part); !ok) return ok;
    }
  }
  return (*writer)->Finish();
}

}  // namespace ansinh::app
