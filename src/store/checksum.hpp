#pragma once
// Checksums that prove a copy is faithful: the same rows give the same digests whichever backend
// holds them, because they are computed over export_data's backend-neutral text values.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "store/dump.hpp"
#include "store/store.hpp"

namespace sanpi::store {

// Streaming BLAKE2b-256 (libsodium's crypto_generichash), printed as lowercase hex.
class Blake2b {
public:
    Blake2b();
    Blake2b(Blake2b&&) noexcept;
    Blake2b& operator=(Blake2b&&) noexcept;
    ~Blake2b();
    void update(std::string_view bytes);
    std::string hex_digest();  // finishes the hash; call once

private:
    struct State;  // libsodium's, kept out of this header so users need not see sodium.h
    std::unique_ptr<State> state_;
};

// Per data table, in data_tables() order: row count and a digest over the column names and every
// row's values (length-prefixed, NULL distinct from ''), in primary-key order. One snapshot.
Result<std::vector<TableChecksum>> table_checksums(Store& store);

// Passes every table and row on to `next` and checksums them on the way, exactly as
// table_checksums() would: `sanpi copy` compares the target with what it read, from the same
// snapshot, without reading the source a second time.
class ChecksummingSink final : public RowSink {
public:
    explicit ChecksummingSink(RowSink& next);
    ~ChecksummingSink() override;
    Result<void> begin_table(std::string_view table, const std::vector<std::string>& columns) override;
    Result<void> row(const std::vector<DumpValue>& values) override;
    Result<void> end_table() override;
    std::vector<TableChecksum> take();

private:
    class Sums;
    RowSink& next_;
    std::unique_ptr<Sums> sums_;
};

// Whether any data table holds a row; stops reading at the first one.
Result<bool> has_rows(Store& store);

}  // namespace sanpi::store
