#include "store/batch_store.h"

#include <utility>

namespace ansinh::store {
namespace {

constexpr const char* kBatchColumns =
    "id, batch_id, cycle_id, route_kind, provider_code, provider_name, contract_number, "
    "source_account, channel, sequence, status, fee_kind, fee_fixed_vnd, fee_bps, fee_min_vnd, "
    "fee_max_vnd, pay_by_date, transfer_count, total_vnd, fee_vnd, created_by, created_at";

BatchRecord ReadBatch(const SqlRows& rows, std::size_t r) {
  return BatchRecord{rows.Int64(r, 0),  rows.Text(r, 1),   rows.Int64(r, 2),  rows.Text(r, 3),
                     rows.Text(r, 4),   rows.Text(r, 5),   rows.Text(r, 6),   rows.Text(r, 7),
                     rows.Text(r, 8),   rows.Int64(r, 9),  rows.Text(r, 10),  rows.Text(r, 11),
                     rows.Int64(r, 12), rows.Int64(r, 13), rows.Int64(r, 14), rows.Int64(r, 15),
                     rows.Text(r, 16),  rows.Int64(r, 17), rows.Int64(r, 18), rows.Int64(r, 19),
                     rows.Text(r, 20),  rows.Text(r, 21)};
}

class SqlBatchStore : public BatchStore {
 public:
  explicit SqlBatchStore(SqlSession& session) : session_(session) {}

