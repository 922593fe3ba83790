#include "parser/testing/transform_test_util.h"

#include "parser/source_file.h"
#include "parser/sql_file.h"
#include "parser/transform.h"

namespace pgdrift::parser::testing {

TransformOutput TransformSql(std::string_view sql, const model::Catalog& catalog) {
  TransformOutput output;
  DiagnosticSink sink;
  ParsedFile parsed = ParseSqlFile(SourceFile{"test.sql", std::string(sql)}, &sink);
  if (parsed.syntax_errors > 0) {
    output.status = absl::InvalidArgumentError(sink.diagnostics().front().ToString());
  }
  for (const Statement& statement : parsed.statements) {
    TransformContext ctx(catalog, statement.span, statement.text, &sink);
    absl::Status status = TransformStatement(*statement.node, ctx);
    if (!status.ok() && output.status.ok()) output.status = status;
    for (model::Mutation& mutation : ctx.TakeMutations()) {
      output.mutations.push_back(std::move(mutation));
    }
  }
  output.diagnostics = sink.diagnostics();
  return output;
}

model::Catalog BasicCatalog() {
  model::Catalog catalog;
  catalog.schemas["public"].name = "public";
  catalog.schemas["extensions"].name = "extensions";
  return catalog;
}

model::Column MakeColumn(std::string name, model::TypeRef type, std::string collation) {
  model::Column column;
  column.name = std::move(name);
  column.type = std::move(type);
  column.collation = std::move(collation);
  return column;
}

model::Column MakeColumn(std::string name, std::string builtin_type) {
  return MakeColumn(std::move(name), model::TypeRef::Builtin(std::move(builtin_type)));
}

}  // namespace pgdrift::parser::testing
