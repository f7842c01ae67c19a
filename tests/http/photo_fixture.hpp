#pragma once
// Helpers for photo tests: synthetic JPEG and PNG images drawn with the server's own codec
// (libgd), uploads with a declared type, the stored photos of an owner, and the audit chain's
// head, which any write moves: a refused request must leave both as they were.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "client.hpp"
#include "domain/photo.hpp"
#include "service/image_codec.hpp"
#include "store/store.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {

inline std::string synthetic_image(domain::ImageType type, std::int64_t width = 640, std::int64_t height = 480,
                                   unsigned seed = 1) {
    auto bytes = service::gd_image_codec().synthetic(type, {width, height}, seed);
    EXPECT_TRUE(bytes);
    return bytes ? *bytes : std::string();
}
inline std::string jpeg(std::int64_t w = 640, std::int64_t h = 480, unsigned seed = 1) {
    return synthetic_image(domain::ImageType::kJpeg, w, h, seed);
}
inline std::string png(std::int64_t w = 640, std::int64_t h = 480, unsigned seed = 1) {
    return synthetic_image(domain::ImageType::kPng, w, h, seed);
}

inline HttpResponse upload(HttpClient& client, const std::string& target, std::string bytes,
                           const std::string& content_type) {
    HeaderList headers;
    if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
    return client.request("POST", target, std::move(bytes), headers);
}

inline std::vector<store::PhotoRecord> stored_photos(store::Store& s, store::PhotoOwner owner) {
    auto photos =
        store::read_value<std::vector<store::PhotoRecord>>(s, [&](store::Tx& tx) { return tx.list_photos(owner); });
    EXPECT_TRUE(photos);
    return photos ? *photos : std::vector<store::PhotoRecord>{};
}

inline std::int64_t audit_seq(store::Store& s) {
    auto head = store::read_value<std::optional<domain::ChainHead>>(s, [](store::Tx& tx) { return tx.audit_head(); });
    EXPECT_TRUE(head);
    return head && *head ? (*head)->seq : 0;
}

inline std::vector<std::string> problem_fields(const HttpResponse& res) {
    std::vector<std::string> out;
    auto body = res.json().as_object();
    if (!body.contains("errors")) return out;
    for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
    return out;
}

inline bool names(const HttpResponse& res, const std::string& field) {
    const auto fields = problem_fields(res);
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

}  // namespace sanpi::testing
