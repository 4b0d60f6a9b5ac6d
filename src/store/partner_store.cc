#include "store/partner_store.h"

#include <utility>

namespace ansinh::store {
namespace {

constexpr const char* kPartnerBatchSelect =
    "SELECT b.id, b.batch_id, b.cycle_id, b.route_kind, b.provider_code, b.provider_name, "
    "b.contract_number, b.source_account, b.channel, b.sequence, b.status, b.fee_kind, "
    "b.fee_fixed_vnd, b.fee_bps, b.fee_min_vnd, b.fee_max_vnd, b.pay_by_date, b.transfer_count, "
    "b.total_vnd, b.fee_vnd, b.created_by, b.created_at, c.unit_code, c.unit_edition, c.period "
    "FROM disbursement_batches b JOIN pay_cycles c ON c.id = b.cycle_id";

PartnerBatchRecord ReadPartnerBatch(const SqlRows& rows, std::size_t r) {
  PartnerBatchRecord out;
  BatchRecord& b = out.batch;
  b.id = rows.Int64(r, 0);
  b.batch_id = rows.Text(r, 1);
  b.cycle_id = rows.Int64(r, 2);
  b.route_kind = rows.Text(r, 3);
  b.provider_code = rows.Text(r, 4);
  b.provider_name = rows.Text(r, 5);
  b.contract_number = rows.Text(r, 6);
  b.source_account = rows.Text(r, 7);
  b.channel = rows.Text(r, 8);
  b.sequence = rows.Int64(r, 9);
  b.status = rows.Text(r, 10);
  b.fee_kind = rows.Text(r, 11);
  b.fee_fixed_vnd = rows.Int64(r, 12);
  b.fee_bps = rows.Int64(r, 13);
  b.fee_min_vnd = rows.Int64(r, 14);
  b.fee_max_vnd = rows.Int64(r, 15);
  b.pay_by_date = rows.Text(r, 16);
  b.transfer_count = rows.Int64(r, 17);
  b.total_vnd = rows.Int64(r, 18);
  b.fee_vnd = rows.Int64(r, 19);
  b.created_by = rows.Text(r, 20);
  b.created_at = rows.Text(r, 21);
  out.unit_code = rows.Text(r, 22);
  out.unit_edition = rows.Text(r, 23);
  out.period = rows.Text(r, 24);
  return out;
}

class SqlPartnerStore : public PartnerStore {
 public:
  explicit SqlPartnerStore(SqlSession& session) : session_(session) {}

  Result<std::vector<PartnerBatchRecord>> ListBatches(const std::string& provider_code,
                                                      const std::string& status,
                                                      std::int64_t limit) override {
    auto rows = session_.Query(std::string(kPartnerBatchSelect) +
                                   " WHERE b.provider_code = ?1 AND (?2 = '' OR b.status = ?2) "
                                   "ORDER BY b.id LIMIT ?3",
                               {SqlText(provider_code), SqlText(status), SqlInt(limit)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<PartnerBatchRecord> batches;
    batches.reserve(rows->size());
    for (std::size_t r = 0; r < rows->size(); ++r) batches.push_back(ReadPartnerBatch(*rows, r));
    return batches;
  }

  Result<std::optional<PartnerBatchRecord>> FindBatch(const std::string& batch_id) override {
    auto rows = session_.Query(std::string(kPartnerBatchSelect) + " WHERE b.batch_id = ?1",
                               {SqlText(batch_id)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<PartnerBatchRecord>();
    return std::optional<PartnerBatchRecord>(ReadPartnerBatch(*rows, 0));
  }

  Result<std::optional<PartnerMessageRecord>> FindMessage(const std::string& provider_code,
                                                          const std::string& message_id) override {
    auto rows = session_.Query(
        "SELECT provider_code, message_id, body_sha256, batch_id, report_message_id, "
        "received_by, received_at FROM partner_messages WHERE provider_code = ?1 AND "
        "message_id = ?2",
        {SqlText(provider_code), SqlText(message_id)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<PartnerMessageRecord>();
    return std::optional<PartnerMessageRecord>(PartnerMessageRecord{
        rows->Text(0, 0), rows->Text(0, 1), rows->Text(0, 2), rows->Text(0, 3), rows->Text(0, 4),
        rows->Text(0, 5), rows->Text(0, 6)});
  }

  Status InsertMessage(const PartnerMessageRecord& m) override {
    auto inserted = session_.Execute(
        "INSERT INTO partner_messages (provider_code, message_id, body_sha256, batch_id, "
        "report_message_id, received_by, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        {SqlText(m.provider_code), SqlText(m.message_id), SqlText(m.body_sha256),
         SqlText(m.batch_id), SqlText(m.report_message_id), SqlText(m.received_by),
         SqlText(m.received_at)});
    if (!inserted) return Fail(std::move(inserted.error()));
    return {};
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<PartnerStore> MakePartnerStore(SqlSession& session) {
  return std::make_unique<SqlPartnerStore>(session);
}

}  // namespace ansinh::store
