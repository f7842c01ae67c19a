#pragma once
// The Prometheus text exposition format (version 0.0.4): families of samples with HELP and TYPE
// lines, label values escaped, numbers in the forms Prometheus parses (+Inf, integers as such).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sanpi::http {

using MetricLabels = std::vector<std::pair<std::string_view, std::string_view>>;

class Exposition {
public:
    // Starts a family: its HELP and TYPE lines ("counter", "gauge", "histogram").
    void family(std::string_view name, std::string_view type, std::string_view help);
    void sample(std::string_view name, const MetricLabels& labels, std::uint64_t value);
    void sample(std::string_view name, const MetricLabels& labels, double value);

    const std::string& text() const { return text_; }

private:
    void start_sample(std::string_view name, const MetricLabels& labels);

    std::string text_;
};

// Backslash, double quote and line feed escaped, as the format requires inside label values.
std::string escape_label_value(std::string_view value);
// A bucket bound or a float sample: shortest round-trip form; infinity as "+Inf".
std::string format_metric_number(double value);

inline constexpr std::string_view kExpositionType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace sanpi::http
