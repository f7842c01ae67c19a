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

// Whether any data table holds a row; stops reading at the first one.
Result<bool> has_rows(Store& store);

}  // namespace sanpi::store
