#include "http/rendered_answers.hpp"

#include <boost/json/serialize.hpp>

namespace sanpi::http {

std::string RenderedAnswers::text(const std::shared_ptr<const void>& answer,
                                  const std::function<boost::json::object()>& render) {
    {
        std::lock_guard lock(mutex_);
        const auto found = texts_.find(answer.get());
        if (found != texts_.end()) return *found->second.second;
    }
    // Rendered outside the lock; two requests may both render a new answer, and either text is it.
    auto rendered = std::make_shared<const std::string>(boost::json::serialize(render()));
    std::lock_guard lock(mutex_);
    drop_released();
    texts_.emplace(answer.get(), std::make_pair(answer, rendered));
    return *rendered;
}

void RenderedAnswers::drop_released() {
    for (auto it = texts_.begin(); it != texts_.end();) {
        it = it->second.first.use_count() == 1 ? texts_.erase(it) : std::next(it);
    }
}

}  // namespace sanpi::http
