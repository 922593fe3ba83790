#include "parser/expression_rewrite.h"

#include <cctype>
#include <functional>
#include <memory>

#include "base/identifier.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "model/apply.h"
#include "parser/internal/ddl_util.h"
#include "parser/node_util.h"
#include "parser/parse_tree.h"

namespace pgdrift::parser {
namespace {

using Kind = NameChange::Kind;

// Calls `visit` on `message` and every message below it, following only the member of
// each oneof that is set (protobuf-c keeps oneof members in a union).
void Walk(ProtobufCMessage* message, const std::function<void(ProtobufCMessage*)>& visit) {
  if (message == nullptr) return;
  visit(message);
  const ProtobufCMessageDescriptor* descriptor = message->descriptor;
  char* base = reinterpret_cast<char*>(message);
  for (unsigned i = 0; i < descriptor->n_fields; ++i) {
    const ProtobufCFieldDescriptor& field = descriptor->fields[i];
    if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if ((field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0 &&
        *reinterpret_cast<uint32_t*>(base + field.quantifier_offset) != field.id) {
      continue;
    }
    if (field.label == PROTOBUF_C_LABEL_REPEATED) {
      size_t count = *reinterpret_cast<size_t*>(base + field.quantifier_offset);
      ProtobufCMessage** items = *reinterpret_cast<ProtobufCMessage***>(base + field.offset);
      for (size_t j = 0; j < count; ++j) Walk(items[j], visit);
    } else {
      Walk(*reinterpret_cast<ProtobufCMessage**>(base + field.offset), visit);
    }
  }
}

template <typename T>
T* As(ProtobufCMessage* message, const ProtobufCMessageDescriptor& descriptor) {
  return message->descriptor == &descriptor ? reinterpret_cast<T*>(message) : nullptr;
}

// The String nodes of a name list, or an empty list when any item is not a String.
std::vector<PgQuery__String*> NameParts(PgQuery__Node** nodes, size_t count) {
  std::vector<PgQuery__String*> parts;
  for (size_t i = 0; i < count; ++i) {
    if (nodes[i]->node_case != PG_QUERY__NODE__NODE_STRING) return {};
    parts.push_back(nodes[i]->string);
  }
  return parts;
}

// Renames, in one parsed expression, what `changes` change.
class Renamer {
 public:
  Renamer(const std::vector<NameChange>& changes, const model::Catalog& before,
          internal::StringEdits* edits)
      : changes_(changes), before_(before), edits_(edits) {}

  void Visit(ProtobufCMessage* message) {
    if (auto* column_ref = As<PgQuery__ColumnRef>(message, pg_query__column_ref__descriptor)) {
      RenameColumnRef(*column_ref);
    } else if (auto* type_cast = As<PgQuery__TypeCast>(message, pg_query__type_cast__descriptor)) {
      if (type_cast->type_name != nullptr && IsRegclass(*type_cast->type_name)) {
        RenameRegclassLiteral(type_cast->arg);
      }
    } else if (auto* type_name = As<PgQuery__TypeName>(message, pg_query__type_name__descriptor)) {
      RenameTypeName(*type_name);
    } else if (auto* func_call = As<PgQuery__FuncCall>(message, pg_query__func_call__descriptor)) {
      RenameFunction(*func_call);
    } else if (auto* a_expr = As<PgQuery__AExpr>(message, pg_query__a__expr__descriptor)) {
      RenameSchemaOf(NameParts(a_expr->name, a_expr->n_name));
    }
  }

  bool changed() const { return changed_; }

 private:
  void Set(char** field, const std::string& value) {
    if (*field == value) return;
    edits_->Set(field, value);
    changed_ = true;
  }

  // t.col, schema.t.col or col where the table is the renamed column's.
  void RenameColumnRef(PgQuery__ColumnRef& column_ref) {
    std::vector<PgQuery__String*> parts = NameParts(column_ref.fields, column_ref.n_fields);
    if (parts.empty()) return;
    for (const NameChange& change : changes_) {
      if (change.kind == Kind::kSchema && parts.size() == 3 &&
          change.object.name == parts[0]->sval) {
        Set(&parts[0]->sval, change.new_name.name);
      }
      if (change.kind == Kind::kRelation && parts.size() >= 2) {
        // table.column or schema.table.column naming a renamed or moved table.
        PgQuery__String* table = parts[parts.size() - 2];
        PgQuery__String* schema = parts.size() >= 3 ? parts[parts.size() - 3] : nullptr;
        if (change.object.name == table->sval &&
            (schema == nullptr || change.object.schema == schema->sval)) {
          Set(&table->sval, change.new_name.name);
          if (schema != nullptr) Set(&schema->sval, change.new_name.schema);
        }
        continue;
      }
      if (change.kind != Kind::kColumn || change.column != parts.back()->sval) continue;
      bool same_table = parts.size() == 1 ||
                        (parts.size() == 2 && change.object.name == parts[0]->sval) ||
                        (parts.size() == 3 && change.object.schema == parts[0]->sval &&
                         change.object.name == parts[1]->sval);
      if (same_table) Set(&parts.back()->sval, change.new_name.name);
    }
  }

  static bool IsRegclass(const PgQuery__TypeName& type_name) {
    model::QualifiedName name = QualifiedNameOf(type_name.names, type_name.n_names);
    return name.name == "regclass" && (name.schema.empty() || name.schema == "pg_catalog");
  }

  // A relation named by its text, as regclassin reads it (a possibly qualified and
  // quoted name): renamed when it is the changed relation or lies in the changed schema.
  void RenameRegclassLiteral(PgQuery__Node* literal) {
    if (literal == nullptr || literal->node_case != PG_QUERY__NODE__NODE_A_CONST ||
        literal->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL) {
      return;
    }
    char** text = &literal->a_const->sval->sval;
    std::optional<std::vector<std::string>> parts = internal::SplitIdentifiers(*text, '.');
    if (!parts || parts->empty() || parts->size() > 2) return;
    bool qualified = parts->size() == 2;
    model::QualifiedName written{qualified ? (*parts)[0] : "", parts->back()};
    std::optional<model::QualifiedName> resolved = before_.ResolveRelation(written);
    model::QualifiedName name = resolved.value_or(written);
    for (const NameChange& change : changes_) {
      if (change.kind == Kind::kRelation && name == change.object) {
        bool keep_bare = !qualified && change.new_name.schema == change.object.schema;
        Set(text, keep_bare ? QuoteIdent(change.new_name.name)
                            : QuoteQualified(change.new_name.schema, change.new_name.name));
        return;
      }
      if (change.kind == Kind::kSchema && qualified && written.schema == change.object.name) {
        Set(text, QuoteQualified(change.new_name.name, written.name));
        return;
      }
    }
  }

  // Direct string arguments of the sequence functions name a relation too.
  void RenameFunction(PgQuery__FuncCall& func_call) {
    std::vector<PgQuery__String*> parts = NameParts(func_call.funcname, func_call.n_funcname);
    RenameSchemaOf(parts);
    if (parts.empty() || func_call.n_args == 0) return;
    std::string name = parts.back()->sval;
    bool catalog_function = parts.size() == 1 || std::string(parts[0]->sval) == "pg_catalog";
    if (catalog_function && (name == "nextval" || name == "currval" || name == "setval")) {
      RenameRegclassLiteral(func_call.args[0]);
    }
  }

  void RenameTypeName(PgQuery__TypeName& type_name) {
    std::vector<PgQuery__String*> parts = NameParts(type_name.names, type_name.n_names);
    if (parts.empty()) return;
    model::QualifiedName written{parts.size() >= 2 ? parts[parts.size() - 2]->sval : "",
                                 parts.back()->sval};
    RenameSchemaOf(parts);
    std::optional<model::QualifiedName> resolved = before_.ResolveType(written);
    if (!resolved) return;
    for (const NameChange& change : changes_) {
      if (change.kind != Kind::kType || *resolved != change.object) continue;
      Set(&parts.back()->sval, change.new_name.name);
      if (parts.size() >= 2) Set(&parts[parts.size() - 2]->sval, change.new_name.schema);
    }
  }

  // schema.name lists (functions, operators, types) in a renamed schema.
  void RenameSchemaOf(const std::vector<PgQuery__String*>& parts) {
    if (parts.size() < 2) return;
    PgQuery__String* schema = parts[parts.size() - 2];
    for (const NameChange& change : changes_) {
      if (change.kind == Kind::kSchema && change.object.name == schema->sval) {
        Set(&schema->sval, change.new_name.name);
      }
    }
  }

  const std::vector<NameChange>& changes_;
  const model::Catalog& before_;
  internal::StringEdits* edits_;
  bool changed_ = false;
};

// What text to look for before parsing an expression: a changed name appears in the
// text of every expression that mentions it (quoted or not), unless it holds a quote.
std::string Needle(const NameChange& change) {
  const std::string& name = change.kind == Kind::kColumn ? change.column : change.object.name;
  return name.find('"') == std::string::npos ? name : "";
}

bool MayMention(const std::string& text, const std::vector<NameChange>& changes) {
  for (const NameChange& change : changes) {
    std::string needle = Needle(change);
    if (needle.empty() || text.find(needle) != std::string::npos) return true;
  }
  return false;
}

// One expression of the catalog and the table its columns belong to (empty for domain
// expressions).
struct Candidate {
  std::string text;
  model::QualifiedName table;
  bool partition_key = false;  // pg_get_partkeydef text, not an expression
};

void AddCandidate(const std::string& text, const model::QualifiedName& table,
                  const std::vector<NameChange>& changes, std::vector<Candidate>* out,
                  bool partition_key = false) {
  if (!text.empty() && MayMention(text, changes)) out->push_back({text, table, partition_key});
}

// Whether a column of `table` changes name.
bool RenamesColumnOf(const model::QualifiedName& table, const std::vector<NameChange>& changes) {
  for (const NameChange& change : changes) {
    if (change.kind == Kind::kColumn && change.object == table) return true;
  }
  return false;
}

// Whether the expressions of `table` may be affected: column changes touch only their
// own table.
bool InScope(const model::QualifiedName& table, const std::vector<NameChange>& changes) {
  for (const NameChange& change : changes) {
    if (change.kind != Kind::kColumn || change.object == table) return true;
  }
  return false;
}

std::vector<Candidate> Candidates(const model::Catalog& before,
                                  const std::vector<NameChange>& changes) {
  std::vector<Candidate> out;
  for (const auto& [name, table] : before.tables) {
    if (!InScope(name, changes)) continue;
    for (const model::Column& column : table.columns) {
      if (column.default_expr) AddCandidate(*column.default_expr, name, changes, &out);
      if (column.generated_expr) AddCandidate(*column.generated_expr, name, changes, &out);
    }
    for (const auto& [constraint_name, constraint] : table.constraints) {
      AddCandidate(constraint.expression, name, changes, &out);
      AddCandidate(constraint.exclusion_predicate, name, changes, &out);
      for (const model::ExclusionElement& element : constraint.exclusion_elements) {
        AddCandidate(element.element.expression, name, changes, &out);
      }
    }
    for (const auto& [policy_name, policy] : table.policies) {
      AddCandidate(policy.using_expr, name, changes, &out);
      AddCandidate(policy.check_expr, name, changes, &out);
    }
    if (RenamesColumnOf(name, changes)) {
      AddCandidate(table.partition_key, name, changes, &out, /*partition_key=*/true);
    }
  }
  for (const auto& [name, index] : before.indexes) {
    if (!InScope(index.table, changes)) continue;
    for (const model::IndexElement& key : index.keys) {
      AddCandidate(key.expression, index.table, changes, &out);
    }
    AddCandidate(index.predicate, index.table, changes, &out);
  }
  bool any_global = false;
  for (const NameChange& change : changes) any_global |= change.kind != Kind::kColumn;
  if (any_global) {
    for (const auto& [name, domain] : before.domains) {
      if (domain.default_expr) AddCandidate(*domain.default_expr, {}, changes, &out);
      for (const auto& [check_name, check] : domain.checks) {
        AddCandidate(check.expression, {}, changes, &out);
      }
    }
  }
  return out;
}

// The name `table` has after `changes`.
model::QualifiedName NameAfter(model::QualifiedName table, const std::vector<NameChange>& changes) {
  for (const NameChange& change : changes) {
    if (change.kind == Kind::kRelation && table == change.object) table = change.new_name;
    if (change.kind == Kind::kSchema && table.schema == change.object.name) {
      table.schema = change.new_name.name;
    }
  }
  return table;
}

// The byte length of the identifier token at `offset` of `sql`, quoted or not.
size_t IdentifierLength(std::string_view sql, size_t offset) {
  size_t i = offset;
  if (sql[i] == '"') {
    for (++i; i < sql.size(); ++i) {
      if (sql[i] != '"') continue;
      if (i + 1 < sql.size() && sql[i + 1] == '"') {
        ++i;
        continue;
      }
      return i + 1 - offset;
    }
    return sql.size() - offset;
  }
  while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_' ||
                            sql[i] == '$' || static_cast<unsigned char>(sql[i]) >= 0x80)) {
    ++i;
  }
  return i - offset;
}

// The new name of column `column` of `table`, if `changes` rename it.
std::optional<std::string> RenamedColumn(const std::string& column,
                                         const model::QualifiedName& table,
                                         const std::vector<NameChange>& changes) {
  for (const NameChange& change : changes) {
    if (change.kind == Kind::kColumn && change.object == table && change.column == column) {
      return change.new_name.name;
    }
  }
  return std::nullopt;
}

// Renames the columns of a partition key text (`RANGE (created_at)`, `LIST (lower(k))`)
// token by token, at the places libpg_query reports, so the rest of the text stays as
// the canonical form printed it. nullopt when no column of the key is renamed.
absl::StatusOr<std::optional<std::string>> RewritePartitionKey(
    const std::string& key, const model::QualifiedName& table,
    const std::vector<NameChange>& changes) {
  const std::string prefix = "CREATE TABLE t () PARTITION BY ";
  std::string sql = prefix + key;
  SyntaxError error;
  std::unique_ptr<ParseTree> tree = ParseTree::Parse(sql, &error);
  if (tree == nullptr || tree->result().n_stmts != 1 ||
      tree->result().stmts[0]->stmt->node_case != PG_QUERY__NODE__NODE_CREATE_STMT ||
      tree->result().stmts[0]->stmt->create_stmt->partspec == nullptr) {
    return absl::InvalidArgumentError(StrCat("cannot parse partition key \"", key, "\""));
  }
  const PgQuery__PartitionSpec& spec = *tree->result().stmts[0]->stmt->create_stmt->partspec;
  std::map<size_t, std::string> replacements;  // offset → new token
  auto rename_at = [&](int location, const std::string& column) {
    std::optional<std::string> renamed = RenamedColumn(column, table, changes);
    if (renamed && location >= static_cast<int>(prefix.size())) {
      replacements[static_cast<size_t>(location)] = QuoteIdent(*renamed);
    }
  };
  for (size_t i = 0; i < spec.n_part_params; ++i) {
    if (spec.part_params[i]->node_case != PG_QUERY__NODE__NODE_PARTITION_ELEM) continue;
    PgQuery__PartitionElem* elem = spec.part_params[i]->partition_elem;
    if (elem->name != nullptr && elem->name[0] != '\0') rename_at(elem->location, elem->name);
    if (elem->expr == nullptr) continue;
    Walk(&elem->expr->base, [&](ProtobufCMessage* message) {
      auto* column_ref = As<PgQuery__ColumnRef>(message, pg_query__column_ref__descriptor);
      if (column_ref == nullptr || column_ref->n_fields != 1) return;
      std::string column = StringOf(column_ref->fields[0]);
      if (!column.empty()) rename_at(column_ref->location, column);
    });
  }
  if (replacements.empty()) return std::optional<std::string>();
  for (auto it = replacements.rbegin(); it != replacements.rend(); ++it) {
    sql.replace(it->first, IdentifierLength(sql, it->first), it->second);
  }
  return std::optional<std::string>(sql.substr(prefix.size()));
}

}  // namespace

