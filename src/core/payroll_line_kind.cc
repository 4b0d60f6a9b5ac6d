#include "core/payroll.h"

namespace ansinh::core {

const char* LineKindCode(LineKind kind) {
  switch (kind) {
    case LineKind::kRegular:
      return "REGULAR";
    case LineKind::kArrears:
      return "ARREARS";
    case LineKind::kRecovery:
      return "RECOVERY";
    case LineKind::kOneOff:
      return "ONE_OFF";
  }
  return "REGULAR";
}

Result<LineKind> ParseLineKind(std::string_view code) {
  for (LineKind kind :
       {LineKind::kRegular, LineKind::kArrears, LineKind::kRecovery, LineKind::kOneOff}) {
    if (code == LineKindCode(kind)) return kind;
  }
  return Fail(ErrorKind::kInvalidInput, "payroll.line_kind_unknown",
              "Loại dòng chi trả \"" + std::string(code) +
                  "\" không hợp lệ (REGULAR, ARREARS, RECOVERY hoặc ONE_OFF)");
}

}  // namespace ansinh::core
