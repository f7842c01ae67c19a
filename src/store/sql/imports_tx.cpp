#include "store/sql/campaigns_sql.hpp"
#include "store/sql/catalog_sql.hpp"
#include "store/sql/imports_sql.hpp"
#include "store/sql/row.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/users_sql.hpp"

namespace sanpi::store::sql {

using namespace imports;

Result<std::int64_t> SqlTx::insert_import(const ImportRecord& record, std::string_view content) {
    // User 0 is the command line: no account to refer to.
    const auto user = record.created_by != 0 ? std::optional(record.created_by) : std::nullopt;
    ForeignKeys refs;
    if (record.zone_id) refs.push_back({"zone_id", catalog::kZoneExists, *record.zone_id, "开发区", "zone"});
    if (record.campaign_id) refs.push_back({"campaign_id", campaigns::kCampaignExists, *record.campaign_id, "活动", "campaign"});
    if (user) refs.push_back({"user_id", users::kUserExists, *user, "用户", "user"});
    const auto batch = record.batch ? std::optional<std::string>(domain::to_string(*record.batch)) : std::nullopt;
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.prepare(kInsertImport);
            bind_all(*q, record.kind, record.file_name, record.checksum, record.byte_size, Blob{content},
                     std::int64_t{record.sheet}, record.zone_id, record.campaign_id, batch, user, record.created_at);
            return returned_id(*q);
        },
        refs);
}

Result<std::optional<ImportRecord>> SqlTx::get_import(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<ImportRecord>> {
        auto q = conn_.prepare(kImportColumns);
        bind_all(*q, id);
        if (!q->step()) return std::optional<ImportRecord>();
        Row row(*q);
        ImportRecord r;
        r.id = row.int64();
        r.kind = row.text();
        r.file_name = row.text();
        r.checksum = row.text();
        r.byte_size = row.int64();
        r.sheet = static_cast<std::int32_t>(row.int64());
        r.zone_id = row.optional_int64();
        r.campaign_id = row.optional_int64();
        if (const auto batch = row.optional_text()) r.batch = domain::batch_kind_from_string(*batch);
        r.committed = row.text() == "committed";
        r.created_by = row.optional_int64().value_or(0);
        r.created_at = row.int64();
        r.committed_at = row.optional_int64();
        r.counts.created = row.int64();
        r.counts.updated = row.int64();
        r.counts.unchanged = row.int64();
        r.counts.rejected = row.int64();
        r.counts.repeated = row.int64();
        r.counts.entered = row.int64();
        return std::optional(std::move(r));
    });
}

Result<std::optional<std::string>> SqlTx::import_content(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<std::string>> {
        auto q = conn_.prepare(kImportContent);
        bind_all(*q, id);
        if (!q->step()) return std::optional<std::string>();
        return std::optional<std::string>(q->blob_at(0));
    });
}

Result<bool> SqlTx::finish_import(std::int64_t id, const ImportCounts& counts, std::int64_t committed_at) {
    return guarded([&]() -> Result<bool> {
        auto q = conn_.prepare(kFinishImport);
        bind_all(*q, committed_at, counts.created, counts.updated, counts.unchanged, counts.rejected, counts.repeated,
                 counts.entered, id);
        q->step();
        return q->rows_affected() == 1;
    });
}

Result<void> SqlTx::begin_bulk(std::int64_t /*new_projects*/) {
    // PostgreSQL keeps them: its transaction is aborted by any failed statement, and a clash of a
    // made-up project code is retried (ProjectService::create_in) inside the same transaction.
    if (conn_.survives_failed_statement()) call_savepoints_ = false;
    return {};
}

}  // namespace sanpi::store::sql
