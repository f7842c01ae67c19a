#pragma once
// The JSON text of answers a service keeps between requests (service/kept_answers.hpp), rendered
// once per kept answer instead of once per request: a province's dashboard is tens of kilobytes of
// JSON, and rendering it cost more than everything else in its request.
//
// Entries are keyed by the answer's address and hold the answer, so the address cannot be reused
// by another answer while its text is here. An entry goes when the service has let its answer go
// (this map then holds the only reference).
#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace sanpi::http {

class RenderedAnswers {
public:
    // The text of `answer`, from `render` the first time this very answer is seen.
    std::string text(const std::shared_ptr<const void>& answer, const std::function<boost::json::object()>& render);

private:
    void drop_released();  // with mutex_ held

    std::mutex mutex_;
    std::map<const void*, std::pair<std::shared_ptr<const void>, std::shared_ptr<const std::string>>> texts_;
};

}  // namespace sanpi::http
