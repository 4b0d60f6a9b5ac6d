// The code lists that value-type parsers check against (CCCD province codes,
// mobile prefixes, bank BINs). Pure data: the core does no I/O, so a loader in
// formats/ fills this from the shipped CSV files and the app passes it in.
#pragma once

#include <map>
#include <set>
#include <string>

namespace ansinh::core {

// What sits behind a NAPAS BIN: a bank, or a mobile-money (e-wallet) provider.
enum class PaymentInstitutionKind { kBank, kMobileMoney };

struct PaymentInstitution {
  std::string bin;  // 6-digit NAPAS BIN, e.g. "970436", "971005"
  std::string code;        // short code such as "VCB", "VIETTELMONEY"
  std::string short_name;
  std::string full_name;   // Vietnamese legal name
  PaymentInstitutionKind kind = PaymentInstitutionKind::kBank;
};

struct MobilePrefix {
  std::string prefix;   // first three digits of a 10-digit number, e.g. "032"
  std::string carrier;  // "Viettel", "VinaPhone", ...
};

struct ReferenceCodes {
  std::set<std::string> citizen_id_province_codes;   // "001".."096"
  std::map<std::string, MobilePrefix> mobile_prefixes;       // by prefix
  std::map<std::string, PaymentInstitution> institutions;    // by BIN
};

}  // namespace ansinh::core
