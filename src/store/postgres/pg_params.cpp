#include "store/postgres/pg_params.hpp"

#include "store/postgres/pg_handle.hpp"

namespace sanpi::store::postgres {

namespace {

// Text parameters travel as C strings, so a NUL would silently cut the value short.
std::string checked_text(std::string_view s) {
    if (s.find('\0') != std::string_view::npos) throw PgError("22021", "", false, "text parameter contains a NUL byte");
    return std::string(s);
}

}  // namespace

void Params::add_text(std::string_view s) { values_.emplace_back(checked_text(s)); }

void Params::set_text(int index, std::string_view s) { slot(index) = checked_text(s); }

std::optional<std::string>& Params::slot(int index) {
    const auto i = static_cast<std::size_t>(index - 1);
    if (values_.size() <= i) values_.resize(i + 1);
    return values_[i];
}

std::vector<const char*> Params::pointers() const {
    std::vector<const char*> out;
    out.reserve(values_.size());
    for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
    return out;
}

std::string int_array_literal(const std::vector<std::int64_t>& values) {
    std::string out = "{";
    for (const auto v : values) {
        if (out.size() > 1) out += ',';
        out += std::to_string(v);
    }
    out += '}';
    return out;
}

}  // namespace sanpi::store::postgres
