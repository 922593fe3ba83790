# cmake -DINPUT=file.sql -DOUTPUT=file.sql.h -DSYMBOL=kName -P embed_file.cmake
#
# Writes a header that holds INPUT's text as `inline constexpr std::string_view SYMBOL`.
file(READ "${INPUT}" content)
string(FIND "${content}" ")pgdrift_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter used for embedding")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} at build time; edit the source file instead.\n"
  "#pragma once\n#include <string_view>\n"
  "inline constexpr std::string_view ${SYMBOL} = R\"pgdrift_embed(${content})pgdrift_embed\";\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
