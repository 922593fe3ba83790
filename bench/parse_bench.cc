// BM_ParseJson vs BM_ParseProtobuf: the two ways libpg_query 15-4.0 returns a parse tree,
// measured on the same generated chain. pgdrift uses the protobuf form (typed C structs,
// deparse support); this benchmark keeps the cost of that choice visible.
#include <string>

#include "bench/chain_generator.h"
#include "benchmark/benchmark.h"
#include "nlohmann/json.hpp"
#include "pg_query.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::bench {
namespace {

std::string ChainText(int tables) {
  std::string text;
  for (const GeneratedFile& file : GenerateChain(tables)) text += file.sql;
  return text;
}

// pg_query_parse: JSON text out, not yet usable as a tree.
void BM_ParseJson(benchmark::State& state) {
  std::string sql = ChainText(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    PgQueryParseResult result = pg_query_parse(sql.c_str());
    benchmark::DoNotOptimize(result.parse_tree);
    pg_query_free_parse_result(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sql.size()));
}

// pg_query_parse plus nlohmann::json parsing: JSON as a walkable tree.
void BM_ParseJsonToTree(benchmark::State& state) {
  std::string sql = ChainText(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    PgQueryParseResult result = pg_query_parse(sql.c_str());
    nlohmann::json tree = nlohmann::json::parse(result.parse_tree);
    benchmark::DoNotOptimize(tree);
    pg_query_free_parse_result(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sql.size()));
}

// pg_query_parse_protobuf: packed protobuf out.
void BM_ParseProtobuf(benchmark::State& state) {
  std::string sql = ChainText(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    PgQueryProtobufParseResult result = pg_query_parse_protobuf(sql.c_str());
    benchmark::DoNotOptimize(result.parse_tree.data);
    pg_query_free_protobuf_parse_result(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sql.size()));
}

// pg_query_parse_protobuf plus unpacking into typed C structs: what pgdrift does.
void BM_ParseProtobufToTree(benchmark::State& state) {
  std::string sql = ChainText(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    PgQueryProtobufParseResult result = pg_query_parse_protobuf(sql.c_str());
    PgQuery__ParseResult* tree = pg_query__parse_result__unpack(
        nullptr, result.parse_tree.len, reinterpret_cast<const uint8_t*>(result.parse_tree.data));
    benchmark::DoNotOptimize(tree);
    pg_query__parse_result__free_unpacked(tree, nullptr);
    pg_query_free_protobuf_parse_result(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sql.size()));
}

BENCHMARK(BM_ParseJson)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseJsonToTree)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseProtobuf)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseProtobufToTree)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pgdrift::bench

BENCHMARK_MAIN();
