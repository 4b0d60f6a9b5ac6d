// The class that draws one beneficiary (demo_person.h), shared by
// demo_person.cc (the decisions) and demo_person_write.cc (the cells).
// Internal to demo_*.cc.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

#include "app/demo_person.h"

namespace ansinh::app::demo_detail {

using core::Sex;

// Probabilities in parts per million (demo_random.h: no floating point).
inline constexpr std::uint32_t kNccPerMillion = 250'000;          // NCC : BTXH about 1 : 3
inline constexpr std::uint32_t kPhonePerMillion = 600'000;
inline constexpr std::uint32_t kAccountPerMillion = 110'000;      // of adults who collect themselves
inline constexpr std::uint32_t kWalletPerMillion = 300'000;       // of accounts
inline constexpr std::uint32_t kAuthorisedPerMillion = 5'000;     // of adults
inline constexpr std::uint32_t kFrailSpecialPerMillion = 35'000;  // 85 and over, or severe disability
inline constexpr std::uint32_t kSpecialPerMillion = 10'000;
inline constexpr std::uint32_t kDirtyPerMillion = 5'000;
inline constexpr std::uint32_t kBornElsewherePerMillion = 80'000;
inline constexpr std::uint32_t kYearOnlyPerMillion = 150'000;     // of the eligible elderly
inline constexpr std::uint32_t kSupplementPerMillion = 120'000;   // of martyrs' relatives
inline constexpr std::uint32_t kYoungSmartphonePerMillion = 700'000;
inline constexpr std::uint32_t kOldSmartphonePerMillion = 250'000;

inline constexpr int kGuardianBelowAge = 16;  // Luật Trẻ em: a child is under 16
inline constexpr int kAdultAge = 18;
inline constexpr int kFrailAge = 85;
inline constexpr int kOldAge = 60;
inline constexpr int kYearOnlyBeforeYear = 1950;  // old registers often hold only the birth year
inline constexpr int kSkewFromAge = 55;           // older groups thin out with age
inline constexpr int kCodeIndexDigits = 7;
inline constexpr int kMaxVillage = 15;
inline constexpr int kMaxDecisionNumber = 9'999;

enum class Dirty { kNone, kSexMismatch, kBirthYearMismatch, kLegacyCmnd, kMissingId,
                   kInvalidPhone, kMalformedAccount };
inline constexpr int kDirtyKinds = 6;

enum class Account { kNone, kBank, kWallet };

inline void AppendNumber(std::string& out, std::int64_t value, int width = 0) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  for (auto digits = end - buffer; digits < width; ++digits) out.push_back('0');
  out.append(buffer, end);
}

inline void AppendDigits(std::string& out, DemoRandom& random, int count) {
  for (int i = 0; i < count; ++i) out.push_back(random.Digit());
}

inline std::size_t SexIndex(Sex sex) { return static_cast<std::size_t>(sex); }

// One beneficiary's draw; lives for one person. Not thread-safe.
class Drawer {
 public:
  Drawer(const DemoPlan& plan, std::uint64_t seed, std::int64_t index, DemoStats& stats)
      : plan_(plan), random_(seed, static_cast<std::uint64_t>(index)), index_(index),
        stats_(stats) {}

  void Draw(DemoRows& out);

 private:
  const PolicyDraw& PickPolicy();
  int DrawAge();
  void DrawBirth();
  void DrawChoices();
  void WritePerson(DemoRow& row);
  void WriteName(std::string& name, std::string* folded, Sex sex, bool modern,
                 std::optional<std::size_t> family);
  void WriteCitizenId(std::string& cell, int year, Sex sex, Dirty dirty, bool home);
  void WritePhone(std::string& cell);
  void WriteRepresentative(DemoRow& row);
  void WritePayment(DemoRow& row);
  void WriteEntitlement(DemoRow& row, const PolicyDraw& policy);
  void Count(const DemoRows& out);

  const DemoPlan& plan_;
  DemoRandom random_;
  std::int64_t index_;
  DemoStats& stats_;
  const PolicyDraw* policy_ = nullptr;
  Sex sex_ = Sex::kMale;
  int age_ = 0;
  int birth_year_ = 0, birth_month_ = 0, birth_day_ = 0;
  bool year_only_ = false;
  bool guardian_ = false, authorised_ = false, special_ = false, home_id_ = true;
  Dirty dirty_ = Dirty::kNone;
  Account account_ = Account::kNone;
  std::size_t commune_ = 0;
  std::size_t family_ = 0;
  std::size_t wallet_ = 0;
  std::string holder_;
};

}  // namespace ansinh::app::demo_detail
