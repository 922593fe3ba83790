# Every dependency is a Debian package installed by scripts/setup; nothing is fetched.
find_package(absl REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
# libcrypto: SHA-256 of migration files (Prisma checksums) in parser/local_migrations.cc.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)
pkg_check_modules(PROTOBUF_C REQUIRED IMPORTED_TARGET libprotobuf-c)

# libpg_query ships no CMake or pkg-config file on Debian 12.
find_path(PG_QUERY_INCLUDE_DIR pg_query.h REQUIRED)
find_library(PG_QUERY_LIBRARY pg_query REQUIRED)
add_library(PgQuery::PgQuery UNKNOWN IMPORTED)
set_target_properties(PgQuery::PgQuery PROPERTIES
  IMPORTED_LOCATION "${PG_QUERY_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${PG_QUERY_INCLUDE_DIR}")
target_link_libraries(PgQuery::PgQuery INTERFACE PkgConfig::PROTOBUF_C)

if(PGDRIFT_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(PGDRIFT_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
