// CompareCatalogs: every difference between two catalogs, attribute by attribute, for
// tests that hold a replayed chain and the introspected database it built to each other.
// Lineage, session state (search_path, current user), roles and the `managed` flags are
// not compared.
#ifndef PGDRIFT_INTROSPECT_TESTING_CATALOG_COMPARE_H_
#define PGDRIFT_INTROSPECT_TESTING_CATALOG_COMPARE_H_

#include <functional>
#include <string>
#include <vector>

#include "model/catalog.h"

namespace pgdrift::testing {

// Returns one line per difference, e.g.
// `column public.orders.status: default_expr: replayed 'new' introspected 'new'::text`,
// or `table public.audit: only replayed`. Objects in a schema for which `skip_schema`
// returns true are left out (null: none are).
std::vector<std::string> CompareCatalogs(
    const model::Catalog& replayed, const model::Catalog& introspected,
    const std::function<bool(const std::string& schema)>& skip_schema = nullptr);

}  // namespace pgdrift::testing

#endif  // PGDRIFT_INTROSPECT_TESTING_CATALOG_COMPARE_H_
