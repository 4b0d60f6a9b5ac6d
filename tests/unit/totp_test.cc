// TOTP: the RFC 4226 and RFC 6238 test vectors, the window, replay refusal,
// base32 and the provisioning URI.
#include "core/totp.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ansinh::core {
namespace {

// The secret of both RFCs' SHA-1 vectors: ASCII "12345678901234567890".
std::vector<std::uint8_t> RfcSecret() {
  const std::string text = "12345678901234567890";
  return {text.begin(), text.end()};
}

TEST(TotpTest, HotpMatchesRfc4226AppendixD) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  const auto secret = RfcSecret();
  for (int counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(FormatTotpCode(HotpValue(OpenSslHmacSha1, secret, counter)), expected[counter])
        << "counter " << counter;
  }
}

TEST(TotpTest, TotpMatchesRfc6238AppendixBForSha1) {
  struct Case {
    std::int64_t unix_s;
    const char* code;  // 8 digits in the RFC
  };
  const Case cases[] = {{59, "94287082"},         {1111111109, "07081804"},
                        {1111111111, "14050471"}, {1234567890, "89005924"},
                        {2000000000, "69279037"}, {20000000000, "65353130"}};
  const auto secret = RfcSecret();
  for (const auto& c : cases) {
    EXPECT_EQ(FormatTotpCode(HotpValue(OpenSslHmacSha1, secret, TotpStep(c.unix_s), 8), 8), c.code)
        << "time " << c.unix_s;
  }
}

std::string SixDigitsAt(std::int64_t unix_s) {
  return FormatTotpCode(HotpValue(OpenSslHmacSha1, RfcSecret(), TotpStep(unix_s)));
}

TEST(TotpTest, AcceptsTheCurrentAndNeighbouringSteps) {
  const std::int64_t now_s = 1111111111;
  const auto secret = RfcSecret();
  const std::int64_t step = TotpStep(now_s);
  EXPECT_EQ(MatchTotp(OpenSslHmacSha1, secret, SixDigitsAt(now_s), now_s, 0), step);
  EXPECT_EQ(MatchTotp(OpenSslHmacSha1, secret, SixDigitsAt(now_s - 30), now_s, 0), step - 1);
  EXPECT_EQ(MatchTotp(OpenSslHmacSha1, secret, SixDigitsAt(now_s + 30), now_s, 0), step + 1);
  EXPECT_FALSE(MatchTotp(OpenSslHmacSha1, secret, SixDigitsAt(now_s - 60), now_s, 0));
  EXPECT_FALSE(MatchTotp(OpenSslHmacSha1, secret, SixDigitsAt(now_s + 60), now_s, 0));
}

TEST(TotpTest, RefusesAReplayedOrOlderCode) {
  const std::int64_t now_s = 1234567890;
  const auto secret = RfcSecret();
  const std::int64_t step = TotpStep(now_s);
  EXPECT_FALSE(MatchTotp(OpenSslHmacSha1, secret, SixDigitsAt(now_s), now_s, step));
  EXPECT_FALSE(MatchTotp(OpenSslHmacSha1, secret, SixDigitsAt(now_s - 30), now_s, step));
  EXPECT_EQ(MatchTotp(OpenSslHmacSha1, secret, SixDigitsAt(now_s + 30), now_s, step), step + 1);
}

TEST(TotpTest, RefusesMalformedCodes) {
  const std::int64_t now_s = 59;
  const auto secret = RfcSecret();
  const std::string good = SixDigitsAt(now_s);
  for (const std::string& bad :
       {std::string(""), good.substr(0, 5), good + "0", std::string("12345a"),
        std::string(" ") + good.substr(1), std::string("94287082")}) {
    EXPECT_FALSE(MatchTotp(OpenSslHmacSha1, secret, bad, now_s, 0)) << bad;
  }
}

TEST(TotpTest, Base32RoundTripsAndMatchesRfc4648) {
  const std::string foobar = "foobar";
  const std::vector<std::uint8_t> bytes(foobar.begin(), foobar.end());
  EXPECT_EQ(Base32Encode(bytes), "MZXW6YTBOI");
  EXPECT_EQ(Base32Encode(RfcSecret()), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(Base32Decode("mzxw 6ytb oi======"), bytes);
  EXPECT_FALSE(Base32Decode("MZXW1"));  // '1' is not base32
}

TEST(TotpTest, ProvisioningUriCarriesTheParameters) {
  EXPECT_EQ(TotpProvisioningUri("ansinh", "huyen 01", RfcSecret()),
            "otpauth://totp/ansinh:huyen%2001?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=ansinh&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace ansinh::core
