// generate_chain TABLES OUT_DIR: writes a generated Supabase-layout migration chain
// (OUT_DIR/supabase/migrations/*.sql) for the whole-process benchmarks.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "bench/chain_generator.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: generate_chain TABLES OUT_DIR\n";
    return 2;
  }
  int tables = std::atoi(argv[1]);
  std::filesystem::path dir = std::filesystem::path(argv[2]) / "supabase" / "migrations";
  std::filesystem::create_directories(dir);
  for (const pgdrift::bench::GeneratedFile& file : pgdrift::bench::GenerateChain(tables)) {
    std::ofstream(dir / file.name) << file.sql;
  }
  return 0;
}
