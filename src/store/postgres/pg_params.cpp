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

void Params::add_text(std::string_view s) {
    values_.emplace_back(checked_text(s));
    binary_.push_back(false);
}

void Params::set_text(int index, std::string_view s) { slot(index) = checked_text(s); }

void Params::set_blob(int index, std::string_view bytes) {
    slot(index) = std::string(bytes);
    binary_[static_cast<std::size_t>(index - 1)] = true;
}

std::optional<std::string>& Params::slot(int index) {
    const auto i = static_cast<std::size_t>(index - 1);
    if (values_.size() <= i) {
        values_.resize(i + 1);
        binary_.resize(i + 1, false);
    }
    binary_[i] = false;
    return values_[i];
}

bool Params::any_binary() const {
    for (bool b : binary_) {
        if (b) return true;
    }
    return false;
}

std::vector<int> Params::lengths() const {
    std::vector<int> out;
    out.reserve(values_.size());
    for (const auto& v : values_) out.push_back(v ? static_cast<int>(v->size()) : 0);
    return out;
}

std::vector<int> Params::formats() const {
    std::vector<int> out;
    out.reserve(binary_.size());
    for (bool b : binary_) out.push_back(b ? 1 : 0);
    return out;
}

std::vector<const char*> Params::pointers() const {
    std::vector<const char*> out;
    out.reserve(values_.size());
    for (const auto& v : values_) out.push_back(v ? v->data() : nullptr);
    return out;
}

}  // namespace sanpi::store::postgres
