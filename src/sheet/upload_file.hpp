#pragma once
// An uploaded spreadsheet handed to the readers, which read files by path. The bytes go to a
// private temporary file that is unlinked as soon as it is created and read through the process's
// own descriptor (/proc/self/fd/N): nothing is left in the temporary directory if the server is
// killed while reading it, and no other process can open it by name meanwhile.
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace sanpi::sheet {

class UploadFile {
public:
    // 503-style error (unavailable) when the temporary directory cannot take the bytes.
    static Result<UploadFile> of(std::string_view bytes);

    UploadFile(UploadFile&& other) noexcept;
    UploadFile& operator=(UploadFile&&) = delete;
    UploadFile(const UploadFile&) = delete;
    UploadFile& operator=(const UploadFile&) = delete;
    ~UploadFile();

    // Opens the same file again (read it from the start); valid while this object lives.
    const std::string& path() const { return path_; }

private:
    explicit UploadFile(int fd);

    int fd_ = -1;
    std::string path_;
};

}  // namespace sanpi::sheet
