#include "app/demo_plan.h"

#include <array>
#include <cstdio>
#include <string_view>

#include "core/name.h"

namespace ansinh::app::demo_detail {
namespace {

tl::unexpected<Error> Invalid(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

// Rough market shares in the countryside; unlisted carriers share the rest.
struct CarrierShare {
  std::string_view carrier;
  std::uint32_t weight;
};
constexpr std::array kCarrierShares = {CarrierShare{"Viettel", 55}, CarrierShare{"VinaPhone", 25},
                                       CarrierShare{"MobiFone", 15}};
constexpr std::uint32_t kOtherCarriersWeight = 5;

// Where allowances in a rural province are paid into: Agribank above all.
struct InstitutionShare {
  std::string_view bin;
  std::uint32_t weight;
  int account_digits;            // banks
  std::string_view carrier;      // wallets: whose phone numbers they use
};
constexpr std::array kBankShares = {
    InstitutionShare{"970405", 50, 13, ""},  // Agribank
    InstitutionShare{"970418", 16, 14, ""},  // BIDV
    InstitutionShare{"970415", 16, 12, ""},  // VietinBank
    InstitutionShare{"970436", 10, 13, ""},  // Vietcombank
    InstitutionShare{"970422", 8, 12, ""},   // MB
};
constexpr std::array kWalletShares = {
    InstitutionShare{"971005", 75, 10, "Viettel"},    // Viettel Money
    InstitutionShare{"971011", 25, 10, "VinaPhone"},  // VNPT Money
};

std::uint32_t CarrierWeight(const std::string& carrier) {
  for (const CarrierShare& share : kCarrierShares) {
    if (carrier == share.carrier) return share.weight;
  }
  return kOtherCarriersWeight;
}

Status AddPrefixes(const core::ReferenceCodes& codes, DemoPlan& plan) {
  std::vector<std::uint32_t> weights;
  for (const auto& [prefix, entry] : codes.mobile_prefixes) {
    plan.prefixes.push_back(prefix);
    // Per prefix: a carrier's share is spread over its prefixes (100 = scale).
    std::size_t same = 0;
    for (const auto& other : codes.mobile_prefixes) {
      if (other.second.carrier == entry.carrier) ++same;
    }
    weights.push_back(static_cast<std::uint32_t>(CarrierWeight(entry.carrier) * 100u / same) + 1);
  }
  if (plan.prefixes.empty()) {
    return Invalid("demo.no_mobile_prefixes", "Danh mục đầu số di động trống");
  }
  plan.prefix_index = WeightedIndex(weights);
  return {};
}

std::vector<std::size_t> PrefixesOf(const core::ReferenceCodes& codes, const DemoPlan& plan,
                                    std::string_view carrier) {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < plan.prefixes.size(); ++i) {
    if (codes.mobile_prefixes.at(plan.prefixes[i]).carrier == carrier) found.push_back(i);
  }
  return found;
}

template <std::size_t N>
void AddInstitutions(const std::array<InstitutionShare, N>& shares,
                     core::PaymentInstitutionKind kind, const core::ReferenceCodes& codes,
                     std::vector<AccountInstitution>& out, WeightedIndex& index,
                     const DemoPlan& plan) {
  std::vector<std::uint32_t> weights;
  for (const InstitutionShare& share : shares) {
    auto found = codes.institutions.find(std::string(share.bin));
    if (found == codes.institutions.end() || found->second.kind != kind) continue;
    AccountInstitution institution{std::string(share.bin), share.account_digits, {}};
    if (!share.carrier.empty()) {
      institution.phone_prefixes = PrefixesOf(codes, plan, share.carrier);
      if (institution.phone_prefixes.empty()) continue;
    }
    out.push_back(std::move(institution));
    weights.push_back(share.weight);
  }
  if (!weights.empty()) index = WeightedIndex(weights);
}

Status AddCitizenIdCodes(const DemoInputs& inputs, DemoPlan& plan) {
  plan.home_citizen_id_code = "0" + inputs.province_code;
  const auto& known = inputs.codes.citizen_id_province_codes;
  if (inputs.province_code.size() != 2 || known.count(plan.home_citizen_id_code) == 0) {
    return Invalid("demo.province_citizen_id_unknown",
                   "Không có mã tỉnh trên CCCD cho tỉnh " + inputs.province_code);
  }
  for (const std::string& code : known) {
    if (code != plan.home_citizen_id_code) plan.other_citizen_id_codes.push_back(code);
  }
  return {};
}

// "Nguyễn" → "NGUYEN": the account-holder form banks print.
Result<std::string> Fold(std::string_view name) {
  Result<std::string> key = core::NameMatchKey(name);
  if (!key) return Fail(std::move(key.error()));
  for (char& c : *key) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return key;
}

Result<NameTable> MakeNameTable(std::span<const DemoName> names) {
  NameTable table{names, {}, {}};
  std::vector<std::uint32_t> weights;
  for (const DemoName& name : names) {
    Result<std::string> folded = Fold(name.text);
    if (!folded) return Fail(std::move(folded.error()));
    table.folded.push_back(std::move(*folded));
    weights.push_back(name.weight);
  }
  table.index = WeightedIndex(weights);
  return table;
}

Status AddNames(DemoPlan& plan) {
  auto family = MakeNameTable(FamilyNames());
  if (!family) return Fail(std::move(family.error()));
  plan.family = std::move(*family);
  for (core::Sex sex : {core::Sex::kMale, core::Sex::kFemale}) {
    const auto s = static_cast<std::size_t>(sex);
    for (bool modern : {false, true}) {
      auto middle = MakeNameTable(MiddleNames(sex, modern));
      if (!middle) return Fail(std::move(middle.error()));
      plan.middle[s][modern ? 1 : 0] = std::move(*middle);
    }
    auto given = MakeNameTable(GivenNames(sex));
    if (!given) return Fail(std::move(given.error()));
    plan.given[s] = std::move(*given);
  }
  return {};
}

Status CheckShape(const DemoInputs& inputs, const DemoOptions& options) {
  if (options.size < 1 || options.size > DemoOptions::kMaxSize) {
    return Invalid("demo.size_out_of_range", "Số đối tượng phải từ 1 đến " +
                                                 std::to_string(DemoOptions::kMaxSize));
  }
  if (inputs.communes.empty()) {
    return Invalid("demo.no_communes", "Không có xã nào của tỉnh " + inputs.province_code);
  }
  return {};
}

}  // namespace

Result<DemoPlan> MakeDemoPlan(const DemoInputs& inputs, const DemoOptions& options) {
  if (auto ok = CheckShape(inputs, options); !ok) return Fail(std::move(ok.error()));
  DemoPlan plan;
  plan.inputs = &inputs;
  plan.current = options.current;
  Result<core::Period> before = options.current.PlusMonths(-1);
  if (!before) return Fail(std::move(before.error()));
  plan.paid_through = *before;
  char month[16];
  std::snprintf(month, sizeof month, "%02d/%04d", before->month(), before->year());
  plan.paid_through_cell = month;
  if (auto ok = AddCitizenIdCodes(inputs, plan); !ok) return Fail(std::move(ok.error()));
  if (auto ok = AddPrefixes(inputs.codes, plan); !ok) return Fail(std::move(ok.error()));
  AddInstitutions(kBankShares, core::PaymentInstitutionKind::kBank, inputs.codes, plan.banks,
                  plan.bank_index, plan);
  AddInstitutions(kWalletShares, core::PaymentInstitutionKind::kMobileMoney, inputs.codes,
                  plan.wallets, plan.wallet_index, plan);
  if (plan.banks.empty() || plan.wallets.empty()) {
    return Invalid("demo.no_institutions",
                   "Danh mục ngân hàng thiếu Agribank/BIDV/VietinBank/Vietcombank/MB hoặc ví "
                   "Viettel Money/VNPT Money");
  }
  if (auto ok = AddNames(plan); !ok) return Fail(std::move(ok.error()));
  if (auto ok = AddDemoPolicies(inputs, plan); !ok) return Fail(std::move(ok.error()));
  return plan;
}

}  // namespace ansinh::app::demo_detail
