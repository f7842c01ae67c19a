// Known suppliers of chain owners (m0022): one row per supplier, versioned for If-Match.
#include "store/sql/chains_sql.hpp"
#include "store/sql/row.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace chains;

namespace {

ChainSupplier read_supplier(const Statement& st) {
    Row row(st);
    ChainSupplier s;
    s.id = row.int64();
    s.chain_id = row.int64();
    s.owner_id = row.int64();
    s.node_id = row.int64();
    s.name = row.text();
    s.credit_code = row.optional_text();
    s.region_code = row.text();
    s.version = row.int64();
    s.owner_name = row.text();
    s.owner_credit_code = row.text();
    return s;
}

ForeignKeys supplier_references(const ChainSupplier& s) {
    return {ForeignKey{"owner_id", "SELECT 1 FROM enterprises WHERE id = ?", s.owner_id, "企业", "enterprise"},
            ForeignKey{"node_id", "SELECT 1 FROM chain_nodes WHERE id = ?", s.node_id, "产业链节点", "chain node"}};
}

}  // namespace

Result<std::int64_t> SqlTx::insert_chain_supplier(const ChainSupplier& s) {
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.prepare(kInsertSupplier);
            bind_all(*q, s.chain_id, s.owner_id, s.node_id, s.name, s.credit_code, s.region_code);
            return returned_id(*q);
        },
        supplier_references(s));
}

Result<void> SqlTx::update_chain_supplier(const ChainSupplier& s, std::int64_t expected_version) {
    return atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kUpdateSupplier);
            bind_all(*q, s.owner_id, s.node_id, s.name, s.credit_code, s.region_code, s.id, expected_version);
            run(*q);
            if (q->rows_affected() == 0) return stale_or_missing(kSupplierExists, s.id, "供应商", "supplier");
            return {};
        },
        supplier_references(s));
}

Result<void> SqlTx::delete_chain_supplier(std::int64_t id, std::int64_t expected_version) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kDeleteSupplier);
        bind_all(*q, id, expected_version);
        run(*q);
        if (q->rows_affected() == 0) return stale_or_missing(kSupplierExists, id, "供应商", "supplier");
        return {};
    });
}

Result<std::optional<ChainSupplier>> SqlTx::get_chain_supplier(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<ChainSupplier>> {
        auto q = conn_.prepare(std::string(kSupplierSelect) + std::string(kSupplierById));
        bind_all(*q, id);
        if (!q->step()) return std::optional<ChainSupplier>();
        return read_supplier(*q);
    });
}

Result<std::vector<ChainSupplier>> SqlTx::list_chain_suppliers(std::int64_t chain_id) {
    return guarded([&]() -> Result<std::vector<ChainSupplier>> {
        auto q = conn_.prepare(std::string(kSupplierSelect) + std::string(kSuppliersOfChain));
        bind_all(*q, chain_id);
        std::vector<ChainSupplier> out;
        while (q->step()) out.push_back(read_supplier(*q));
        return out;
    });
}

Result<std::int64_t> SqlTx::chain_owner_supplier_count(std::int64_t chain_id, std::int64_t owner_id) {
    return guarded([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(kOwnerSupplierCount);
        bind_all(*q, chain_id, owner_id);
        return q->step() ? Row(*q).int64() : std::int64_t{0};
    });
}

}  // namespace sanpi::store::sql
