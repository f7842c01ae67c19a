#include "store/sql/conditions.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace sanpi::store::sql {

void Conditions::check_count(std::string_view term, std::size_t count) {
    if (static_cast<std::size_t>(std::count(term.begin(), term.end(), '?')) != count) {
        throw std::logic_error("parameter count mismatch in " + std::string(term));
    }
}

void Conditions::add(std::string_view term, SqlValue value) {
    check_count(term, 1);
    terms_.emplace_back(term);
    values_.push_back(std::move(value));
}

void Conditions::add(std::string_view term, SqlValue first, SqlValue second) {
    check_count(term, 2);
    terms_.emplace_back(term);
    values_.push_back(std::move(first));
    values_.push_back(std::move(second));
}

void Conditions::add(std::string_view term, std::vector<SqlValue> values) {
    check_count(term, values.size());
    terms_.emplace_back(term);
    for (auto& v : values) values_.push_back(std::move(v));
}

std::string Conditions::where() const {
    std::string out;
    for (const auto& t : terms_) {
        out += out.empty() ? " WHERE " : " AND ";
        out += t;
    }
    return out;
}

int Conditions::bind(Statement& st, int first_index) const {
    int index = first_index;
    for (const auto& value : values_) {
        if (const auto* n = std::get_if<std::int64_t>(&value)) {
            st.bind_int64(index++, *n);
        } else {
            st.bind_text(index++, std::get<std::string>(value));
        }
    }
    return index;
}

bool is_digits(std::string_view s, std::size_t max) {
    if (s.empty() || s.size() > max) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// A range rather than LIKE: SQLite recompiles a statement whose LIKE pattern is a bound value
// every time it is bound again, which cost a parse per scoped request. Region codes are six
// digits, so the range is exact.
std::pair<std::string, std::string> region_bounds(const std::string& prefix) {
    std::string first = prefix, last = prefix;
    first.resize(6, '0');
    last.resize(6, '9');
    return {std::move(first), std::move(last)};
}

void add_region_range(Conditions& where, std::string_view region_column, const std::string& prefix) {
    auto [first, last] = region_bounds(prefix);
    where.add(std::string(region_column) + " BETWEEN ? AND ?", std::move(first), std::move(last));
}

Result<void> add_scope(Conditions& where, const domain::Scope& scope, std::string_view zone_id_column,
                       std::string_view region_column) {
    switch (scope.kind) {
        case domain::Scope::Kind::kAll:
            return {};
        case domain::Scope::Kind::kZone:
            where.add(std::string(zone_id_column) + " = ?", scope.zone_id);
            return {};
        case domain::Scope::Kind::kRegion:
            if (!is_digits(scope.region_prefix, 6)) return Error::forbidden("权限范围无效", "invalid access scope");
            add_region_range(where, region_column, scope.region_prefix);
            return {};
    }
    return Error::forbidden("权限范围无效", "invalid access scope");
}

std::string like_contains_pattern(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '!') out += '!';
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    out += '%';
    return out;
}

}  // namespace sanpi::store::sql
