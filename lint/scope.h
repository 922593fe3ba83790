// Which objects lint looks at: what the chain itself defines, not what the platform
// profile provides (auth.users, the contents of Supabase's managed schemas).
#ifndef PGDRIFT_LINT_SCOPE_H_
#define PGDRIFT_LINT_SCOPE_H_

#include <set>
#include <string>

#include "lint/lint_input.h"
#include "model/catalog.h"

namespace pgdrift::lint {

// Whether `table` is the chain's own: not provided by the profile (Table::managed) and not
// in a schema whose contents the profile manages.
bool InScope(const model::Catalog& catalog, const model::Table& table);

// Whether `routine` is the chain's own: not in a schema whose contents the profile manages.
bool InScope(const model::Catalog& catalog, const model::Routine& routine);

// The schemas the API serves (PostgREST's db-schemas), where a table without row level
// security is open to every client holding the anon or authenticated role:
//  - supabase profile: `public`, and every schema whose ACL (nspacl) gives USAGE to anon
//    or authenticated;
//  - postgres profile: none;
//  - both: the schemas named in LintInput::exposed_schemas.
// Schemas whose contents the profile manages are left out (their tables are not the
// chain's).
std::set<std::string> ExposedSchemas(const LintInput& input);

}  // namespace pgdrift::lint

#endif  // PGDRIFT_LINT_SCOPE_H_
