// CanonicalizeExpressions: catalog expression text → the canonicalizer's form, the one
// migration text is put in (parser/normalize.h). Runs once every object is read, with
// an empty search_path, as the catalog printed the expressions: names outside
// pg_catalog are already qualified, and unqualified ones are pg_catalog's.
#include "base/strings.h"
#include "introspect/internal/readers.h"
#include "parser/normalize.h"

namespace pgdrift::introspect::internal {
namespace {

class Canonicalizer {
 public:
  explicit Canonicalizer(ReadContext& ctx) : ctx_(ctx) {}

  // Replaces `text` with its canonical form; on failure keeps it and warns, naming the
  // expression by `what`. `target` is the type a DEFAULT or generation expression is
  // assigned to (the cast PostgreSQL's coercion added to a literal then goes), or null.
  // `value_type` is the type of VALUE in a domain's expressions.
  void Apply(std::string* text, const model::QualifiedName& table, std::string_view what,
             const model::TypeRef* target = nullptr, const model::TypeRef* value_type = nullptr) {
    if (text->empty()) return;
    parser::ExpressionContext context;
    context.catalog = ctx_.catalog;
    context.table = table;
    context.target_type = target;
    context.value_type = value_type;
    absl::StatusOr<std::string> canonical = parser::NormalizeExpressionText(*text, context);
    if (canonical.ok()) {
      *text = *std::move(canonical);
      return;
    }
    if (ctx_.options->warnings != nullptr) {
      ctx_.options->warnings->Warning(
          SourceSpan{}, StrCat("cannot canonicalize ", what, " (", *text, "): ",
                               canonical.status().message(), "; the catalog's text is kept"));
    }
  }

  void Apply(std::optional<std::string>* text, const model::QualifiedName& table,
             std::string_view what, const model::TypeRef* target = nullptr,
             const model::TypeRef* value_type = nullptr) {
    if (text->has_value()) Apply(&**text, table, what, target, value_type);
  }

 private:
  ReadContext& ctx_;
};

}  // namespace

void CanonicalizeExpressions(ReadContext& ctx) {
  model::Catalog& catalog = *ctx.catalog;
  // The catalog printed its text with search_path = ''; resolve it the same way.
  std::vector<std::string> search_path = std::move(catalog.search_path);
  catalog.search_path.clear();
  Canonicalizer canonicalizer(ctx);

  for (auto& [name, domain] : catalog.domains) {
    std::string id = StrCat("domain ", name.ToString());
    canonicalizer.Apply(&domain.default_expr, {}, StrCat("the default of ", id), &domain.base_type,
                        &domain.base_type);
    for (auto& [check_name, check] : domain.checks) {
      canonicalizer.Apply(&check.expression, {}, StrCat("constraint ", check_name, " of ", id),
                          &domain.base_type, &domain.base_type);
    }
  }
  for (auto& [name, table] : catalog.tables) {
    for (model::Column& column : table.columns) {
      std::string id = StrCat("column ", name.ToString(), ".", column.name);
      canonicalizer.Apply(&column.default_expr, name, StrCat("the default of ", id), &column.type);
      canonicalizer.Apply(&column.generated_expr, name, StrCat("the generation expression of ", id),
                          &column.type);
    }
    for (auto& [constraint_name, constraint] : table.constraints) {
      if (constraint.type != model::ConstraintType::kCheck) continue;
      canonicalizer.Apply(&constraint.expression, name,
                          StrCat("constraint ", name.ToString(), ".", constraint_name));
    }
  }
  for (auto& [name, index] : catalog.indexes) {
    std::string id = StrCat("index ", name.ToString());
    canonicalizer.Apply(&index.predicate, index.table, StrCat("the predicate of ", id));
    for (model::IndexElement& key : index.keys) {
      canonicalizer.Apply(&key.expression, index.table, StrCat("a key expression of ", id));
    }
  }
  for (auto& [key, routine] : catalog.routines) {
    for (model::RoutineArg& arg : routine.args) {
      canonicalizer.Apply(&arg.default_expr, {},
                          StrCat("the default of argument ", arg.name, " of ",
                                 model::RoutineId(routine).ToString()),
                          &arg.type);
    }
  }
  for (auto& [name, table] : catalog.tables) {
    for (auto& [policy_name, policy] : table.policies) {
      std::string id = StrCat("policy ", name.ToString(), ".", policy_name);
      canonicalizer.Apply(&policy.using_expr, name, StrCat("the USING expression of ", id));
      canonicalizer.Apply(&policy.check_expr, name, StrCat("the WITH CHECK expression of ", id));
    }
  }
  catalog.search_path = std::move(search_path);
}

}  // namespace pgdrift::introspect::internal
