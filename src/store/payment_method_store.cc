#include "store/payment_method_store.h"

#include <string>
#include <string_view>
#include <utility>

#include "store/registry_sql.h"
#include "store/registry_sensitive.h"

namespace ansinh::store {
namespace {

constexpr std::string_view kSelectMethods =
    "SELECT beneficiary_id, channel, recipient, bin, account_number, holder_name, consent, "
    "effective_month, valid, problems FROM payment_methods ";

PaymentMethodRecord ReadMethod(SensitiveFields& fields, const SqlRows& rows, std::size_t r) {
  const auto channel = ParseStored(core::ParsePaymentChannel(rows.Text(r, 1)), "channel");
  core::PaymentMethod method{
      .channel = channel,
      .recipient = ParseStored(core::ParseRecipient(rows.Text(r, 2)), "recipient"),
      .account = std::nullopt,
      .holder_name = rows.Text(r, 5),
      .consent = rows.Int64(r, 6) != 0,
      .effective_from = ParseStored(core::Period::Parse(rows.Text(r, 7)), "effective_month")};
  if (core::IsAccountChannel(channel)) {
    method.account = core::AccountField{rows.Text(r, 3), fields.Column(kAccountNumber, rows, r, 4),
                                        std::nullopt};
  }
  return PaymentMethodRecord{rows.Int64(r, 0), std::move(method), rows.Int64(r, 8) != 0,
                             rows.Text(r, 9)};
}

class SqlPaymentMethodStore : public PaymentMethodStore {
 public:
  explicit SqlPaymentMethodStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> PutBatch(const std::vector<PaymentMethodRecord>& records) override {
    const SensitiveFields fields(session_);
    SqlParams values;
    values.reserve(records.size() * 11);
    for (const auto& record : records) {
      const core::PaymentMethod& m = record.method;
      const std::string& account = m.account ? m.account->account_raw : std::string();
      values.insert(values.end(),
                    {SqlInt(record.beneficiary_id), SqlText(core::PaymentChannelCode(m.channel)),
                     SqlText(core::RecipientCode(m.recipient)),
                     SqlText(m.account ? m.account->bin_raw : ""),
                     fields.Param(kAccountNumber, account), SqlText(m.holder_name),
                     SqlInt(m.consent ? 1 : 0), SqlText(m.effective_from.ToString()),
                     SqlInt(record.valid ? 1 : 0), SqlText(record.problems),
                     fields.IndexParam(account)});
    }
    return InsertBatched(
        session_,
        "INSERT INTO payment_methods (beneficiary_id, channel, recipient, bin, account_number, "
        "holder_name, consent, effective_month, valid, problems, account_number_index)",
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", 11, values,
        "ON CONFLICT (beneficiary_id) DO UPDATE SET channel = excluded.channel, recipient = "
        "excluded.recipient, bin = excluded.bin, account_number = excluded.account_number, "
        "holder_name = excluded.holder_name, consent = excluded.consent, effective_month = "
        "excluded.effective_month, valid = excluded.valid, problems = excluded.problems, "
        "account_number_index = excluded.account_number_index");
  }

  Result<std::optional<PaymentMethodRecord>> Find(std::int64_t beneficiary_id) override {
    auto rows = session_.Query(std::string(kSelectMethods) + "WHERE beneficiary_id = ?1",
                               {SqlInt(beneficiary_id)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<PaymentMethodRecord>();
    SensitiveFields fields(session_);
    return std::optional<PaymentMethodRecord>(ReadMethod(fields, *rows, 0));
  }

  Result<std::unordered_map<std::int64_t, PaymentMethodRecord>> FindForBatch(
      std::int64_t batch_ref) override {
    auto rows = session_.Query(
        std::string(kSelectMethods) +
            "WHERE beneficiary_id IN (SELECT l.beneficiary_id FROM batch_items i "
            "JOIN payment_lines l ON l.id = i.line_ref WHERE i.batch_ref = ?1)",
        {SqlInt(batch_ref)});
    if (!rows) return Fail(std::move(rows.error()));
    SensitiveFields fields(session_);
    std::unordered_map<std::int64_t, PaymentMethodRecord> out;
    out.reserve(rows->size());
    for (std::size_t r = 0; r < rows->size(); ++r) {
      auto record = ReadMethod(fields, *rows, r);
      out.emplace(record.beneficiary_id, std::move(record));
    }
    return out;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<PaymentMethodStore> MakePaymentMethodStore(SqlSession& session) {
  return std::make_unique<SqlPaymentMethodStore>(session);
}

}  // namespace ansinh::store