absl::StatusOr<std::optional<std::string>> RewriteExpression(
    std::string_view text, const std::vector<NameChange>& changes, const model::Catalog& before,
    const ExpressionContext& after_context) {
  std::string sql = StrCat("SELECT ", text);
  SyntaxError error;
  std::unique_ptr<ParseTree> tree = ParseTree::Parse(sql, &error);
  if (tree == nullptr) {
    return absl::InvalidArgumentError(
        StrCat("cannot parse expression \"", text, "\": ", error.message));
  }
  const PgQuery__ParseResult& result = tree->result();
  if (result.n_stmts != 1 || result.stmts[0]->stmt == nullptr ||
      result.stmts[0]->stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
    return absl::InvalidArgumentError(StrCat("not an expression: \"", text, "\""));
  }
  const PgQuery__SelectStmt* select_stmt = result.stmts[0]->stmt->select_stmt;
  if (select_stmt->n_target_list != 1 ||
      select_stmt->target_list[0]->node_case != PG_QUERY__NODE__NODE_RES_TARGET ||
      select_stmt->target_list[0]->res_target->val == nullptr) {
    return absl::InvalidArgumentError(StrCat("not an expression: \"", text, "\""));
  }
  PgQuery__Node* expr = select_stmt->target_list[0]->res_target->val;

  // The edits point into strings they own and are undone before the tree is freed.
  internal::StringEdits edits;
  Renamer renamer(changes, before, &edits);
  Walk(&expr->base, [&](ProtobufCMessage* message) { renamer.Visit(message); });
  if (!renamer.changed()) return std::optional<std::string>();
  PGDRIFT_ASSIGN_OR_RETURN(std::string rewritten, NormalizeExpression(*expr, after_context));
  return std::optional<std::string>(std::move(rewritten));
}