  Result<std::vector<BatchRecord>> ListBatches(std::int64_t cycle_id) override {
    auto rows = session_.Query(std::string("SELECT ") + kBatchColumns +
                                   " FROM disbursement_batches WHERE cycle_id = ?1 ORDER BY id",
                               {SqlInt(cycle_id)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<BatchRecord> out;
    for (std::size_t r = 0; r < rows->size(); ++r) out.push_back(ReadBatch(*rows, r));
    return out;
  }

  Result<std::optional<BatchRecord>> FindBatch(const std::string& batch_id) override {
    auto rows = session_.Query(
        std::string("SELECT ") + kBatchColumns + " FROM disbursement_batches WHERE batch_id = ?1",
        {SqlText(batch_id)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<BatchRecord>();
    return std::optional<BatchRecord>(ReadBatch(*rows, 0));
  }

  Result<std::vector<CandidateLine>> CandidateLines(std::int64_t cycle_id) override {
    std::vector<CandidateLine> out;
    auto read = session_.QueryEach(
        "SELECT l.id, l.line_id, l.beneficiary_id, l.amount_vnd, l.channel, b.policy_group "
        "FROM payment_lines l JOIN beneficiaries b ON b.id = l.beneficiary_id "
        "WHERE l.cycle_id = ?1 AND l.status = 'pending' AND NOT EXISTS "
        "(SELECT 1 FROM batch_items i WHERE i.line_ref = l.id AND i.live = 1) ORDER BY l.id",
        {SqlInt(cycle_id)}, [&out](const SqlRow& row) -> Status {
          out.push_back({row.Int64(0), std::string(row.Text(1)), row.Int64(2), row.Int64(3),
                         std::string(row.Text(4)), std::string(row.Text(5))});
          return {};
        });
    if (!read) return Fail(std::move(read.error()));
    return out;
  }

  Result<std::int64_t> NextSequence(std::int64_t cycle_id, const std::string& route_kind,
                                    const std::string& provider_code,
                                    const std::string& channel) override {
    auto rows = session_.Query(
        "SELECT CAST(COALESCE(MAX(sequence), 0) + 1 AS BIGINT) FROM disbursement_batches "
        "WHERE cycle_id = ?1 AND route_kind = ?2 AND provider_code = ?3 AND channel = ?4",
        {SqlInt(cycle_id), SqlText(route_kind), SqlText(provider_code), SqlText(channel)});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Result<std::int64_t> InsertBatch(const BatchRecord& b) override {
    auto rows = session_.Query(
        "INSERT INTO disbursement_batches (batch_id, cycle_id, route_kind, provider_code, "
        "provider_name, contract_number, source_account, channel, sequence, status, fee_kind, "
        "fee_fixed_vnd, fee_bps, fee_min_vnd, fee_max_vnd, pay_by_date, transfer_count, "
        "total_vnd, fee_vnd, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21) RETURNING id",
        {SqlText(b.batch_id),       SqlInt(b.cycle_id),       SqlText(b.route_kind),
         SqlText(b.provider_code),  SqlText(b.provider_name), SqlText(b.contract_number),
         SqlText(b.source_account), SqlText(b.channel),       SqlInt(b.sequence),
         SqlText(b.status),         SqlText(b.fee_kind),      SqlInt(b.fee_fixed_vnd),
         SqlInt(b.fee_bps),         SqlInt(b.fee_min_vnd),    SqlInt(b.fee_max_vnd),
         SqlText(b.pay_by_date),    SqlInt(b.transfer_count), SqlInt(b.total_vnd),
         SqlInt(b.fee_vnd),         SqlText(b.created_by),    SqlText(b.created_at)});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Status InsertItems(const std::vector<BatchItemRecord>& items) override {
    SqlParams values;
    values.reserve(items.size() * 5);
    for (const auto& i : items) {
      values.insert(values.end(), {SqlInt(i.batch_ref), SqlInt(i.line_ref), SqlText(i.line_id),
                                   SqlInt(i.position), SqlInt(i.transfer_vnd)});
    }
    auto written = InsertBatched(
        session_,
        "INSERT INTO batch_items (batch_ref, line_ref, line_id, position, transfer_vnd, live)",
        "(?1, ?2, ?3, ?4, ?5, 1)", 5, values, "");
    if (!written) return Fail(std::move(written.error()));
    return {};
  }

  // One pass over the batch's items, each finding its line by key (an UPDATE
  // with a subquery per line would read the batch's items once per line).
  Result<std::int64_t> MarkLinesHandedOver(std::int64_t batch_ref) override {
    return session_.Execute(
        "UPDATE payment_lines SET status = CASE WHEN i.transfer_vnd > 0 THEN 'sent' ELSE 'paid' "
        "END FROM batch_items i WHERE i.batch_ref = ?1 AND i.line_ref = payment_lines.id "
        "AND payment_lines.status = 'pending'",
        {SqlInt(batch_ref)});
  }

  Result<std::vector<BatchItemView>> ListItems(std::int64_t batch_ref) override {
    auto rows = session_.Query(
        "SELECT i.line_id, i.position, i.transfer_vnd, l.beneficiary_id, l.beneficiary_code, "
        "b.full_name, l.commune_code, l.kind, l.for_period, l.status, i.line_ref, l.recipient, "
        "COALESCE(r.full_name, '') "
        "FROM batch_items i "
        "JOIN payment_lines l ON l.id = i.line_ref JOIN beneficiaries b ON b.id = l.beneficiary_id "
        "LEFT JOIN representatives r ON r.beneficiary_id = l.beneficiary_id "
        "WHERE i.batch_ref = ?1 ORDER BY i.position",
        {SqlInt(batch_ref)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<BatchItemView> out;
    out.reserve(rows->size());
    for (std::size_t r = 0; r < rows->size(); ++r) {
      out.push_back({rows->Text(r, 0), rows->Int64(r, 1), rows->Int64(r, 2), rows->Int64(r, 3),
                     rows->Text(r, 4), rows->Text(r, 5), rows->Text(r, 6), rows->Text(r, 7),
                     rows->Text(r, 8), rows->Text(r, 9), rows->Int64(r, 10), rows->Text(r, 11),
                     rows->Text(r, 12)});
    }
    return out;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<BatchStore> MakeBatchStore(SqlSession& session) {
  return std::make_unique<SqlBatchStore>(session);
}

}  // namespace ansinh::store
