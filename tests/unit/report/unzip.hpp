#pragma once
// A ZIP package (DOCX, XLSX) read back from memory with libzip, as a consumer would.
#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>
#include <vector>

namespace sanpi::testing {

struct Unzipped {
    std::vector<std::string> names;  // in the archive's order
    std::map<std::string, std::string> parts;
};

inline Unzipped unzip(const std::string& bytes) {
    Unzipped out;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    zip_error_fini(&error);
    if (archive == nullptr) {
        if (source) zip_source_free(source);
        ADD_FAILURE() << "not a zip archive";
        return out;
    }
    const auto count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        zip_stat_t st;
        zip_stat_index(archive, index, 0, &st);
        std::string data(static_cast<std::size_t>(st.size), '\0');
        zip_file_t* file = zip_fopen_index(archive, index, 0);
        EXPECT_EQ(zip_fread(file, data.data(), st.size), static_cast<zip_int64_t>(st.size)) << st.name;
        zip_fclose(file);
        out.names.emplace_back(st.name);
        out.parts[st.name] = std::move(data);
    }
    zip_close(archive);
    return out;
}

}  // namespace sanpi::testing
