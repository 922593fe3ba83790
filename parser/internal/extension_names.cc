#include "parser/internal/extension_names.h"

#include <map>

namespace pgdrift::parser::internal {
namespace {

std::string SchemaOf(const std::string& extension, const model::Catalog& catalog) {
  auto it = catalog.extensions.find(extension);
  return it == catalog.extensions.end() ? "" : it->second.schema;
}

}  // namespace

std::string ExtensionOpclassSchema(const std::string& opclass, const model::Catalog& catalog) {
  static const auto* kProviders = new std::map<std::string, std::string>{
      {"gin_trgm_ops", "pg_trgm"},        {"gist_trgm_ops", "pg_trgm"},
      {"citext_ops", "citext"},           {"citext_pattern_ops", "citext"},
      {"gin_hstore_ops", "hstore"},       {"gist_hstore_ops", "hstore"},
      {"btree_hstore_ops", "hstore"},     {"hash_hstore_ops", "hstore"},
      {"gist_ltree_ops", "ltree"},        {"gist__ltree_ops", "ltree"},
      {"gist__int_ops", "intarray"},      {"gist__intbig_ops", "intarray"},
      {"gin__int_ops", "intarray"},       {"vector_l2_ops", "vector"},
      {"vector_ip_ops", "vector"},        {"vector_cosine_ops", "vector"},
      {"vector_l1_ops", "vector"},        {"halfvec_l2_ops", "vector"},
      {"halfvec_ip_ops", "vector"},       {"halfvec_cosine_ops", "vector"},
      {"halfvec_l1_ops", "vector"},       {"sparsevec_l2_ops", "vector"},
      {"sparsevec_ip_ops", "vector"},     {"sparsevec_cosine_ops", "vector"},
      {"sparsevec_l1_ops", "vector"},     {"bit_hamming_ops", "vector"},
      {"bit_jaccard_ops", "vector"},      {"gist_geometry_ops_2d", "postgis"},
      {"gist_geometry_ops_nd", "postgis"}, {"gist_geography_ops", "postgis"},
  };
  std::string extension;
  if (auto it = kProviders->find(opclass); it != kProviders->end()) {
    extension = it->second;
  } else if (opclass.starts_with("gist_") && opclass.ends_with("_ops")) {
    // btree_gist: gist_int4_ops, gist_text_ops, gist_timestamptz_ops, …
    extension = "btree_gist";
  } else {
    return "";
  }
  return SchemaOf(extension, catalog);
}


std::string ExtensionFunctionSchema(const std::string& function, const model::Catalog& catalog) {
  static const auto* kProviders = new std::map<std::string, std::string>{
      {"uuid_generate_v1", "uuid-ossp"},   {"uuid_generate_v1mc", "uuid-ossp"},
      {"uuid_generate_v3", "uuid-ossp"},   {"uuid_generate_v4", "uuid-ossp"},
      {"uuid_generate_v5", "uuid-ossp"},   {"uuid_nil", "uuid-ossp"},
      {"uuid_ns_dns", "uuid-ossp"},        {"uuid_ns_url", "uuid-ossp"},
      {"uuid_ns_oid", "uuid-ossp"},        {"uuid_ns_x500", "uuid-ossp"},
      {"crypt", "pgcrypto"},               {"gen_salt", "pgcrypto"},
      {"digest", "pgcrypto"},              {"hmac", "pgcrypto"},
      {"gen_random_bytes", "pgcrypto"},    {"encrypt", "pgcrypto"},
      {"decrypt", "pgcrypto"},             {"pgp_sym_encrypt", "pgcrypto"},
      {"pgp_sym_decrypt", "pgcrypto"},     {"armor", "pgcrypto"},
      {"dearmor", "pgcrypto"},             {"similarity", "pg_trgm"},
      {"word_similarity", "pg_trgm"},      {"strict_word_similarity", "pg_trgm"},
      {"show_trgm", "pg_trgm"},            {"unaccent", "unaccent"},
      {"levenshtein", "fuzzystrmatch"},    {"soundex", "fuzzystrmatch"},
      {"difference", "fuzzystrmatch"},     {"metaphone", "fuzzystrmatch"},
      {"dmetaphone", "fuzzystrmatch"},     {"l2_distance", "vector"},
      {"inner_product", "vector"},         {"cosine_distance", "vector"},
      {"l1_distance", "vector"},           {"vector_dims", "vector"},
      {"vector_norm", "vector"},           {"akeys", "hstore"},
      {"avals", "hstore"},                 {"skeys", "hstore"},
      {"svals", "hstore"},                 {"hstore_to_json", "hstore"},
      {"hstore_to_jsonb", "hstore"},       {"nlevel", "ltree"},
      {"subltree", "ltree"},               {"subpath", "ltree"},
      {"text2ltree", "ltree"},             {"ltree2text", "ltree"},
  };
  auto it = kProviders->find(function);
  return it == kProviders->end() ? "" : SchemaOf(it->second, catalog);
}

}  // namespace pgdrift::parser::internal
