#pragma once
// Nothing throws out of the readers: what an allocation or a caller's callback throws becomes an
// error value.
#include <exception>
#include <new>

#include "sheet/sheet_error.hpp"

namespace sanpi::sheet {

template <class F>
auto guard_read(F&& read) -> decltype(read()) {
    try {
        return read();
    } catch (const std::bad_alloc&) {
        return file_error("文件过大，内存不足", "the file needs more memory than is available");
    } catch (...) {
        return Error::internal("读取文件时发生内部错误", "internal error while reading the file");
    }
}

}  // namespace sanpi::sheet
