// The history snapshot of an imported person written straight to text: the
// import writes one per person, and building it as an nlohmann::json object
// (a std::map per object, an allocation per value) cost more than the SQL
// insert it goes into.
#pragma once

#include <string>

#include "store/registry_snapshot.h"

namespace ansinh::app {

// Byte for byte store::SnapshotJson(person).dump(): keys in std::map order,
// compact, strings escaped as nlohmann escapes them (UTF-8 passed through).
// REQUIRES: every string is valid UTF-8 (the CSV and XLSX readers check it;
// nlohmann would throw where this writes the bytes as they are).
std::string SnapshotText(const store::PersonAggregate& person);

}  // namespace ansinh::app
