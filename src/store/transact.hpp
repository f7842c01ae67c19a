#pragma once
// Value-returning wrappers over Store::read/write, so use cases read as straight-line code:
//   auto view = store::read_value<ProjectView>(store, [&](Tx& tx) { return ...; });
#include <optional>
#include <utility>

#include "store/store.hpp"

namespace sanpi::store {

template <class T, class F>
Result<T> read_value(Store& store, F&& body) {
    std::optional<T> out;
    auto r = store.read([&](Tx& tx) -> Result<void> {
        Result<T> v = body(tx);
        if (!v) return v.error();
        out.emplace(std::move(*v));
        return {};
    });
    if (!r) return r.error();
    return std::move(*out);
}

template <class T, class F>
Result<T> write_value(Store& store, F&& body) {
    std::optional<T> out;
    auto r = store.write([&](Tx& tx) -> Result<void> {
        Result<T> v = body(tx);
        if (!v) return v.error();
        out.emplace(std::move(*v));
        return {};
    });
    if (!r) return r.error();
    return std::move(*out);
}

}  // namespace sanpi::store
