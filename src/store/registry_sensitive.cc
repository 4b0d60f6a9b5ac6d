#include "store/registry_sensitive.h"

#include "store/registry_sql.h"

namespace ansinh::store {

SensitiveFields::SensitiveFields(SqlSession& session)
    : source_(&session.field_keys()), ring_(source_->Get()) {}

SqlValue SensitiveFields::Param(std::string_view column, std::string_view plain) const {
  return SqlText(ring_->Seal(plain, column));
}

SqlValue SensitiveFields::IndexParam(std::string_view plain) const {
  std::string index = ring_->BlindIndex(plain);
  return index.empty() ? SqlNull() : SqlText(std::move(index));
}

std::vector<std::string> SensitiveFields::LookupIndexes(std::string_view plain) const {
  return ring_->LookupIndexes(plain);
}

std::string SensitiveFields::Open(std::string_view column, std::string_view stored) {
  auto plain = ring_->Open(stored, column);
  if (!plain && plain.error().code == "key.unknown") {
    ring_ = source_->Reload();
    plain = ring_->Open(stored, column);
  }
  if (!plain) ThrowCorruptValue(column, plain.error());
  return std::move(*plain);
}

std::string SensitiveFields::Column(std::string_view column, const SqlRows& rows, std::size_t row,
                                    std::size_t index) {
  return Open(column, rows.Text(row, index));
}

}  // namespace ansinh::store
