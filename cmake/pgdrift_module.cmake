# pgdrift_module(NAME DEPS ... [EXCLUDE file ...])
#
# Builds NAME/*.cc (minus *_test.cc) into the library pgdrift_NAME, linked only to DEPS,
# so that a module including what its row in ARCHITECTURE.md does not allow fails to
# link. NAME/*_test.cc becomes the test binary NAME_test; a test whose name starts with
# "Integration" gets the CTest label `integration` (it starts a PostgreSQL server).

function(pgdrift_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Werror=switch
                         -Wno-missing-field-initializers)
endfunction()

function(pgdrift_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;EXCLUDE" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS
       "${CMAKE_SOURCE_DIR}/${name}/*.cc")
  file(GLOB_RECURSE tests CONFIGURE_DEPENDS
       "${CMAKE_SOURCE_DIR}/${name}/*_test.cc")
  list(REMOVE_ITEM sources ${tests})
  # Shared test helpers live in NAME/testing/ and belong to the test binary only.
  list(FILTER sources EXCLUDE REGEX "/testing/")
  foreach(excluded ${ARG_EXCLUDE})
    list(REMOVE_ITEM sources "${CMAKE_SOURCE_DIR}/${name}/${excluded}")
  endforeach()
  set(target pgdrift_${name})
  if(sources)
    add_library(${target} STATIC ${sources})
    target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}" "${CMAKE_BINARY_DIR}/generated")
    target_link_libraries(${target} PUBLIC ${ARG_DEPS})
    pgdrift_warnings(${target})
  else()
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE "${CMAKE_SOURCE_DIR}")
    target_link_libraries(${target} INTERFACE ${ARG_DEPS})
  endif()

  if(PGDRIFT_BUILD_TESTS AND tests)
    file(GLOB_RECURSE test_support CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/${name}/testing/*.cc"
         "${CMAKE_SOURCE_DIR}/base/testing/*.cc")
    add_executable(${name}_test ${tests} ${test_support})
    target_link_libraries(${name}_test PRIVATE ${target} GTest::gmock GTest::gtest_main)
    if(TARGET pgdrift_testing_postgres)
      target_link_libraries(${name}_test PRIVATE pgdrift_testing_postgres)
    endif()
    target_compile_definitions(${name}_test PRIVATE
      PGDRIFT_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
      PGDRIFT_BINARY_DIR="${CMAKE_BINARY_DIR}"
      PGDRIFT_BINARY="$<TARGET_FILE_DIR:${name}_test>/pgdrift")
    pgdrift_warnings(${name}_test)
    gtest_discover_tests(${name}_test
      TEST_FILTER "-Integration*"
      DISCOVERY_TIMEOUT 60
      PROPERTIES LABELS "unit;${name}")
    gtest_discover_tests(${name}_test
      TEST_FILTER "Integration*"
      TEST_PREFIX "integration."
      DISCOVERY_TIMEOUT 60
      PROPERTIES LABELS "integration;${name}" TIMEOUT 900)
  endif()
endfunction()

# pgdrift_embed(TARGET DIR)
#
# Embeds every DIR/*.sql of the source tree (e.g. introspect/queries) into TARGET as
# generated headers: introspect/queries/tables.sql becomes
# #include "introspect/queries/tables.sql.h" with `kTablesSql` (name in PascalCase).
function(pgdrift_embed target dir)
  file(GLOB files CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/${dir}/*.sql")
  set(outputs)
  foreach(input ${files})
    get_filename_component(stem "${input}" NAME_WE)
    string(REPLACE "_" ";" words "${stem}")
    set(symbol "k")
    foreach(word ${words})
      string(SUBSTRING "${word}" 0 1 first)
      string(TOUPPER "${first}" first)
      string(SUBSTRING "${word}" 1 -1 rest)
      string(APPEND symbol "${first}${rest}")
    endforeach()
    string(APPEND symbol "Sql")
    set(output "${CMAKE_BINARY_DIR}/generated/${dir}/${stem}.sql.h")
    add_custom_command(
      OUTPUT "${output}"
      COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol}
              -P "${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake"
      DEPENDS "${input}" "${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake"
      COMMENT "Embedding ${dir}/${stem}.sql")
    list(APPEND outputs "${output}")
  endforeach()
  if(outputs)
    add_custom_target(${target}_embedded DEPENDS ${outputs})
    add_dependencies(${target} ${target}_embedded)
  endif()
endfunction()
