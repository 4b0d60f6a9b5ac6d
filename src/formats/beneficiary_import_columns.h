// The columns of the beneficiary import (DESIGN.md §4) and how a header row
// maps onto them. Internal to beneficiary_import*.cc.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ansinh::formats::import_detail {

// Every column key the import knows, in DESIGN.md §4 order, then the extensions.
enum class Column : std::size_t {
  kMaDoiTuong,
  kHoTen,
  kNgaySinh,
  kGioiTinh,
  kSoDinhDanh,
  kSoDienThoai,
  kMaXa,
  kDiaChi,
  kNhom,
  kMaCheDo,
  kSoTien,
  kThangBatDau,
  kDaChiDenThang,
  kHinhThuc,
  kNguoiNhan,
  kNguoiNhanHoTen,
  kNguoiNhanSoDinhDanh,
  kNguoiNhanQuanHe,
  kMaNganHang,
  kSoTaiKhoan,
  kTenChuTaiKhoan,
  kDienThoaiThongMinh,
  kTruongHopDacBiet,
  kThangKetThuc,  // extension: last month of the entitlement
  kSoQuyetDinh,   // extension: decision number
  kCount,
};

inline constexpr std::size_t kColumnCount = static_cast<std::size_t>(Column::kCount);
inline constexpr std::size_t kNoCell = static_cast<std::size_t>(-1);

// "ma_doi_tuong", ...
const char* ColumnKey(Column column);
bool IsRequiredColumn(Column column);

// Where each known column sits in the file, and what the user called it.
struct ColumnMap {
  std::array<std::size_t, kColumnCount> cell_index;  // kNoCell when absent
  std::array<std::string, kColumnCount> label;       // the header as written
  std::size_t header_cells = 0;

  std::size_t IndexOf(Column column) const { return cell_index[static_cast<std::size_t>(column)]; }
  const std::string& LabelOf(Column column) const {
    return label[static_cast<std::size_t>(column)];
  }
};

// Maps a header row: keys and their Vietnamese aliases, compared by
// core::NameMatchKey with '_' read as a space, so "Họ và tên", "HO TEN" and
// "ho_ten" all name ho_ten. Empty header cells are ignored. Errors: kInvalidInput
// import.header_invalid, one detail per problem (import.unknown_column,
// import.duplicate_column, import.missing_column), each naming the column.
Result<ColumnMap> MapHeader(long row_number, std::span<const std::string> cells);

}  // namespace ansinh::formats::import_detail
