#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint/rules.h"
#include "lint/testing/lint_builders.h"

namespace pgdrift::lint {
namespace {

model::Routine& AddRoutine(model::Catalog& catalog, std::string schema, std::string name,
                           std::string arg_type = "") {
  model::Routine routine;
  routine.name = {std::move(schema), std::move(name)};
  if (!arg_type.empty()) {
    model::RoutineArg arg;
    arg.type = model::TypeRef::Builtin(arg_type);
    routine.args.push_back(arg);
  }
  routine.lineage = model::Lineage::At(At(12));
  model::RoutineKey key = routine.key();
  return catalog.routines[key] = std::move(routine);
}

TEST(RuleSecurityDefinerSearchPath, ReportsDefinerRoutinesWithoutAFixedSearchPath) {
  struct Case {
    std::string name;
    bool definer;
    bool procedure;
    std::vector<std::pair<std::string, std::string>> config;
    std::vector<std::string> expected;
  };
  std::vector<Case> cases = {
      {"definer without config", true, false, {},
       {"12: function public.f(uuid): SECURITY DEFINER function public.f(uuid) does not set "
        "search_path"}},
      {"procedure", true, true, {},
       {"12: procedure public.f(uuid): SECURITY DEFINER procedure public.f(uuid) does not set "
        "search_path"}},
      {"other settings only", true, false, {{"statement_timeout", "5s"}},
       {"12: function public.f(uuid): SECURITY DEFINER function public.f(uuid) does not set "
        "search_path"}},
      {"empty search_path is fixed", true, false, {{"search_path", ""}}, {}},
      {"a list is fixed", true, false, {{"search_path", "public, pg_temp"}}, {}},
      {"invoker", false, false, {}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    model::Catalog catalog = NewCatalog();
    model::Routine& routine = AddRoutine(catalog, "public", "f", "uuid");
    routine.security_definer = c.definer;
    routine.procedure = c.procedure;
    routine.config = c.config;
    LintInput input{&catalog};
    EXPECT_EQ(Lines(CheckSecurityDefinerSearchPath(input)), c.expected);
  }
}

TEST(RuleSecurityDefinerSearchPath, LeavesManagedSchemasAlone) {
  model::Catalog catalog = NewCatalog();
  catalog.schemas["auth"] = model::Schema{"auth"};
  catalog.schemas["auth"].contents_managed = true;
  AddRoutine(catalog, "auth", "uid").security_definer = true;
  LintInput input{&catalog};
  EXPECT_TRUE(CheckSecurityDefinerSearchPath(input).empty());
}

}  // namespace
}  // namespace pgdrift::lint
