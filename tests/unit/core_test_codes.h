// A small hand-made ReferenceCodes for the value-type tests, so they do not
// depend on the CSV loader. Entries are real (shared/data/*.csv) but few.
#pragma once

#include "core/reference_codes.h"

namespace ansinh::test {

inline const core::ReferenceCodes& TestCodes() {
  static const core::ReferenceCodes codes = [] {
    core::ReferenceCodes built;
    built.citizen_id_province_codes = {"001", "002", "031", "038", "046", "079", "092", "096"};
    for (const char* prefix : {"032", "039", "086", "096", "098"}) {
      built.mobile_prefixes[prefix] = {prefix, "Viettel"};
    }
    for (const char* prefix : {"070", "079", "090", "093"}) {
      built.mobile_prefixes[prefix] = {prefix, "MobiFone"};
    }
    for (const char* prefix : {"081", "084", "088", "091", "094"}) {
      built.mobile_prefixes[prefix] = {prefix, "VinaPhone"};
    }
    built.mobile_prefixes["056"] = {"056", "Vietnamobile"};
    built.mobile_prefixes["099"] = {"099", "Gmobile (Gtel)"};
    using Kind = core::PaymentInstitutionKind;
    built.institutions["970436"] = {"970436", "VCB", "Vietcombank",
                                    "Ngân hàng TMCP Ngoại Thương Việt Nam", Kind::kBank};
    built.institutions["970405"] = {"970405", "VBA", "Agribank",
                                    "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam",
                                    Kind::kBank};
    built.institutions["971005"] = {"971005", "VTLMONEY", "ViettelMoney",
                                    "Tổng Công ty Dịch vụ số Viettel", Kind::kMobileMoney};
    built.institutions["971011"] = {"971011", "VNPTMONEY", "VNPTMoney", "VNPT Money",
                                    Kind::kMobileMoney};
    return built;
  }();
  return codes;
}

}  // namespace ansinh::test
