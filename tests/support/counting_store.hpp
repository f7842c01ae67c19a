#pragma once
// A Store that counts the transactions reaching the real one: the test seam for "a cached
// credential is not read again" and "one transaction per request".
#include <atomic>
#include <functional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace sanpi::testing {

class CountingStore final : public store::Store {
public:
    explicit CountingStore(store::Store& inner) : inner_(inner) {}

    int transactions() const { return reads_ + writes_; }

    Result<void> write(const std::function<Result<void>(store::Tx&)>& body) override {
        ++writes_;
        return inner_.write(body);
    }
    Result<void> read(const std::function<Result<void>(store::Tx&)>& body) override {
        ++reads_;
        return inner_.read(body);
    }
    Result<int> migrate() override { return inner_.migrate(); }
    Result<int> schema_version() override { return inner_.schema_version(); }
    std::string_view backend() const override { return inner_.backend(); }
    std::size_t concurrent_writes() const override { return inner_.concurrent_writes(); }
    Result<void> export_data(store::RowSink& sink) override { return inner_.export_data(sink); }
    Result<void> import_data(const std::function<Result<void>(store::RowSink&)>& producer) override {
        return inner_.import_data(producer);
    }
    Result<bool> backup_native(const std::string& path) override { return inner_.backup_native(path); }
    Result<bool> restore_native(const std::string& path) override { return inner_.restore_native(path); }

private:
    store::Store& inner_;
    std::atomic<int> reads_{0};
    std::atomic<int> writes_{0};
};

}  // namespace sanpi::testing
