// A deterministic generator of realistic migration chains for benchmarks: N tables with
// typed columns, primary keys, foreign keys to earlier tables, checks, enums, indexes,
// and later migrations that alter, rename and index what earlier ones created.
#ifndef PGDRIFT_BENCH_CHAIN_GENERATOR_H_
#define PGDRIFT_BENCH_CHAIN_GENERATOR_H_

#include <string>
#include <vector>

namespace pgdrift::bench {

struct GeneratedFile {
  std::string name;  // <14-digit version>_<name>.sql, Supabase layout
  std::string sql;
};

// Returns the migration files of a chain with `tables` tables, `tables_per_file` per
// file, then one alteration file per 50 tables. Same arguments, same text.
std::vector<GeneratedFile> GenerateChain(int tables, int tables_per_file = 25);

}  // namespace pgdrift::bench

#endif  // PGDRIFT_BENCH_CHAIN_GENERATOR_H_
