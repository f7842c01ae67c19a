#include "sheet/zip_directory.hpp"

#include <cstdio>
#include <vector>

namespace sanpi::sheet {

namespace {

constexpr std::size_t kEocdBytes = 22;
constexpr std::size_t kMaxCommentBytes = 65'535;
constexpr std::size_t kLocatorBytes = 20;
constexpr std::size_t kZip64EocdBytes = 56;

std::uint64_t little_endian(const unsigned char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

bool signature_at(const std::vector<unsigned char>& b, std::size_t at, unsigned char third, unsigned char fourth) {
    return at + 4 <= b.size() && b[at] == 'P' && b[at + 1] == 'K' && b[at + 2] == third && b[at + 3] == fourth;
}

class File {
public:
    explicit File(const std::string& path) : file_(std::fopen(path.c_str(), "rb")) {}
    ~File() {
        if (file_ != nullptr) std::fclose(file_);
    }
    File(const File&) = delete;
    File& operator=(const File&) = delete;

    long size() {
        if (file_ == nullptr || std::fseek(file_, 0, SEEK_END) != 0) return -1;
        return std::ftell(file_);
    }
    // `count` bytes at `offset`, fewer at the end of the file.
    std::vector<unsigned char> read(long offset, std::size_t count) {
        std::vector<unsigned char> bytes(count);
        if (file_ == nullptr || offset < 0 || std::fseek(file_, offset, SEEK_SET) != 0) return {};
        bytes.resize(std::fread(bytes.data(), 1, count, file_));
        return bytes;
    }

private:
    std::FILE* file_;
};

// The member count of the ZIP64 end of central directory that the locator before `eocd` points to.
std::optional<std::uint64_t> zip64_entries(File& file, const std::vector<unsigned char>& tail, std::size_t eocd) {
    if (eocd < kLocatorBytes || !signature_at(tail, eocd - kLocatorBytes, 6, 7)) return std::nullopt;
    const std::uint64_t offset = little_endian(&tail[eocd - kLocatorBytes + 8], 8);
    if (offset > static_cast<std::uint64_t>(file.size())) return std::nullopt;
    const auto record = file.read(static_cast<long>(offset), kZip64EocdBytes);
    if (record.size() < kZip64EocdBytes || !signature_at(record, 0, 6, 6)) return std::nullopt;
    return little_endian(&record[32], 8);
}

}  // namespace

std::optional<std::uint64_t> declared_zip_entries(const std::string& path) {
    File file(path);
    const long size = file.size();
    if (size < static_cast<long>(kEocdBytes)) return std::nullopt;
    const long start = std::max(0L, size - static_cast<long>(kEocdBytes + kMaxCommentBytes));
    const auto tail = file.read(start, static_cast<std::size_t>(size - start));
    if (tail.size() < kEocdBytes) return std::nullopt;
    for (std::size_t at = tail.size() - kEocdBytes + 1; at-- > 0;) {
        if (!signature_at(tail, at, 5, 6)) continue;
        const std::uint64_t entries = little_endian(&tail[at + 10], 2);
        if (entries != 0xFFFF) return entries;
        return zip64_entries(file, tail, at).value_or(entries);
    }
    return std::nullopt;
}

}  // namespace sanpi::sheet
