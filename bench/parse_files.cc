// parse_files [--json|--protobuf] FILE…: parses each file with libpg_query and nothing
// else — the floor any replay of the same files stands on, for bench/whole_process.sh.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "pg_query.h"
#include "pg_query/pg_query.pb-c.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: parse_files --json|--protobuf FILE...\n";
    return 2;
  }
  bool json = std::string(argv[1]) == "--json";
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string sql = text.str();
    if (json) {
      PgQueryParseResult result = pg_query_parse(sql.c_str());
      bool failed = result.error != nullptr;
      pg_query_free_parse_result(result);
      if (failed) return 1;
    } else {
      PgQueryProtobufParseResult result = pg_query_parse_protobuf(sql.c_str());
      bool failed = result.error != nullptr;
      PgQuery__ParseResult* tree = failed ? nullptr
                                          : pg_query__parse_result__unpack(
                                                nullptr, result.parse_tree.len,
                                                reinterpret_cast<const uint8_t*>(result.parse_tree.data));
      if (tree != nullptr) pg_query__parse_result__free_unpacked(tree, nullptr);
      pg_query_free_protobuf_parse_result(result);
      if (failed) return 1;
    }
  }
  return 0;
}
