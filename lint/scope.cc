#include "lint/scope.h"

namespace pgdrift::lint {
namespace {

// The roles PostgREST switches to for Supabase clients (the anon key and a signed-in
// user's JWT).
constexpr const char* kApiRoles[] = {"anon", "authenticated"};

}  // namespace

bool InScope(const model::Catalog& catalog, const model::Table& table) {
  return !table.managed && !catalog.IsManagedSchema(table.name.schema);
}

bool InScope(const model::Catalog& catalog, const model::Routine& routine) {
  return !catalog.IsManagedSchema(routine.name.schema);
}

std::set<std::string> ExposedSchemas(const LintInput& input) {
  const model::Catalog& catalog = *input.catalog;
  std::set<std::string> exposed(input.exposed_schemas.begin(), input.exposed_schemas.end());
  if (input.profile == parser::Profile::kSupabase) {
    exposed.insert("public");
    for (const auto& [name, schema] : catalog.schemas) {
      if (!schema.privileges) continue;
      for (const char* role : kApiRoles) {
        auto entry = schema.privileges->find(role);
        if (entry != schema.privileges->end() &&
            entry->second.privileges.find('U') != std::string::npos) {
          exposed.insert(name);
        }
      }
    }
  }
  std::erase_if(exposed, [&](const std::string& name) { return catalog.IsManagedSchema(name); });
  return exposed;
}

}  // namespace pgdrift::lint
