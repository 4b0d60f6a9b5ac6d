#include "app/demo_names.h"

#include <array>

namespace ansinh::app::demo_detail {
namespace {

using core::Sex;

// Weights are per mille of the population, rounded; the long tail of rare
// family names is folded into the listed ones.
constexpr std::array kFamilyNames = {
    DemoName{"Nguyễn", 330}, DemoName{"Lê", 125},    DemoName{"Trần", 85},
    DemoName{"Phạm", 60},    DemoName{"Hoàng", 42},  DemoName{"Trịnh", 26},
    DemoName{"Bùi", 25},     DemoName{"Vũ", 24},     DemoName{"Mai", 20},
    DemoName{"Đỗ", 20},      DemoName{"Đặng", 18},   DemoName{"Hà", 16},
    DemoName{"Ngô", 15},     DemoName{"Phan", 14},   DemoName{"Đinh", 12},
    DemoName{"Dương", 10},   DemoName{"Lương", 9},   DemoName{"Hồ", 8},
    DemoName{"Cao", 8},      DemoName{"Đào", 8},     DemoName{"Đoàn", 7},
    DemoName{"Trương", 7},   DemoName{"Tống", 5},    DemoName{"Lý", 4},
    DemoName{"Quách", 4},    DemoName{"Võ", 3},      DemoName{"Phùng", 3},
    DemoName{"Lưu", 3},      DemoName{"Chu", 3},     DemoName{"Lại", 3},
    DemoName{"Tạ", 3},       DemoName{"Lò", 2},      DemoName{"Vi", 2},
    DemoName{"Khương", 2},   DemoName{"Nghiêm", 2},  DemoName{"Lâm", 2},
    DemoName{"Kiều", 2},     DemoName{"Thiều", 2},   DemoName{"Triệu", 2},
    DemoName{"Đàm", 2},      DemoName{"Thái", 2},    DemoName{"Cầm", 1},
    DemoName{"Lường", 1},    DemoName{"Hứa", 1},     DemoName{"Huỳnh", 1},
};

constexpr std::array kMaleMiddleTraditional = {
    DemoName{"Văn", 600}, DemoName{"Đình", 60}, DemoName{"Đức", 60},  DemoName{"Xuân", 50},
    DemoName{"Hữu", 50},  DemoName{"Ngọc", 40}, DemoName{"Công", 40}, DemoName{"Bá", 30},
    DemoName{"Quang", 30}, DemoName{"Minh", 25}, DemoName{"Thế", 20}, DemoName{"Sỹ", 15},
    DemoName{"Trọng", 15}, DemoName{"Thanh", 15}, DemoName{"Khắc", 10}, DemoName{"Mạnh", 10},
};

constexpr std::array kMaleMiddleModern = {
    DemoName{"Văn", 250},  DemoName{"Đức", 80},  DemoName{"Minh", 80},  DemoName{"Quang", 60},
    DemoName{"Hoàng", 40}, DemoName{"Ngọc", 40}, DemoName{"Hữu", 40},   DemoName{"Đình", 40},
    DemoName{"Công", 40},  DemoName{"Xuân", 30}, DemoName{"Tuấn", 30},  DemoName{"Gia", 30},
    DemoName{"Bảo", 30},   DemoName{"Anh", 30},  DemoName{"Thành", 30}, DemoName{"Duy", 30},
    DemoName{"Trung", 20}, DemoName{"Mạnh", 20}, DemoName{"Tiến", 20},
};

constexpr std::array kFemaleMiddleTraditional = {
    DemoName{"Thị", 850}, DemoName{"Ngọc", 20}, DemoName{"Thu", 20},  DemoName{"Thanh", 20},
    DemoName{"Hồng", 15}, DemoName{"Kim", 15},  DemoName{"Minh", 10},
};

constexpr std::array kFemaleMiddleModern = {
    DemoName{"Thị", 450},   DemoName{"Ngọc", 60},   DemoName{"Thu", 50},   DemoName{"Thanh", 40},
    DemoName{"Phương", 40}, DemoName{"Thùy", 40},   DemoName{"Hồng", 30},  DemoName{"Minh", 30},
    DemoName{"Bảo", 30},    DemoName{"Khánh", 30},  DemoName{"Kim", 20},   DemoName{"Hải", 20},
    DemoName{"Mai", 20},    DemoName{"Diệu", 20},   DemoName{"Quỳnh", 20},
};

constexpr std::array kMaleGiven = {
    DemoName{"Hùng", 30},  DemoName{"Dũng", 30},  DemoName{"Tuấn", 28},  DemoName{"Minh", 28},
    DemoName{"Nam", 26},   DemoName{"Hải", 26},   DemoName{"Sơn", 25},   DemoName{"Thắng", 25},
    DemoName{"Long", 22},  DemoName{"Cường", 22}, DemoName{"Hòa", 20},   DemoName{"Bình", 20},
    DemoName{"Thành", 20}, DemoName{"Trung", 18}, DemoName{"Quang", 16}, DemoName{"Tùng", 16},
    DemoName{"Đức", 16},   DemoName{"Hiếu", 14},  DemoName{"Phúc", 12},  DemoName{"Khoa", 10},
    DemoName{"An", 12},    DemoName{"Huy", 14},   DemoName{"Bảo", 10},   DemoName{"Khôi", 8},
    DemoName{"Đạt", 12},   DemoName{"Phong", 10}, DemoName{"Tâm", 10},   DemoName{"Tài", 10},
    DemoName{"Lâm", 8},    DemoName{"Vinh", 12},  DemoName{"Kiên", 10},  DemoName{"Thịnh", 10},
    DemoName{"Toàn", 10},  DemoName{"Lợi", 10},   DemoName{"Chiến", 12}, DemoName{"Tiến", 12},
    DemoName{"Quân", 10},  DemoName{"Lộc", 10},   DemoName{"Thọ", 10},   DemoName{"Hưng", 12},
    DemoName{"Việt", 8},   DemoName{"Nghĩa", 10}, DemoName{"Quý", 8},    DemoName{"Vượng", 6},
    DemoName{"Khải", 6},   DemoName{"Sáu", 4},    DemoName{"Tư", 4},     DemoName{"Hậu", 6},
};

constexpr std::array kFemaleGiven = {
    DemoName{"Lan", 30},   DemoName{"Hương", 30}, DemoName{"Hoa", 28},   DemoName{"Mai", 26},
    DemoName{"Hạnh", 24},  DemoName{"Hằng", 24},  DemoName{"Hà", 22},    DemoName{"Thảo", 22},
    DemoName{"Trang", 22}, DemoName{"Linh", 22},  DemoName{"Ngọc", 18},  DemoName{"Nga", 18},
    DemoName{"Huyền", 18}, DemoName{"Thủy", 18},  DemoName{"Dung", 16},  DemoName{"Loan", 14},
    DemoName{"Liên", 16},  DemoName{"Nhung", 14}, DemoName{"Yến", 14},   DemoName{"Vân", 14},
    DemoName{"Phương", 14}, DemoName{"Oanh", 10}, DemoName{"Tuyết", 10}, DemoName{"Xuân", 12},
    DemoName{"Bích", 10},  DemoName{"Đào", 10},   DemoName{"Hồng", 14},  DemoName{"Chi", 10},
    DemoName{"Anh", 12},   DemoName{"Vy", 6},     DemoName{"My", 6},     DemoName{"Ngân", 8},
    DemoName{"Nhi", 6},    DemoName{"Châu", 6},   DemoName{"Hiền", 14},  DemoName{"Tâm", 10},
    DemoName{"Thơm", 8},   DemoName{"Lụa", 6},    DemoName{"Nụ", 6},     DemoName{"Cúc", 8},
    DemoName{"Huệ", 10},   DemoName{"Sen", 6},    DemoName{"Thoa", 8},   DemoName{"Tươi", 6},
    DemoName{"Lý", 6},     DemoName{"Hòa", 10},
};

constexpr std::array kGuardianRelationships = {
    DemoRelationship{"Mẹ", Sex::kFemale, false, 40},
    DemoRelationship{"Bố", Sex::kMale, true, 15},
    DemoRelationship{"Bà nội", Sex::kFemale, false, 15},
    DemoRelationship{"Bà ngoại", Sex::kFemale, false, 12},
    DemoRelationship{"Ông nội", Sex::kMale, true, 8},
    DemoRelationship{"Ông ngoại", Sex::kMale, false, 5},
    DemoRelationship{"Cô ruột", Sex::kFemale, true, 3},
    DemoRelationship{"Chú ruột", Sex::kMale, true, 2},
};

constexpr std::array kAuthorisedRelationships = {
    DemoRelationship{"Con trai", Sex::kMale, true, 35},
    DemoRelationship{"Con gái", Sex::kFemale, true, 25},
    DemoRelationship{"Con dâu", Sex::kFemale, false, 15},
    DemoRelationship{"Cháu", Sex::kMale, true, 10},
    DemoRelationship{"Vợ", Sex::kFemale, false, 8},
    DemoRelationship{"Chồng", Sex::kMale, false, 4},
    DemoRelationship{"Anh trai", Sex::kMale, true, 3},
};

}  // namespace

std::span<const DemoName> FamilyNames() { return kFamilyNames; }

std::span<const DemoName> MiddleNames(core::Sex sex, bool modern) {
  if (sex == Sex::kMale) {
    return modern ? std::span<const DemoName>(kMaleMiddleModern) : kMaleMiddleTraditional;
  }
  return modern ? std::span<const DemoName>(kFemaleMiddleModern) : kFemaleMiddleTraditional;
}

std::span<const DemoName> GivenNames(core::Sex sex) {
  return sex == Sex::kMale ? std::span<const DemoName>(kMaleGiven) : kFemaleGiven;
}

std::span<const DemoRelationship> GuardianRelationships() { return kGuardianRelationships; }
std::span<const DemoRelationship> AuthorisedRelationships() { return kAuthorisedRelationships; }

}  // namespace ansinh::app::demo_detail
