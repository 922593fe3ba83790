// BM_ReplayChain: parsing and replaying a generated chain in memory (what `inspect` of a
// migration directory costs), against BM_ParseOnly, the raw libpg_query parse of the same
// files, measured in the same run so the ratio is meaningful on any machine.
#include "bench/chain_generator.h"
#include "benchmark/benchmark.h"
#include "parser/replay.h"
#include "parser/sql_file.h"

namespace pgdrift::bench {
namespace {

std::vector<parser::SourceFile> ChainFiles(int tables) {
  std::vector<parser::SourceFile> files;
  for (GeneratedFile& file : GenerateChain(tables)) files.push_back({file.name, std::move(file.sql)});
  return files;
}

model::Catalog SeedWithPublic() {
  model::Catalog catalog;
  catalog.schemas["public"].name = "public";
  return catalog;
}

void BM_ParseOnly(benchmark::State& state) {
  std::vector<parser::SourceFile> files = ChainFiles(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    DiagnosticSink sink;
    for (const parser::SourceFile& file : files) {
      parser::ParsedFile parsed = parser::ParseSqlFile(file, &sink);
      benchmark::DoNotOptimize(parsed.statements.data());
    }
  }
}

void BM_ReplayChain(benchmark::State& state) {
  std::vector<parser::SourceFile> files = ChainFiles(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    DiagnosticSink sink;
    parser::Replayer replayer(SeedWithPublic(), &sink);
    for (const parser::SourceFile& file : files) replayer.ReplayFile(file);
    if (sink.error_count() > 0) state.SkipWithError("the generated chain has replay errors");
    benchmark::DoNotOptimize(replayer.catalog().tables.size());
  }
}

BENCHMARK(BM_ParseOnly)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplayChain)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pgdrift::bench

BENCHMARK_MAIN();
