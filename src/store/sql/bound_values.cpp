#include "store/sql/bound_values.hpp"

#include <algorithm>
#include <stdexcept>

namespace sanpi::store::sql {
namespace {

[[noreturn]] void not_a_statement() { throw std::logic_error("BoundValues records bindings; it cannot run"); }

}  // namespace

BoundValues::Value& BoundValues::at(int index) {
    if (index < 1) throw std::logic_error("parameters count from 1");
    const auto i = static_cast<std::size_t>(index - 1);
    if (values_.size() <= i) values_.resize(i + 1);
    return values_[i].emplace();
}

std::vector<int> BoundValues::differing(const BoundValues& other) const {
    std::vector<int> out;
    const auto n = std::max(values_.size(), other.values_.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto* a = i < values_.size() && values_[i] ? &*values_[i] : nullptr;
        const auto* b = i < other.values_.size() && other.values_[i] ? &*other.values_[i] : nullptr;
        if (a == nullptr || b == nullptr || *a != *b) out.push_back(static_cast<int>(i + 1));
    }
    return out;
}

int BoundValues::bind_to(Statement& st, int first, const std::vector<int>& parameters) const {
    int index = first;
    for (const int p : parameters) {
        const auto i = static_cast<std::size_t>(p - 1);
        if (p < 1 || i >= values_.size() || !values_[i]) throw std::logic_error("parameter was never bound");
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    st.bind_null(index);
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    st.bind_int64(index, v);
                } else if constexpr (std::is_same_v<T, std::string>) {
                    st.bind_text(index, v);
                } else {
                    st.bind_blob(index, v.bytes);
                }
            },
            *values_[i]);
        ++index;
    }
    return index;
}

bool BoundValues::step() { not_a_statement(); }
std::int64_t BoundValues::rows_affected() const { not_a_statement(); }
void BoundValues::reset() { not_a_statement(); }
bool BoundValues::null_at(int) const { not_a_statement(); }
std::int64_t BoundValues::int64_at(int) const { not_a_statement(); }
std::string BoundValues::text_at(int) const { not_a_statement(); }
std::string BoundValues::blob_at(int) const { not_a_statement(); }

}  // namespace sanpi::store::sql
