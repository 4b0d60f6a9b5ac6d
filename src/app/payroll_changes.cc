#include "app/payroll_changes.h"

#include <map>
#include <utility>

#include "app/payroll_decrease_reasons.h"
#include "app/payroll_office.h"
#include "formats/xlsx_writer.h"

namespace ansinh::app {
namespace {

struct PersonTotal {
  std::int64_t beneficiary_id = 0;
  std::int64_t amount_vnd = 0;
  std::string channel;  // of the person's first line
};
using PersonTotals = std::map<std::string, PersonTotal>;

struct OfficeCycles {
  PayrollOffice office;
  store::PayCycleRecord cycle;
  std::optional<store::PayCycleRecord> previous;  // the latest approved before it
};

Result<OfficeCycles> Cycles(store::SqlSession& session, const PayrollRequest& request) {
  auto office = ResolveOffice(session, request.unit, request.edition, request.now);
  if (!office) return Fail(std::move(office.error()));
  auto cycles = store::MakePayrollCycleStore(session);
  auto cycle = cycles->Find(office->code, office->edition, request.period);
  if (!cycle) return Fail(std::move(cycle.error()));
  if (!*cycle) {
    return Fail(ErrorKind::kNotFound, "payroll.cycle_not_found",
                "Chưa có bảng lương kỳ " + request.period + " của đơn vị " + request.unit + ".");
  }
  auto previous = cycles->LatestBefore(office->code, office->edition, request.period, "approved");
  if (!previous) return Fail(std::move(previous.error()));
  return OfficeCycles{std::move(*office), std::move(**cycle), std::move(*previous)};
}

Result<PersonTotals> TotalsOf(store::SqlSession& session, std::int64_t cycle_id) {
  PersonTotals totals;
  auto ok = store::MakePayrollCycleStore(session)->ForEachLine(
      cycle_id, [&](const store::PaymentLineRecord& line) -> Status {
        auto [slot, inserted] = totals.try_emplace(line.beneficiary_code);
        if (inserted) {
          slot->second.beneficiary_id = line.beneficiary_id;
          slot->second.channel = line.channel;
        }
        slot->second.amount_vnd += line.amount_vnd;
        return {};
      });
  if (!ok) return Fail(std::move(ok.error()));
  return totals;
}

std::string Grouped(std::int64_t amount_vnd) {
  return core::MoneyVnd::FromDong(amount_vnd).ToGroupedString();
}

std::optional<PayrollChange> Compare(const std::string& code, const PersonTotal* before,
                                     const PersonTotal* now) {
  PayrollChange change{code, "", std::nullopt, std::nullopt, std::nullopt, std::nullopt, "",
                       std::nullopt};
  if (before != nullptr) {
    change.previous_amount_vnd = before->amount_vnd;
    change.previous_channel = before->channel;
  }
  if (now != nullptr) {
    change.amount_vnd = now->amount_vnd;
    change.channel = now->channel;
  }
  if (before == nullptr) {
    change.change = "tang";
    change.detail = "Tăng: hưởng mới " + Grouped(now->amount_vnd) + " đồng.";
  } else if (now == nullptr) {
    change.change = "giam";
    change.detail = "Giảm: không còn chi trả (kỳ trước " + Grouped(before->amount_vnd) + " đồng).";
  } else if (before->amount_vnd != now->amount_vnd || before->channel != now->channel) {
    change.change = "dieu_chinh";
    if (before->amount_vnd != now->amount_vnd) {
      change.detail = "Điều chỉnh số tiền: " + Grouped(before->amount_vnd) + " → " +
                      Grouped(now->amount_vnd) + " đồng.";
    }
    if (before->channel != now->channel) {
      change.detail += std::string(change.detail.empty() ? "" : " ") + "Đổi hình thức chi trả: " +
                       before->channel + " → " + now->channel + ".";
    }
  } else {
    return std::nullopt;
  }
  return change;
}

nlohmann::json Optional(const auto& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

const char* ChangeTitle(const std::string& change) {
  if (change == "tang") return "Tăng";
  if (change == "giam") return "Giảm";
  return "Điều chỉnh";
}

// Gives each decrease its reason and says it in the detail: "Giảm: hết tuổi
// hưởng (kỳ trước 500.000 đồng)."
Status ExplainDecreases(store::SqlSession& session, const OfficeCycles& cycles,
                        const PersonTotals& before, std::vector<PayrollChange>& changes) {
  std::vector<std::int64_t> ids;
  for (const PayrollChange& change : changes) {
    if (change.change == "giam") ids.push_back(before.at(change.beneficiary_code).beneficiary_id);
  }
  if (ids.empty()) return {};
  auto period = core::Period::Parse(cycles.cycle.period);
  if (!period) return Fail(std::move(period.error()));
  auto reasons = DecreaseReasonsOf(session, cycles.office.communes, *period, std::move(ids));
  if (!reasons) return Fail(std::move(reasons.error()));
  for (PayrollChange& change : changes) {
    if (change.change != "giam") continue;
    const core::DecreaseReason reason =
        reasons->at(before.at(change.beneficiary_code).beneficiary_id);
    change.reason = core::DecreaseReasonCode(reason);
    change.detail = std::string("Giảm: ") + core::DecreaseReasonText(reason) + " (kỳ trước " +
                    Grouped(*change.previous_amount_vnd) + " đồng).";
  }
  return {};
}

bool PaidLess(const PayrollChange& change) {
  return change.change == "dieu_chinh" && change.amount_vnd && change.previous_amount_vnd &&
         *change.amount_vnd < *change.previous_amount_vnd;
}

// An adjustment down because one of a person's entitlements stopped (a child
// ageing out of one of two allowances) carries that reason too, so it is not
// mistaken for a rate change: "… Giảm một chế độ: hết tuổi hưởng."
Status ExplainPartialDecreases(store::SqlSession& session, const OfficeCycles& cycles,
                               const PersonTotals& before, std::vector<PayrollChange>& changes) {
  if (!cycles.previous) return {};
  std::vector<std::int64_t> ids;
  for (const PayrollChange& change : changes) {
    if (PaidLess(change)) ids.push_back(before.at(change.beneficiary_code).beneficiary_id);
  }
  if (ids.empty()) return {};
  auto period = core::Period::Parse(cycles.cycle.period);
  if (!period) return Fail(std::move(period.error()));
  auto previous = core::Period::Parse(cycles.previous->period);
  if (!previous) return Fail(std::move(previous.error()));
  auto reasons =
      PartialDecreaseReasonsOf(session, cycles.office.communes, *period, *previous, std::move(ids));
  if (!reasons) return Fail(std::move(reasons.error()));
  for (PayrollChange& change : changes) {
    if (!PaidLess(change)) continue;
    const auto found = reasons->find(before.at(change.beneficiary_code).beneficiary_id);
    if (found == reasons->end()) continue;
    change.reason = core::DecreaseReasonCode(found->second);
    change.detail += std::string(" Giảm một chế độ: ") + core::DecreaseReasonText(found->second) + ".";
  }
  return {};
}

// The Vietnamese reason of a decrease, for the sheet ("" for other changes).
std::string ReasonTitle(const std::optional<std::string>& code) {
  if (!code) return "";
  for (const auto reason :
       {core::DecreaseReason::kDeath, core::DecreaseReason::kMovedAway,
        core::DecreaseReason::kIneligible, core::DecreaseReason::kSuspended,
        core::DecreaseReason::kEntitlementEnded, core::DecreaseReason::kAgedOut}) {
    if (*code == core::DecreaseReasonCode(reason)) return core::DecreaseReasonText(reason);
  }
  return core::DecreaseReasonText(core::DecreaseReason::kOther);
}

formats::XlsxValue OptionalAmount(const std::optional<std::int64_t>& amount) {
  return amount ? formats::XlsxValue::Integer(*amount) : formats::XlsxValue();
}

}  // namespace

Result<PayrollChanges> CollectChanges(store::SqlSession& session, const PayrollRequest& request) {
  auto cycles = Cycles(session, request);
  if (!cycles) return Fail(std::move(cycles.error()));
  const store::PayCycleRecord& cycle = cycles->cycle;
  const std::optional<store::PayCycleRecord>& previous = cycles->previous;
  PayrollChanges out{cycle.unit_code, cycle.period, cycle.status, std::nullopt, {}};
  auto now = TotalsOf(session, cycle.id);
  if (!now) return Fail(std::move(now.error()));
  PersonTotals before;
  if (previous) {
    out.previous_period = previous->period;
    auto loaded = TotalsOf(session, previous->id);
    if (!loaded) return Fail(std::move(loaded.error()));
    before = std::move(*loaded);
  }
  auto b = before.begin();
  auto n = now->begin();
  while (b != before.end() || n != now->end()) {
    std::optional<PayrollChange> change;
    if (n == now->end() || (b != before.end() && b->first < n->first)) {
      change = Compare(b->first, &b->second, nullptr);
      ++b;
    } else if (b == before.end() || n->first < b->first) {
      change = Compare(n->first, nullptr, &n->second);
      ++n;
    } else {
      change = Compare(n->first, &b->second, &n->second);
      ++b;
      ++n;
    }
    if (change) out.changes.push_back(std::move(*change));
  }
  if (auto ok = ExplainDecreases(session, *cycles, before, out.changes); !ok) {
    return Fail(std::move(ok.error()));
  }
  if (auto ok = ExplainPartialDecreases(session, *cycles, before, out.changes); !ok) {
    return Fail(std::move(ok.error()));
  }
  return out;
}

nlohmann::json ToJson(const PayrollChanges& changes) {
  nlohmann::json list = nlohmann::json::array();
  std::map<std::string, std::int64_t> counts{{"tang", 0}, {"giam", 0}, {"dieu_chinh", 0}};
  for (const PayrollChange& c : changes.changes) {
    ++counts[c.change];
    list.push_back({{"beneficiary_code", c.beneficiary_code},
                    {"change", c.change},
                    {"previous_amount_vnd", Optional(c.previous_amount_vnd)},
                    {"amount_vnd", Optional(c.amount_vnd)},
                    {"previous_channel", Optional(c.previous_channel)},
                    {"channel", Optional(c.channel)},
                    {"reason", Optional(c.reason)},
                    {"detail", c.detail}});
  }
  return {{"unit", changes.unit},
          {"period", changes.period},
          {"status", changes.status},
          {"previous_period", Optional(changes.previous_period)},
          {"counts", counts},
          {"changes", list}};
}

nlohmann::json ToJson(const PayrollChanges& changes, const ExportStamp& stamp) {
  nlohmann::json out = ToJson(changes);
  StampJson(out, stamp);
  return out;
}

Status AuditChangesExport(store::SqlSession& session, const AuditActor& actor,
                          const PayrollChanges& changes, const std::string& format) {
  return AuditExport(session, actor,
                     ExportRecord{"payroll.changes_export", "pay_cycle",
                                  changes.unit + "/" + changes.period, format,
                                  static_cast<std::int64_t>(changes.changes.size()),
                                  {{"status", changes.status}}});
}

Status WriteChangesXlsx(const PayrollChanges& changes, const std::filesystem::path& file,
                        const ExportStamp& stamp) {
  auto writer = formats::XlsxWriter::Create(file);
  if (!writer) return Fail(std::move(writer.error()));
  const std::string title = "Danh sách tăng, giảm, điều chỉnh đối tượng hưởng - kỳ " +
                            changes.period + " - đơn vị " + changes.unit;
  if (auto ok = (*writer)->SetProperties(StampProperties(stamp, title)); !ok) return ok;
  auto sheet = (*writer)->AddSheet(
      "Tăng giảm điều chỉnh",
      {{"Mã đối tượng", 16}, {"Loại", 12}, {"Số tiền kỳ trước", 18}, {"Số tiền kỳ này", 18},
       {"Hình thức kỳ trước", 18}, {"Hình thức kỳ này", 18}, {"Lý do giảm", 30},
       {"Diễn giải", 60}});
  if (!sheet) return Fail(std::move(sheet.error()));
  formats::XlsxSheet& s = **sheet;
  Status ok = s.SetPrintFooter(WatermarkLine(stamp));
  if (ok) ok = s.AddTextLine(title, true);
  if (ok) {
    ok = s.AddTextLine("So với kỳ đã phê duyệt: " +
                       changes.previous_period.value_or("(chưa có kỳ nào được phê duyệt)"));
  }
  if (ok) ok = s.AddTextLine(WatermarkLine(stamp));
  if (ok) ok = s.AddHeader();
  for (const PayrollChange& c : changes.changes) {
    if (!ok) break;
    ok = s.AddRow({formats::XlsxValue::Text(c.beneficiary_code),
                   formats::XlsxValue::Text(ChangeTitle(c.change)),
                   OptionalAmount(c.previous_amount_vnd), OptionalAmount(c.amount_vnd),
                   formats::XlsxValue::Text(c.previous_channel.value_or("")),
                   formats::XlsxValue::Text(c.channel.value_or("")),
                   formats::XlsxValue::Text(ReasonTitle(c.reason)),
                   formats::XlsxValue::Text(c.detail)});
  }
  if (ok) ok = s.AddTextLine("Tổng số thay đổi: " + std::to_string(changes.changes.size()));
  if (!ok) return ok;
  return (*writer)->Finish();
}

Result<std::vector<PayPointGroup>> CashByPayPoint(store::SqlSession& session,
                                                  const PayrollRequest& request) {
  auto cycles = Cycles(session, request);
  if (!cycles) return Fail(std::move(cycles.error()));
  std::map<std::pair<std::string, std::string>, AmountTotal> groups;
  auto ok = store::MakePayrollCycleStore(session)->ForEachLine(
      cycles->cycle.id, [&](const store::PaymentLineRecord& line) -> Status {
        if (line.status == "held") return {};
        if (line.channel != "CASH_PAYPOINT" && line.channel != "CASH_HOME") return {};
        AmountTotal& total = groups[{line.commune_code, line.channel}];
        total.count += 1;
        total.amount_vnd += line.amount_vnd;
        return {};
      });
  if (!ok) return Fail(std::move(ok.error()));
  std::vector<PayPointGroup> out;
  for (const auto& [key, total] : groups) out.push_back({key.first, key.second, total});
  return out;
}

}  // namespace ansinh::app
