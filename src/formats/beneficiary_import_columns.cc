#include "formats/beneficiary_import_columns.h"

#include <algorithm>
#include <map>

#include "core/name.h"

namespace ansinh::formats::import_detail {
namespace {

struct ColumnSpec {
  Column column;
  const char* key;
  bool required;
  // Header texts that also name the column, already in match-key form
  // (lower case, no diacritics, single spaces).
  std::vector<const char*> aliases;
};

const std::vector<ColumnSpec>& Specs() {
  static const std::vector<ColumnSpec> specs = {
      {Column::kMaDoiTuong, "ma_doi_tuong", true, {"ma doi tuong", "ma dt", "ma so doi tuong"}},
      {Column::kHoTen, "ho_ten", true, {"ho va ten", "ho ten", "ten doi tuong"}},
      {Column::kNgaySinh, "ngay_sinh", true, {"ngay sinh", "ngay thang nam sinh", "nam sinh"}},
      {Column::kGioiTinh, "gioi_tinh", true, {"gioi tinh"}},
      {Column::kSoDinhDanh,
       "so_dinh_danh",
       false,
       {"so dinh danh", "so dinh danh ca nhan", "so cccd", "cccd", "so cccd/cmnd", "cccd/cmnd"}},
      {Column::kSoDienThoai, "so_dien_thoai", false, {"so dien thoai", "dien thoai", "sdt"}},
      {Column::kMaXa, "ma_xa", true, {"ma xa", "ma xa/phuong", "ma don vi hanh chinh"}},
      {Column::kDiaChi, "dia_chi", false, {"dia chi", "noi o", "dia chi thuong tru"}},
      {Column::kNhom, "nhom", true, {"nhom", "nhom doi tuong"}},
      {Column::kMaCheDo, "ma_che_do", true, {"ma che do", "che do", "ma che do huong"}},
      {Column::kSoTien, "so_tien", false, {"so tien", "muc huong", "so tien huong"}},
      {Column::kThangBatDau,
       "thang_bat_dau",
       true,
       {"thang bat dau", "thang bat dau huong", "huong tu thang"}},
      {Column::kDaChiDenThang, "da_chi_den_thang", false, {"da chi den thang"}},
      {Column::kHinhThuc, "hinh_thuc", true, {"hinh thuc", "hinh thuc chi tra"}},
      {Column::kNguoiNhan, "nguoi_nhan", true, {"nguoi nhan", "nguoi nhan tien"}},
      {Column::kNguoiNhanHoTen,
       "nguoi_nhan_ho_ten",
       false,
       {"ho ten nguoi nhan", "ho ten nguoi nhan thay", "ho va ten nguoi nhan"}},
      {Column::kNguoiNhanSoDinhDanh,
       "nguoi_nhan_so_dinh_danh",
       false,
       {"so dinh danh nguoi nhan", "cccd nguoi nhan", "so cccd nguoi nhan"}},
      {Column::kNguoiNhanQuanHe,
       "nguoi_nhan_quan_he",
       false,
       {"quan he", "quan he voi doi tuong", "quan he nguoi nhan"}},
      {Column::kMaNganHang, "ma_ngan_hang", false, {"ma ngan hang", "bin", "ma bin"}},
      {Column::kSoTaiKhoan, "so_tai_khoan", false, {"so tai khoan", "stk"}},
      {Column::kTenChuTaiKhoan, "ten_chu_tai_khoan", false, {"ten chu tai khoan", "chu tai khoan"}},
      {Column::kDienThoaiThongMinh,
       "dien_thoai_thong_minh",
       false,
       {"dien thoai thong minh", "co dien thoai thong minh"}},
      {Column::kTruongHopDacBiet, "truong_hop_dac_biet", false, {"truong hop dac biet"}},
      {Column::kThangKetThuc,
       "thang_ket_thuc",
       false,
       {"thang ket thuc", "thang ket thuc huong", "huong den thang"}},
      {Column::kSoQuyetDinh, "so_quyet_dinh", false, {"so quyet dinh", "so qd"}},
  };
  return specs;
}

const std::map<std::string, Column>& MatchKeys() {
  static const std::map<std::string, Column> keys = [] {
    std::map<std::string, Column> built;
    for (const ColumnSpec& spec : Specs()) {
      std::string key = spec.key;
      std::replace(key.begin(), key.end(), '_', ' ');
      built.emplace(key, spec.column);
      for (const char* alias : spec.aliases) built.emplace(alias, spec.column);
    }
    return built;
  }();
  return keys;
}

// The header's match key, with '_' read as a space so keys and labels meet.
Result<std::string> HeaderKey(const std::string& cell) {
  Result<std::string> key = core::NameMatchKey(cell);
  if (!key) return key;
  std::replace(key->begin(), key->end(), '_', ' ');
  return key;
}

ErrorDetail HeaderProblem(long row, std::string field, std::string code, std::string message) {
  return ErrorDetail{row, std::move(field), std::move(code), std::move(message)};
}

void AddMissingColumns(long row, const ColumnMap& map, std::vector<ErrorDetail>& problems) {
  for (const ColumnSpec& spec : Specs()) {
    if (spec.required && map.IndexOf(spec.column) == kNoCell) {
      problems.push_back(HeaderProblem(row, spec.key, "import.missing_column",
                                       std::string("Thiếu cột bắt buộc \"") + spec.key + "\""));
    }
  }
}

}  // namespace

const char* ColumnKey(Column column) {
  return Specs()[static_cast<std::size_t>(column)].key;
}

bool IsRequiredColumn(Column column) {
  return Specs()[static_cast<std::size_t>(column)].required;
}

Result<ColumnMap> MapHeader(long row_number, std::span<const std::string> cells) {
  ColumnMap map;
  map.cell_index.fill(kNoCell);
  map.header_cells = cells.size();
  std::vector<ErrorDetail> problems;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    Result<std::string> key = HeaderKey(cells[i]);
    if (!key && key.error().code == "name.empty") continue;
    auto found = key ? MatchKeys().find(*key) : MatchKeys().end();
    if (found == MatchKeys().end()) {
      problems.push_back(HeaderProblem(row_number, cells[i], "import.unknown_column",
                                       "Cột " + std::to_string(i + 1) + " \"" + cells[i] +
                                           "\" không phải là cột nào của mẫu nhập danh sách"));
      continue;
    }
    auto index = static_cast<std::size_t>(found->second);
    if (map.cell_index[index] != kNoCell) {
      problems.push_back(
          HeaderProblem(row_number, ColumnKey(found->second), "import.duplicate_column",
                        "Cột \"" + cells[i] + "\" trùng với cột \"" + map.label[index] +
                            "\" (cùng là " + ColumnKey(found->second) + ")"));
      continue;
    }
    map.cell_index[index] = i;
    map.label[index] = cells[i];
  }
  AddMissingColumns(row_number, map, problems);
  if (problems.empty()) return map;
  Error error = MakeError(ErrorKind::kInvalidInput, "import.header_invalid",
                          "Dòng tiêu đề (dòng " + std::to_string(row_number) + ") có " +
                              std::to_string(problems.size()) + " lỗi về cột");
  error.details = std::move(problems);
  return Fail(std::move(error));
}

}  // namespace ansinh::formats::import_detail