ExpressionRewrites ComputeExpressionRewrites(const model::Catalog& before,
                                             const model::Mutation& mutation,
                                             const std::vector<NameChange>& changes) {
  ExpressionRewrites out;
  if (changes.empty()) return out;
  std::vector<Candidate> candidates = Candidates(before, changes);
  if (candidates.empty()) return out;
  model::Catalog after = before;
  if (!model::Apply(mutation, &after, nullptr).ok()) return out;
  for (const Candidate& candidate : candidates) {
    if (out.rewrites.contains(candidate.text)) continue;
    ExpressionContext context;
    context.catalog = &after;
    if (!candidate.table.name.empty()) context.table = NameAfter(candidate.table, changes);
    absl::StatusOr<std::optional<std::string>> rewritten =
        candidate.partition_key ? RewritePartitionKey(candidate.text, candidate.table, changes)
                                : RewriteExpression(candidate.text, changes, before, context);
    if (!rewritten.ok()) {
      out.failures.push_back(StrCat("cannot update expression \"", candidate.text,
                                    "\": ", rewritten.status().message()));
      continue;
    }
    if (*rewritten && **rewritten != candidate.text) {
      out.rewrites.emplace(candidate.text, **rewritten);
    }
  }
  return out;
}

}  // namespace pgdrift::parser
