#include "store/import_run_store.h"

#include <algorithm>
#include <utility>

namespace ansinh::store {
namespace {

class SqlImportRunStore : public ImportRunStore {
 public:
  explicit SqlImportRunStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> Insert(const ImportRunRecord& run) override {
    auto rows = session_.Query(
        "INSERT INTO import_runs (file_name, content_bytes, content_hash, mode, data_rows, "
        "accepted_rows, rejected_rows, beneficiaries, findings, imported_by, imported_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
        {SqlText(run.file_name), SqlInt(run.content_bytes), SqlText(run.content_hash),
         SqlText(run.mode), SqlInt(run.data_rows), SqlInt(run.accepted_rows),
         SqlInt(run.rejected_rows), SqlInt(run.beneficiaries), SqlInt(run.findings),
         SqlText(run.imported_by), SqlText(run.imported_at)});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Result<std::vector<ImportRunRecord>> ListRecent(int limit) override {
    auto rows = session_.Query(
        "SELECT id, file_name, content_bytes, content_hash, mode, data_rows, accepted_rows, "
        "rejected_rows, beneficiaries, findings, imported_by, imported_at FROM import_runs "
        "ORDER BY id DESC LIMIT " + std::to_string(std::clamp(limit, 1, kMaxListed)));
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<ImportRunRecord> runs;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      runs.push_back(ImportRunRecord{rows->Int64(r, 0), rows->Text(r, 1), rows->Int64(r, 2),
                                     rows->Text(r, 3), rows->Text(r, 4), rows->Int64(r, 5),
                                     rows->Int64(r, 6), rows->Int64(r, 7), rows->Int64(r, 8),
                                     rows->Int64(r, 9), rows->Text(r, 10), rows->Text(r, 11)});
    }
    return runs;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<ImportRunStore> MakeImportRunStore(SqlSession& session) {
  return std::make_unique<SqlImportRunStore>(session);
}

}  // namespace ansinh::store
