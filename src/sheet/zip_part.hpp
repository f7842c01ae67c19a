#pragma once
// An XLSX package as a zip archive (libzip), read part by part in chunks. What a part really
// decompresses to is counted as it comes out, against the limits: the sizes the zip declares are
// the sender's word, not a fact.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sheet/sheet_reader.hpp"

struct zip;
struct zip_file;

namespace sanpi::sheet {

class ZipArchive;

// One member being decompressed. Movable; closes itself.
class ZipPart {
public:
    ZipPart(ZipPart&& other) noexcept;
    ZipPart& operator=(ZipPart&&) = delete;
    ZipPart(const ZipPart&) = delete;
    ~ZipPart();

    // Up to `capacity` decompressed bytes into `buffer`; 0 at the end of the part. An error when
    // the data is damaged or the part (or the whole package) unpacks past the limits.
    Result<std::size_t> read(char* buffer, std::size_t capacity);
    const std::string& name() const { return name_; }
    // What the zip says the part takes compressed (at most the file's size).
    std::uint64_t compressed_size() const { return compressed_; }

private:
    friend class ZipArchive;
    ZipPart(ZipArchive& archive, zip_file* file, std::uint64_t index, std::string name, std::uint64_t compressed);

    ZipArchive* archive_;
    zip_file* file_;
    std::uint64_t index_;
    std::string name_;
    std::uint64_t compressed_;    // the declared compressed size, at most the file's size
    std::uint64_t unpacked_ = 0;  // bytes that really came out so far
};

class ZipArchive {
public:
    static Result<std::unique_ptr<ZipArchive>> open(const std::string& path, const Limits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // The member's index by name (ZIP names compared without case, as Excel does).
    std::optional<std::uint64_t> locate(std::string_view name) const;
    Result<ZipPart> open_part(std::string_view name);

private:
    friend class ZipPart;
    ZipArchive(zip* archive, const Limits& limits, std::uint64_t file_bytes);
    // Counts a part's bytes once however often it is read; fails past the package's limit.
    Result<void> count_unpacked(std::uint64_t index, std::uint64_t part_bytes, const std::string& name);

    zip* zip_;
    Limits limits_;
    std::uint64_t file_bytes_;
    std::uint64_t unpacked_total_ = 0;
    std::vector<std::uint64_t> counted_;  // per member: bytes already counted in unpacked_total_
};

}  // namespace sanpi::sheet
