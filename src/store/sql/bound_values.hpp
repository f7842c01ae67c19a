#pragma once
// The values a binding function would give a statement, recorded instead of sent: two records of
// the same binding (the stored row, the row to write) show which parameters differ, so an UPDATE
// can set only the columns that change.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "store/sql/connection.hpp"

namespace sanpi::store::sql {

class BoundValues final : public Statement {
public:
    struct Bytes {
        std::string bytes;
        friend bool operator==(const Bytes&, const Bytes&) = default;
    };
    using Value = std::variant<std::monostate, std::int64_t, std::string, Bytes>;  // monostate: NULL

    void bind_int64(int index, std::int64_t value) override { at(index) = value; }
    void bind_text(int index, std::string_view value) override { at(index) = std::string(value); }
    void bind_blob(int index, std::string_view bytes) override { at(index) = Bytes{std::string(bytes)}; }
    void bind_null(int index) override { at(index) = std::monostate{}; }

    // The parameters (from 1) whose values differ from `other`'s, or that only one of them bound.
    std::vector<int> differing(const BoundValues& other) const;
    // Binds the recorded values of `parameters` to `st` from parameter `first` on; returns the next.
    int bind_to(Statement& st, int first, const std::vector<int>& parameters) const;

    // Nothing to run or read: a record only. These throw std::logic_error.
    bool step() override;
    std::int64_t rows_affected() const override;
    void reset() override;
    bool null_at(int column) const override;
    std::int64_t int64_at(int column) const override;
    std::string text_at(int column) const override;
    std::string blob_at(int column) const override;

private:
    Value& at(int index);

    std::vector<std::optional<Value>> values_;  // [index - 1]; nullopt: never bound
};

}  // namespace sanpi::store::sql
