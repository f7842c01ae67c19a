# Writes OUTPUT, a C++ source defining `std::string_view NAME` with the bytes of INPUT, as a raw
# string literal. Run by the build (cmake -P) whenever INPUT changes.
file(READ "${INPUT}" content)
string(FIND "${content}" ")sanpi_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter )sanpi_embed\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed_text.cmake; edit that file, not this one.\n"
  "#include <string_view>\n\n"
  "namespace sanpi::http {\n\n"
  "extern const std::string_view ${NAME};\n"
  "const std::string_view ${NAME} = R\"sanpi_embed(${content})sanpi_embed\";\n\n"
  "}  // namespace sanpi::http\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
