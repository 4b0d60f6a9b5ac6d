// A VND amount in an ISO 20022 message: whole đồng, written "750000" or with
// a zero fraction "750000.00" (VND has no minor unit). Shared by the readers
// of status reports (pain.002) and notifications (camt.054).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ansinh::formats {

// The amount in đồng; nullopt for anything else (signs, a non-zero fraction,
// more than 15 digits).
std::optional<std::int64_t> ParseWholeDongAmount(std::string_view text);

}  // namespace ansinh::formats
