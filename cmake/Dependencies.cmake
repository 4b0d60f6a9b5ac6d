# Every package here comes from Debian 12 (see deps/debian-packages.txt).
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(nlohmann_json REQUIRED)
find_package(Boost 1.81 REQUIRED COMPONENTS url)
find_package(CLI11 CONFIG REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(GTest REQUIRED)
find_package(benchmark REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
# Printable PDF lists (formats/pdf_document.h): Pango lays out Vietnamese text,
# Cairo writes the PDF.
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo)
find_package(pugixml REQUIRED)
find_package(libzip REQUIRED)

find_package(tl-expected CONFIG REQUIRED)
# HMAC-SHA1 for TOTP second factors (core/totp.cc); libsodium has no SHA-1.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
