#include "store/checksum.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>

namespace sanpi::store {
namespace {

// Feeds the hash an unambiguous encoding: a tag byte, then for strings an 8-byte little-endian
// length, so ("ab", "c") and ("a", "bc"), or NULL and "", can never hash alike.
class ValueEncoder {
public:
    explicit ValueEncoder(Blake2b& hash) : hash_(hash) {}

    void string(std::string_view s) {
        std::array<char, 9> prefix{'S'};
        auto n = static_cast<std::uint64_t>(s.size());
        for (std::size_t i = 1; i < prefix.size(); ++i, n >>= 8) prefix[i] = static_cast<char>(n & 0xff);
        hash_.update(std::string_view(prefix.data(), prefix.size()));
        hash_.update(s);
    }
    void null() { hash_.update("N"); }
    void value(const DumpValue& v) { v ? string(*v) : null(); }

private:
    Blake2b& hash_;
};

// Ends the export at the first row; the marker error is recognised by identity, not text.
class FirstRowProbe final : public RowSink {
public:
    Result<void> begin_table(std::string_view, const std::vector<std::string>&) override { return {}; }
    Result<void> row(const std::vector<DumpValue>&) override {
        found_ = true;
        return Error::conflict("probe", "probe");
    }
    Result<void> end_table() override { return {}; }
    bool found() const { return found_; }

private:
    bool found_ = false;
};

}  // namespace

// Outside the anonymous namespace: ChecksummingSink (in the header) holds one.
class ChecksumSink final : public RowSink {
public:
    Result<void> begin_table(std::string_view table, const std::vector<std::string>& columns) override {
        current_.emplace();
        out_.push_back(TableChecksum{std::string(table), 0, {}});
        ValueEncoder enc(*current_);
        enc.string(std::to_string(columns.size()));
        for (const auto& c : columns) enc.string(c);
        return {};
    }
    Result<void> row(const std::vector<DumpValue>& values) override {
        ValueEncoder enc(*current_);
        for (const auto& v : values) enc.value(v);
        ++out_.back().rows;
        return {};
    }
    Result<void> end_table() override {
        out_.back().digest = current_->hex_digest();
        current_.reset();
        return {};
    }
    std::vector<TableChecksum> take() { return std::move(out_); }

private:
    std::optional<Blake2b> current_;
    std::vector<TableChecksum> out_;
};

struct Blake2b::State {
    crypto_generichash_state sodium;
};

Blake2b::Blake2b() : state_(std::make_unique<State>()) {
    // Selects the fastest implementation; safe to call repeatedly and from several threads.
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    crypto_generichash_init(&state_->sodium, nullptr, 0, crypto_generichash_BYTES);
}

Blake2b::Blake2b(Blake2b&&) noexcept = default;
Blake2b& Blake2b::operator=(Blake2b&&) noexcept = default;
Blake2b::~Blake2b() = default;

void Blake2b::update(std::string_view bytes) {
    crypto_generichash_update(&state_->sodium, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string Blake2b::hex_digest() {
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash_final(&state_->sodium, digest.data(), digest.size());
    std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), crypto_generichash_BYTES * 2);
}

Result<std::vector<TableChecksum>> table_checksums(Store& store) {
    ChecksumSink sink;
    if (auto r = store.export_data(sink); !r) return r.error();
    return sink.take();
}

class ChecksummingSink::Sums {
public:
    ChecksumSink sink;
};

ChecksummingSink::ChecksummingSink(RowSink& next) : next_(next), sums_(std::make_unique<Sums>()) {}
ChecksummingSink::~ChecksummingSink() = default;

Result<void> ChecksummingSink::begin_table(std::string_view table, const std::vector<std::string>& columns) {
    if (auto passed = next_.begin_table(table, columns); !passed) return passed;
    return sums_->sink.begin_table(table, columns);
}

Result<void> ChecksummingSink::row(const std::vector<DumpValue>& values) {
    if (auto passed = next_.row(values); !passed) return passed;
    return sums_->sink.row(values);
}

Result<void> ChecksummingSink::end_table() {
    if (auto passed = next_.end_table(); !passed) return passed;
    return sums_->sink.end_table();
}

std::vector<TableChecksum> ChecksummingSink::take() { return sums_->sink.take(); }

Result<bool> has_rows(Store& store) {
    FirstRowProbe probe;
    auto r = store.export_data(probe);
    if (probe.found()) return true;
    if (!r) return r.error();
    return false;
}

}  // namespace sanpi::store
