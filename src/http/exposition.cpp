#include "http/exposition.hpp"

#include <charconv>
#include <cmath>

namespace sanpi::http {

std::string escape_label_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string format_metric_number(double value) {
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    if (std::isnan(value)) return "NaN";
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc{} ? std::string(buffer, end) : "NaN";
}

void Exposition::family(std::string_view name, std::string_view type, std::string_view help) {
    text_.append("# HELP ").append(name).append(" ").append(help).append("\n");
    text_.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void Exposition::start_sample(std::string_view name, const MetricLabels& labels) {
    text_.append(name);
    if (labels.empty()) return;
    text_ += '{';
    bool first = true;
    for (const auto& [key, value] : labels) {
        if (!first) text_ += ',';
        first = false;
        text_.append(key).append("=\"").append(escape_label_value(value)).append("\"");
    }
    text_ += '}';
}

void Exposition::sample(std::string_view name, const MetricLabels& labels, std::uint64_t value) {
    start_sample(name, labels);
    text_.append(" ").append(std::to_string(value)).append("\n");
}

void Exposition::sample(std::string_view name, const MetricLabels& labels, double value) {
    start_sample(name, labels);
    text_.append(" ").append(format_metric_number(value)).append("\n");
}

}  // namespace sanpi::http
