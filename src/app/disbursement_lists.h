// The printable and spreadsheet lists of a batch (issue 5 item 3): a cash
// batch becomes a signature list (danh sách ký nhận) with one section per pay
// point — the person's commune — in XLSX (a sheet per pay point) and PDF (a
// page run per pay point); payments at home are their own batch, so their
// list is separate. An account batch becomes the provider's XLSX list, the
// same columns as its CSV. Every list carries the export watermark.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/disbursement_files.h"
#include "core/error.h"
#include "store/batch_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

// The PDF bytes of a cash batch's signature list. REQUIRES: a cash channel.
Result<std::string> CashListPdf(store::SqlSession& session, const store::BatchRecord& batch,
                                const std::vector<store::BatchItemView>& items,
                                const BatchFileContext& context);

// Writes the batch's XLSX list to `path`: the signature list for cash, the
// provider's list for accounts. Errors: the XLSX writer's, disburse.account_missing.
Status WriteBatchXlsx(store::SqlSession& session, const store::BatchRecord& batch,
                      const std::vector<store::BatchItemView>& items,
                      const BatchFileContext& context, const std::filesystem::path& path);

}  // namespace ansinh::app
