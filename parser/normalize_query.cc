#include "parser/normalize_query.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/normalize_internal.h"
#include "parser/internal/proto_tree.h"
#include "parser/node_util.h"
#include "parser/normalize.h"
#include "parser/parse_tree.h"
#include "parser/type_name.h"

namespace pgdrift::parser {
namespace {

using internal::Arena;
using internal::IsNode;

// One column of a range entry.
struct RangeColumn {
  std::string name;
  std::optional<model::TypeRef> type;
  std::optional<model::QualifiedName> table;  // the table it belongs to (dependencies)
};

// A FROM item as ruleutils.c names it: relation, sub-select or CTE reference.
struct RangeEntry {
  std::string written;  // the name the query refers to it by (alias, else relation name)
  std::string schema;   // a relation's schema (for schema.table.column references)
  std::string refname;  // the name printed (set_rtable_names: unique across levels)
  std::vector<RangeColumn> columns;
  std::string cte;  // a CTE reference: the CTE's name (columns known once it is resolved)
  // A relation of the platform (a managed schema's table the model holds without its
  // columns, e.g. auth.users): any column name is taken as one of its columns.
  bool columns_unknown = false;
};

// A column visible unqualified at a query level: entry index and column index.
struct Visible {
  std::string name;
  size_t entry = 0;
  size_t column = 0;
};

// A CTE's output columns.
struct Cte {
  std::vector<RangeColumn> columns;
  bool resolved = false;
};

// One query level: its FROM entries, the columns visible unqualified, its CTEs.
struct Level {
  Level* parent = nullptr;
  std::deque<RangeEntry> entries;
  std::vector<Visible> visible;
  std::map<std::string, Cte> ctes;
  std::set<std::string> names;  // refnames used at this level
};

// Whether a sub-query is an expression's (SubLink: "?column?" is never printed there),
// a FROM item or CTE body, or the view's own query.
enum class QueryKind { kTop, kFromItem, kSubLink };

using TypeMap = std::map<const PgQuery__Node*, model::TypeRef>;

class QueryResolver {
 public:
  QueryResolver(Arena& arena, const model::Catalog& catalog, TypeMap* types)
      : arena_(arena), catalog_(catalog), types_(types) {}

  const std::vector<model::ObjectId>& depends_on() const { return depends_on_; }

  // Resolves `select` in place; returns its output columns. `forced_names` rename the
  // first output columns (a view's column list, a set operation's leftmost names).
  absl::StatusOr<std::vector<RangeColumn>> Select(PgQuery__SelectStmt* select, Level* parent, QueryKind kind,
                                                  const std::vector<std::string>& forced_names) {
    if (select->with_clause != nullptr && select->with_clause->recursive) {
      return absl::UnimplementedError("WITH RECURSIVE in a view query is not modelled");
    }
    if (select->n_values_lists > 0) return absl::UnimplementedError("VALUES in a view query is not modelled");
    if (select->op != PG_QUERY__SET_OPERATION__SETOP_NONE) {
      Level level;
      level.parent = parent;
      PGDRIFT_RETURN_IF_ERROR(WithClause(select->with_clause, &level));
      PGDRIFT_ASSIGN_OR_RETURN(std::vector<RangeColumn> left, Select(select->larg, &level, kind, forced_names));
      std::vector<std::string> names;
      for (const RangeColumn& column : left) names.push_back(column.name);
      PGDRIFT_ASSIGN_OR_RETURN(std::vector<RangeColumn> right,
                               Select(select->rarg, &level, kind == QueryKind::kSubLink ? kind : QueryKind::kFromItem,
                                      names));
      if (select->n_sort_clause > 0 || select->limit_count != nullptr || select->limit_offset != nullptr) {
        // ORDER BY of a set operation names output columns; they print as written.
        for (size_t i = 0; i < select->n_sort_clause; ++i) {
          if (!IsNode(select->sort_clause[i], PG_QUERY__NODE__NODE_SORT_BY) ||
              !IsNode(select->sort_clause[i]->sort_by->node, PG_QUERY__NODE__NODE_COLUMN_REF)) {
            return absl::UnimplementedError("ORDER BY of a set operation by expression is not modelled");
          }
        }
      }
      return left;
    }

    Level level;
    level.parent = parent;
    // CTE names first: FROM items may refer to them.
    if (select->with_clause != nullptr) {
      for (size_t i = 0; i < select->with_clause->n_ctes; ++i) {
        const PgQuery__Node* cte = select->with_clause->ctes[i];
        if (IsNode(cte, PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR)) level.ctes[cte->common_table_expr->ctename];
      }
    }
    // FROM names of this level are chosen before any sub-query's (set_rtable_names runs
    // level by level), so an inner `orgs` becomes orgs_1.
    std::map<const void*, size_t> entry_of;
    for (size_t i = 0; i < select->n_from_clause; ++i) {
      PGDRIFT_RETURN_IF_ERROR(NameFromItem(select->from_clause[i], &level, &entry_of));
    }
    PGDRIFT_RETURN_IF_ERROR(WithClause(select->with_clause, &level));
    for (size_t i = 0; i < select->n_from_clause; ++i) {
      PGDRIFT_ASSIGN_OR_RETURN(std::vector<Visible> visible, FromItem(select->from_clause[i], &level, entry_of));
      level.visible.insert(level.visible.end(), visible.begin(), visible.end());
    }

    // Target list: `*` and `t.*` expanded, expressions resolved.
    std::vector<PgQuery__Node*> targets;
    for (size_t i = 0; i < select->n_target_list; ++i) {
      PgQuery__Node* node = select->target_list[i];
      if (!IsNode(node, PG_QUERY__NODE__NODE_RES_TARGET)) return absl::InternalError("unexpected target list entry");
      PgQuery__ResTarget* target = node->res_target;
      if (IsStar(target->val)) {
        PGDRIFT_RETURN_IF_ERROR(ExpandStar(target->val->column_ref, &level, &targets));
        continue;
      }
      PGDRIFT_RETURN_IF_ERROR(Expression(&target->val, &level, nullptr));
      targets.push_back(node);
    }
    select->target_list = arena_.NodeArray(targets);
    select->n_target_list = targets.size();

    std::vector<RangeColumn> output;
    std::set<std::string> seen;
    for (size_t i = 0; i < targets.size(); ++i) {
      PgQuery__ResTarget* target = targets[i]->res_target;
      bool written = target->name != nullptr && target->name[0] != '\0';
      bool explicit_name = i < forced_names.size() || written;
      std::string name = i < forced_names.size() ? forced_names[i]
                         : written                ? std::string(target->name)
                                                  : FigureTargetName(*target->val);
      RangeColumn column{name, OutputType(target->val), std::nullopt};
      output.push_back(column);
      if (kind == QueryKind::kTop && !seen.insert(name).second) {
        return absl::InvalidArgumentError(StrCat("column \"", name, "\" specified more than once"));
      }
      // get_target_list prints AS unless the value is a column of that very name;
      // inside an expression's sub-query "?column?" is not printed.
      if (IsNode(target->val, PG_QUERY__NODE__NODE_COLUMN_REF) && LastField(target->val) == name) {
        target->name = arena_.String("");
      } else if (kind == QueryKind::kSubLink && !explicit_name && name == "?column?") {
        target->name = arena_.String("");
      } else {
        target->name = arena_.String(name);
      }
    }

    PGDRIFT_RETURN_IF_ERROR(Expression(&select->where_clause, &level, nullptr));
    PGDRIFT_RETURN_IF_ERROR(Expression(&select->having_clause, &level, nullptr));
    for (size_t i = 0; i < select->n_group_clause; ++i) {
      PGDRIFT_RETURN_IF_ERROR(SortGroupItem(&select->group_clause[i], &level, targets, /*group=*/true));
    }
    for (size_t i = 0; i < select->n_sort_clause; ++i) {
      PgQuery__Node* item = select->sort_clause[i];
      if (!IsNode(item, PG_QUERY__NODE__NODE_SORT_BY)) continue;
      PGDRIFT_RETURN_IF_ERROR(SortGroupItem(&item->sort_by->node, &level, targets, /*group=*/false));
    }
    for (size_t i = 0; i < select->n_distinct_clause; ++i) {
      if (select->distinct_clause[i] == nullptr) continue;
      PGDRIFT_RETURN_IF_ERROR(SortGroupItem(&select->distinct_clause[i], &level, targets, /*group=*/false));
    }
    for (size_t i = 0; i < select->n_window_clause; ++i) {
      PGDRIFT_RETURN_IF_ERROR(Expression(&select->window_clause[i], &level, nullptr));
    }
    PGDRIFT_RETURN_IF_ERROR(Expression(&select->limit_count, &level, nullptr));
    PGDRIFT_RETURN_IF_ERROR(Expression(&select->limit_offset, &level, nullptr));
    return output;
  }

  // Resolves the sub-queries inside `expr` (an expression of `level`).
  absl::Status SubLinks(PgQuery__Node** slot, Level* level) {
    PgQuery__Node* node = *slot;
    if (node == nullptr) return absl::OkStatus();
    if (node->node_case == PG_QUERY__NODE__NODE_SUB_LINK) {
      PgQuery__SubLink* sub_link = node->sub_link;
      PGDRIFT_RETURN_IF_ERROR(SubLinks(&sub_link->testexpr, level));
      if (!IsNode(sub_link->subselect, PG_QUERY__NODE__NODE_SELECT_STMT)) {
        return absl::InternalError("sub-query without SELECT");
      }
      return Select(sub_link->subselect->select_stmt, level, QueryKind::kSubLink, {}).status();
    }
    return ForEachChild(&node->base, [&](PgQuery__Node** child) { return SubLinks(child, level); });
  }

  // The outer level of an expression on `table`: its columns, by the table's name.
  static void AddTable(const model::QualifiedName& name, const std::vector<model::Column>& columns, Level* level) {
    RangeEntry entry{name.name, name.schema, name.name, {}};
    for (const model::Column& column : columns) {
      level->visible.push_back({column.name, level->entries.size(), entry.columns.size()});
      entry.columns.push_back({column.name, column.type, name});
    }
    level->names.insert(name.name);
    level->entries.push_back(std::move(entry));
  }

 private:
  // ---- tree helpers ----

  // Calls `fn` on the slot of every Node child of `message`.
  template <typename Fn>
  absl::Status ForEachChild(ProtobufCMessage* message, Fn&& fn) {
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
        for (size_t k = 0; k < count; ++k) {
          PGDRIFT_RETURN_IF_ERROR(Child(&items[k], fn));
        }
      } else {
        auto** slot = reinterpret_cast<ProtobufCMessage**>(base + field.offset);
        if (*slot != nullptr) PGDRIFT_RETURN_IF_ERROR(Child(slot, fn));
      }
    }
    return absl::OkStatus();
  }

  template <typename Fn>
  absl::Status Child(ProtobufCMessage** slot, Fn& fn) {
    if ((*slot)->descriptor == &pg_query__node__descriptor) {
      return fn(reinterpret_cast<PgQuery__Node**>(slot));
    }
    return ForEachChild(*slot, fn);
  }

  static bool IsStar(const PgQuery__Node* node) {
    if (!IsNode(node, PG_QUERY__NODE__NODE_COLUMN_REF)) return false;
    const PgQuery__ColumnRef* ref = node->column_ref;
    return ref->n_fields > 0 && IsNode(ref->fields[ref->n_fields - 1], PG_QUERY__NODE__NODE_A_STAR);
  }

  static std::string LastField(const PgQuery__Node* node) {
    const PgQuery__ColumnRef* ref = node->column_ref;
    return ref->n_fields == 0 ? "" : StringOf(ref->fields[ref->n_fields - 1]);
  }

  PgQuery__Node* MakeColumnRef(const std::string& refname, const RangeColumn& column) {
    auto make_string = [&](const std::string& text) {
      PgQuery__String value = PG_QUERY__STRING__INIT;
      value.sval = arena_.String(text);
      PgQuery__Node* node = arena_.New<PgQuery__Node>(PG_QUERY__NODE__INIT);
      node->node_case = PG_QUERY__NODE__NODE_STRING;
      node->string = arena_.New(value);
      return node;
    };
    PgQuery__ColumnRef ref = PG_QUERY__COLUMN_REF__INIT;
    ref.n_fields = 2;
    ref.fields = arena_.NodeArray({make_string(refname), make_string(column.name)});
    ref.location = -1;
    PgQuery__Node* node = arena_.New<PgQuery__Node>(PG_QUERY__NODE__INIT);
    node->node_case = PG_QUERY__NODE__NODE_COLUMN_REF;
    node->column_ref = arena_.New(ref);
    Record(node, column);
    return node;
  }

  void Record(const PgQuery__Node* node, const RangeColumn& column) {
    if (column.type) (*types_)[node] = *column.type;
    if (column.table) AddDependency(model::ObjectId::Child(model::ObjectKind::kColumn, *column.table, column.name));
  }

  void AddDependency(const model::ObjectId& id) {
    for (const model::ObjectId& existing : depends_on_) {
      if (existing == id) return;
    }
    depends_on_.push_back(id);
  }

  // ---- names ----

  static bool NameTaken(const std::string& name, const Level* level) {
    for (; level != nullptr; level = level->parent) {
      if (level->names.contains(name)) return true;
    }
    return false;
  }

  // set_rtable_names: `name`, or name_1, name_2 … when a level in scope already uses it.
  static std::string UniqueName(const std::string& name, Level* level) {
    std::string out = name;
    for (int i = 1; NameTaken(out, level); ++i) out = StrCat(name, "_", i);
    level->names.insert(out);
    return out;
  }

  static const Cte* FindCte(const std::string& name, const Level* level) {
    for (; level != nullptr; level = level->parent) {
      auto it = level->ctes.find(name);
      if (it != level->ctes.end()) return &it->second;
    }
    return nullptr;
  }

  // Pass one over FROM: an entry and its printed name for every relation, CTE reference
  // and sub-select, columns of relations and CTEs.
  absl::Status NameFromItem(PgQuery__Node* node, Level* level, std::map<const void*, size_t>* entry_of) {
    switch (node->node_case) {
      case PG_QUERY__NODE__NODE_RANGE_VAR: {
        PgQuery__RangeVar* range_var = node->range_var;
        RangeEntry entry;
        std::string alias = range_var->alias != nullptr ? range_var->alias->aliasname : "";
        if (range_var->alias != nullptr && range_var->alias->n_colnames > 0) {
          return absl::UnimplementedError("column aliases of a FROM item are not modelled");
        }
        model::QualifiedName name = RangeVarName(range_var);
        const Cte* cte = name.schema.empty() ? FindCte(name.name, level) : nullptr;
        if (cte != nullptr) {
          entry.written = alias.empty() ? name.name : alias;
          entry.cte = name.name;
        } else {
          std::optional<model::QualifiedName> resolved = catalog_.ResolveRelation(name);
          const model::Table* managed = resolved ? catalog_.FindTable(*resolved) : nullptr;
          if ((!resolved && !name.schema.empty() && catalog_.IsManagedSchema(name.schema)) ||
              (managed != nullptr && managed->managed && managed->columns.empty())) {
            model::QualifiedName platform = resolved ? *resolved : name;
            entry.columns_unknown = true;
            entry.schema = platform.schema;
            entry.written = alias.empty() ? platform.name : alias;
            range_var->schemaname = arena_.String(platform.schema);
            entry.refname = UniqueName(entry.written, level);
            if (entry.refname != entry.written || range_var->alias != nullptr) {
              PgQuery__Alias new_alias = PG_QUERY__ALIAS__INIT;
              new_alias.aliasname = arena_.String(entry.refname);
              range_var->alias = arena_.New(new_alias);
            }
            (*entry_of)[node] = level->entries.size();
            level->entries.push_back(std::move(entry));
            return absl::OkStatus();
          }
          if (!resolved) {
            return absl::NotFoundError(
                StrCat("relation \"", name.schema.empty() ? name.name : StrCat(name.schema, ".", name.name),
                       "\" does not exist"));
          }
          std::optional<model::ObjectKind> kind = catalog_.RelationKindOf(*resolved);
          AddDependency(model::ObjectId::Of(*kind, *resolved));
          if (const model::Table* table = catalog_.FindTable(*resolved)) {
            for (const model::Column& column : table->columns) {
              entry.columns.push_back({column.name, column.type, *resolved});
            }
          } else if (auto view = catalog_.views.find(*resolved); view != catalog_.views.end()) {
            // View column types are not modelled (see model/view.h).
            for (const model::ViewColumn& column : view->second.columns) {
              entry.columns.push_back({column.name, std::nullopt, std::nullopt});
            }
          } else {
            return absl::UnimplementedError(StrCat("reading ", std::string(model::KindName(*kind)), " \"", resolved->name,
                                                   "\" in a view query is not modelled"));
          }
          range_var->schemaname = arena_.String(resolved->schema);
          entry.schema = resolved->schema;
          entry.written = alias.empty() ? resolved->name : alias;
        }
        entry.refname = UniqueName(entry.written, level);
        if (entry.refname != entry.written || range_var->alias != nullptr) {
          PgQuery__Alias new_alias = PG_QUERY__ALIAS__INIT;
          new_alias.aliasname = arena_.String(entry.refname);
          range_var->alias = arena_.New(new_alias);
        }
        (*entry_of)[node] = level->entries.size();
        level->entries.push_back(std::move(entry));
        return absl::OkStatus();
      }
      case PG_QUERY__NODE__NODE_RANGE_SUBSELECT: {
        PgQuery__RangeSubselect* sub = node->range_subselect;
        if (sub->alias == nullptr) return absl::InvalidArgumentError("subquery in FROM must have an alias");
        if (sub->alias->n_colnames > 0) return absl::UnimplementedError("column aliases of a sub-select are not modelled");
        RangeEntry entry;
        entry.written = sub->alias->aliasname;
        entry.refname = UniqueName(entry.written, level);
        PgQuery__Alias new_alias = *sub->alias;
        new_alias.aliasname = arena_.String(entry.refname);
        sub->alias = arena_.New(new_alias);
        (*entry_of)[node] = level->entries.size();
        level->entries.push_back(std::move(entry));
        return absl::OkStatus();
      }
      case PG_QUERY__NODE__NODE_JOIN_EXPR: {
        PgQuery__JoinExpr* join = node->join_expr;
        if (join->alias != nullptr) return absl::UnimplementedError("an alias of a JOIN is not modelled");
        PGDRIFT_RETURN_IF_ERROR(NameFromItem(join->larg, level, entry_of));
        return NameFromItem(join->rarg, level, entry_of);
      }
      default:
        return absl::UnimplementedError(StrCat("FROM item ", NodeCaseName(node), " in a view query is not modelled"));
    }
  }

  static std::string NodeCaseName(const PgQuery__Node* node) {
    switch (node->node_case) {
      case PG_QUERY__NODE__NODE_RANGE_FUNCTION:
        return "function call";
      case PG_QUERY__NODE__NODE_RANGE_TABLE_SAMPLE:
        return "TABLESAMPLE";
      default:
        return StrCat("#", static_cast<int>(node->node_case));
    }
  }

  // Pass two over FROM: sub-selects resolved, joins' visible columns (USING and NATURAL
  // merge columns, as parse_clause.c transformFromClauseItem does) and ON clauses.
  absl::StatusOr<std::vector<Visible>> FromItem(PgQuery__Node* node, Level* level,
                                                const std::map<const void*, size_t>& entry_of) {
    switch (node->node_case) {
      case PG_QUERY__NODE__NODE_RANGE_VAR:
      case PG_QUERY__NODE__NODE_RANGE_SUBSELECT: {
        size_t index = entry_of.at(node);
        if (!level->entries[index].cte.empty()) {
          level->entries[index].columns = FindCte(level->entries[index].cte, level)->columns;
        }
        if (node->node_case == PG_QUERY__NODE__NODE_RANGE_SUBSELECT) {
          PgQuery__RangeSubselect* sub = node->range_subselect;
          if (!IsNode(sub->subquery, PG_QUERY__NODE__NODE_SELECT_STMT)) {
            return absl::InternalError("sub-select without SELECT");
          }
          PGDRIFT_ASSIGN_OR_RETURN(level->entries[index].columns,
                                   Select(sub->subquery->select_stmt, level, QueryKind::kFromItem, {}));
        }
        std::vector<Visible> visible;
        const RangeEntry& entry = level->entries[index];
        for (size_t i = 0; i < entry.columns.size(); ++i) visible.push_back({entry.columns[i].name, index, i});
        return visible;
      }
      case PG_QUERY__NODE__NODE_JOIN_EXPR: {
        PgQuery__JoinExpr* join = node->join_expr;
        PGDRIFT_ASSIGN_OR_RETURN(std::vector<Visible> left, FromItem(join->larg, level, entry_of));
        PGDRIFT_ASSIGN_OR_RETURN(std::vector<Visible> right, FromItem(join->rarg, level, entry_of));
        std::vector<std::string> using_names;
        if (join->is_natural) {
          // NATURAL: the column names both sides have, in the left side's order;
          // ruleutils prints the join with USING.
          for (const Visible& l : left) {
            for (const Visible& r : right) {
              if (l.name == r.name) using_names.push_back(l.name);
            }
          }
          join->is_natural = false;
          std::vector<PgQuery__Node*> items;
          for (const std::string& name : using_names) {
            PgQuery__String value = PG_QUERY__STRING__INIT;
            value.sval = arena_.String(name);
            PgQuery__Node* item = arena_.New<PgQuery__Node>(PG_QUERY__NODE__INIT);
            item->node_case = PG_QUERY__NODE__NODE_STRING;
            item->string = arena_.New(value);
            items.push_back(item);
          }
          join->using_clause = arena_.NodeArray(items);
          join->n_using_clause = items.size();
          if (items.empty()) return absl::UnimplementedError("NATURAL JOIN without common columns is not modelled");
        } else {
          using_names = StringList(join->using_clause, join->n_using_clause);
        }
        if (join->join_using_alias != nullptr) return absl::UnimplementedError("JOIN USING … AS is not modelled");
        std::vector<Visible> out;
        if (!using_names.empty()) {
          if (join->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL) {
            return absl::UnimplementedError("FULL JOIN … USING is not modelled");
          }
          bool from_right = join->jointype == PG_QUERY__JOIN_TYPE__JOIN_RIGHT;
          for (const std::string& name : using_names) {
            const std::vector<Visible>& side = from_right ? right : left;
            auto it = std::find_if(side.begin(), side.end(), [&](const Visible& v) { return v.name == name; });
            if (it == side.end()) {
              return absl::InvalidArgumentError(
                  StrCat("column \"", name, "\" specified in USING clause does not exist in ",
                         from_right ? "right" : "left", " table"));
            }
            out.push_back(*it);
          }
          auto merged = [&](const Visible& v) {
            return std::find(using_names.begin(), using_names.end(), v.name) != using_names.end();
          };
          for (const Visible& v : left) {
            if (!merged(v)) out.push_back(v);
          }
          for (const Visible& v : right) {
            if (!merged(v)) out.push_back(v);
          }
        } else {
          out = left;
          out.insert(out.end(), right.begin(), right.end());
        }
        if (join->quals != nullptr) PGDRIFT_RETURN_IF_ERROR(Expression(&join->quals, level, &out));
        return out;
      }
      default:
        return absl::UnimplementedError("FROM item in a view query is not modelled");
    }
  }

  absl::Status WithClause(PgQuery__WithClause* with_clause, Level* level) {
    if (with_clause == nullptr) return absl::OkStatus();
    for (size_t i = 0; i < with_clause->n_ctes; ++i) {
      PgQuery__Node* node = with_clause->ctes[i];
      if (!IsNode(node, PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR)) continue;
      PgQuery__CommonTableExpr* cte = node->common_table_expr;
      if (!IsNode(cte->ctequery, PG_QUERY__NODE__NODE_SELECT_STMT)) {
        return absl::UnimplementedError("a data-modifying WITH query is not modelled");
      }
      PGDRIFT_ASSIGN_OR_RETURN(std::vector<RangeColumn> columns,
                               Select(cte->ctequery->select_stmt, level, QueryKind::kFromItem, {}));
      std::vector<std::string> aliases = StringList(cte->aliascolnames, cte->n_aliascolnames);
      for (size_t k = 0; k < aliases.size() && k < columns.size(); ++k) columns[k].name = aliases[k];
      Cte& entry = level->ctes[cte->ctename];
      entry.columns = std::move(columns);
      entry.resolved = true;
    }
    return absl::OkStatus();
  }

  // ---- columns ----

  absl::Status ExpandStar(const PgQuery__ColumnRef* ref, Level* level, std::vector<PgQuery__Node*>* targets) {
    auto add = [&](const RangeEntry& entry, const RangeColumn& column) {
      PgQuery__ResTarget target = PG_QUERY__RES_TARGET__INIT;
      target.val = MakeColumnRef(entry.refname, column);
      target.location = -1;
      PgQuery__Node* node = arena_.New<PgQuery__Node>(PG_QUERY__NODE__INIT);
      node->node_case = PG_QUERY__NODE__NODE_RES_TARGET;
      node->res_target = arena_.New(target);
      targets->push_back(node);
    };
    if (ref->n_fields == 1) {
      for (const RangeEntry& entry : level->entries) {
        if (entry.columns_unknown) {
          return absl::UnimplementedError(StrCat("the columns of \"", entry.written, "\" are not modelled"));
        }
      }
      if (level->visible.empty()) return absl::InvalidArgumentError("SELECT * with no tables specified is not valid");
      for (const Visible& v : level->visible) add(level->entries[v.entry], level->entries[v.entry].columns[v.column]);
      return absl::OkStatus();
    }
    std::vector<std::string> qualifier;
    for (size_t i = 0; i + 1 < ref->n_fields; ++i) qualifier.push_back(StringOf(ref->fields[i]));
    PGDRIFT_ASSIGN_OR_RETURN(const RangeEntry* entry, FindEntry(qualifier, level, nullptr));
    if (entry->columns_unknown) {
      return absl::UnimplementedError(StrCat("the columns of \"", entry->written, "\" are not modelled"));
    }
    for (const RangeColumn& column : entry->columns) add(*entry, column);
    return absl::OkStatus();
  }

  // The entry `qualifier` (["t"] or ["s", "t"]) names, searching outwards.
  absl::StatusOr<const RangeEntry*> FindEntry(const std::vector<std::string>& qualifier, Level* level,
                                              Level** found_level) {
    for (Level* l = level; l != nullptr; l = l->parent) {
      for (const RangeEntry& entry : l->entries) {
        bool match = qualifier.size() == 1 ? entry.written == qualifier[0]
                                           : entry.written == qualifier[1] && entry.schema == qualifier[0];
        if (match) {
          if (found_level != nullptr) *found_level = l;
          return &entry;
        }
      }
      // A name already printed (a copied ORDER BY expression is resolved again).
      for (const RangeEntry& entry : l->entries) {
        if (qualifier.size() == 1 && entry.refname == qualifier[0]) {
          if (found_level != nullptr) *found_level = l;
          return &entry;
        }
      }
    }
    return absl::NotFoundError(StrCat("missing FROM-clause entry for table \"", qualifier.back(), "\""));
  }

  absl::Status QualifyColumnRef(PgQuery__Node* node, Level* level, const std::vector<Visible>* visible) {
    PgQuery__ColumnRef* ref = node->column_ref;
    for (size_t i = 0; i < ref->n_fields; ++i) {
      if (!IsNode(ref->fields[i], PG_QUERY__NODE__NODE_STRING)) {
        if (i + 1 == ref->n_fields && IsNode(ref->fields[i], PG_QUERY__NODE__NODE_A_STAR) && i > 0) {
          // t.* as a value (a whole row): the entry's printed name.
          std::vector<std::string> qualifier;
          for (size_t k = 0; k < i; ++k) qualifier.push_back(StringOf(ref->fields[k]));
          PGDRIFT_ASSIGN_OR_RETURN(const RangeEntry* entry, FindEntry(qualifier, level, nullptr));
          PgQuery__String value = PG_QUERY__STRING__INIT;
          value.sval = arena_.String(entry->refname);
          PgQuery__Node* first = arena_.New<PgQuery__Node>(PG_QUERY__NODE__INIT);
          first->node_case = PG_QUERY__NODE__NODE_STRING;
          first->string = arena_.New(value);
          ref->fields = arena_.NodeArray({first, ref->fields[i]});
          ref->n_fields = 2;
          return absl::OkStatus();
        }
        return absl::UnimplementedError("a column reference of this form is not modelled");
      }
    }
    std::vector<std::string> fields = StringList(ref->fields, ref->n_fields);
    if (fields.size() == 1) {
      for (Level* l = level; l != nullptr; l = l->parent) {
        const std::vector<Visible>& candidates = (l == level && visible != nullptr) ? *visible : l->visible;
        const Visible* match = nullptr;
        for (const Visible& v : candidates) {
          if (v.name != fields[0]) continue;
          if (match != nullptr && (match->entry != v.entry || match->column != v.column)) {
            return absl::InvalidArgumentError(StrCat("column reference \"", fields[0], "\" is ambiguous"));
          }
          match = &v;
        }
        if (match != nullptr) {
          const RangeEntry& entry = l->entries[match->entry];
          ReplaceColumnRef(node, entry.refname, entry.columns[match->column]);
          return absl::OkStatus();
        }
        // Not a known column here: the platform relation of this level, if it is the only one.
        const RangeEntry* unknown = nullptr;
        int unknown_count = 0;
        for (const RangeEntry& entry : l->entries) {
          if (entry.columns_unknown) {
            unknown = &entry;
            ++unknown_count;
          }
        }
        if (unknown_count == 1) {
          ReplaceColumnRef(node, unknown->refname, {fields[0], std::nullopt, std::nullopt});
          return absl::OkStatus();
        }
      }
      return absl::NotFoundError(StrCat("column \"", fields[0], "\" does not exist"));
    }
    if (fields.size() > 3) return absl::UnimplementedError("a column reference of this form is not modelled");
    std::vector<std::string> qualifier(fields.begin(), fields.end() - 1);
    absl::StatusOr<const RangeEntry*> entry = FindEntry(qualifier, level, nullptr);
    if (!entry.ok()) {
      if (fields.size() == 2) {
        return absl::UnimplementedError(
            StrCat("\"", fields[0], ".", fields[1], "\" (a field of a composite column?) is not modelled"));
      }
      return entry.status();
    }
    for (const RangeColumn& column : (*entry)->columns) {
      if (column.name == fields.back()) {
        ReplaceColumnRef(node, (*entry)->refname, column);
        return absl::OkStatus();
      }
    }
    if ((*entry)->columns_unknown) {
      ReplaceColumnRef(node, (*entry)->refname, {fields.back(), std::nullopt, std::nullopt});
      return absl::OkStatus();
    }
    return absl::NotFoundError(StrCat("column ", qualifier.back(), ".", fields.back(), " does not exist"));
  }

  void ReplaceColumnRef(PgQuery__Node* node, const std::string& refname, const RangeColumn& column) {
    PgQuery__Node* made = MakeColumnRef(refname, column);
    types_->erase(made);
    node->column_ref = made->column_ref;
    Record(node, column);
  }

  // Resolves expression `*slot` of `level`: column references qualified, sub-queries
  // resolved. `visible` overrides the columns visible at `level` (a JOIN's ON clause).
  absl::Status Expression(PgQuery__Node** slot, Level* level, const std::vector<Visible>* visible) {
    PgQuery__Node* node = *slot;
    if (node == nullptr) return absl::OkStatus();
    switch (node->node_case) {
      case PG_QUERY__NODE__NODE_COLUMN_REF:
        return QualifyColumnRef(node, level, visible);
      case PG_QUERY__NODE__NODE_SUB_LINK: {
        PgQuery__SubLink* sub_link = node->sub_link;
        PGDRIFT_RETURN_IF_ERROR(Expression(&sub_link->testexpr, level, visible));
        if (!IsNode(sub_link->subselect, PG_QUERY__NODE__NODE_SELECT_STMT)) {
          return absl::InternalError("sub-query without SELECT");
        }
        return Select(sub_link->subselect->select_stmt, level, QueryKind::kSubLink, {}).status();
      }
      case PG_QUERY__NODE__NODE_SELECT_STMT:
        return absl::UnimplementedError("a sub-query in this position is not modelled");
      default:
        return ForEachChild(&node->base, [&](PgQuery__Node** child) { return Expression(child, level, visible); });
    }
  }

  // A GROUP BY, ORDER BY or DISTINCT ON item: a position or an output column name
  // stands for the target's expression (ruleutils prints the expression); ORDER BY
  // prefers output names, GROUP BY input columns (parse_clause.c findTargetlistEntry).
  absl::Status SortGroupItem(PgQuery__Node** slot, Level* level, const std::vector<PgQuery__Node*>& targets,
                             bool group) {
    PgQuery__Node* node = *slot;
    if (node == nullptr) return absl::OkStatus();
    std::optional<size_t> index;
    if (IsNode(node, PG_QUERY__NODE__NODE_A_CONST) && node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
      int position = node->a_const->ival->ival;
      if (position < 1 || static_cast<size_t>(position) > targets.size()) {
        return absl::InvalidArgumentError(StrCat("position ", position, " is not in select list"));
      }
      index = position - 1;
    } else if (IsNode(node, PG_QUERY__NODE__NODE_COLUMN_REF) && node->column_ref->n_fields == 1 &&
               IsNode(node->column_ref->fields[0], PG_QUERY__NODE__NODE_STRING)) {
      std::string name = StringOf(node->column_ref->fields[0]);
      bool input = false;
      for (Level* l = level; l != nullptr && !input; l = l->parent) {
        for (const Visible& v : l->visible) input |= v.name == name;
      }
      if (!group || !input) {
        for (size_t i = 0; i < targets.size(); ++i) {
          const PgQuery__ResTarget* target = targets[i]->res_target;
          std::string target_name = target->name != nullptr && target->name[0] != '\0'
                                        ? std::string(target->name)
                                        : FigureTargetName(*target->val);
          if (target_name == name) {
            index = i;
            break;
          }
        }
      }
    }
    if (!index) return Expression(slot, level, nullptr);
    PgQuery__Node* copy = internal::CopyNode(*targets[*index]->res_target->val, arena_);
    if (copy == nullptr) return absl::InternalError("cannot copy a target expression");
    *slot = copy;
    return Expression(slot, level, nullptr);
  }

  // The type of an output column, when the canonicalizer can tell: a column's, a cast's.
  std::optional<model::TypeRef> OutputType(const PgQuery__Node* node) {
    if (IsNode(node, PG_QUERY__NODE__NODE_COLUMN_REF)) {
      auto it = types_->find(node);
      if (it != types_->end()) return it->second;
      return std::nullopt;
    }
    if (IsNode(node, PG_QUERY__NODE__NODE_TYPE_CAST) && node->type_cast->type_name != nullptr) {
      absl::StatusOr<model::TypeRef> type = ResolveTypeName(*node->type_cast->type_name, catalog_);
      if (type.ok()) return *type;
    }
    return std::nullopt;
  }

  Arena& arena_;
  const model::Catalog& catalog_;
  TypeMap* types_;
  std::vector<model::ObjectId> depends_on_;
};

}  // namespace

namespace internal {

bool ContainsSubLink(const PgQuery__Node* expr) {
  bool found = false;
  auto visit = [&](const PgQuery__Node* node) { found |= node->node_case == PG_QUERY__NODE__NODE_SUB_LINK; };
  VisitNodes(&expr->base, visit);
  return found;
}

absl::Status ResolveSubLinks(PgQuery__Node* expr, Arena& arena, const ExpressionContext& context,
                             TypeMap* column_types) {
  static const model::Catalog* const kEmpty = new model::Catalog();
  const model::Catalog& catalog = context.catalog != nullptr ? *context.catalog : *kEmpty;
  QueryResolver resolver(arena, catalog, column_types);
  Level outer;
  if (!context.table.name.empty()) {
    model::QualifiedName table = context.table;
    std::vector<model::Column> columns;
    if (context.columns != nullptr) columns = *context.columns;
    if (std::optional<model::QualifiedName> resolved = catalog.ResolveRelation(context.table)) {
      table = *resolved;
      if (context.columns == nullptr) {
        if (const model::Table* found = catalog.FindTable(*resolved)) columns = found->columns;
      }
    }
    QueryResolver::AddTable(table, columns, &outer);
  }
  PgQuery__Node* root = expr;
  return resolver.SubLinks(&root, &outer);
}

}  // namespace internal

absl::StatusOr<NormalizedQuery> NormalizeQuery(const PgQuery__Node& select, const model::Catalog& catalog,
                                               const std::vector<std::string>& column_aliases) {
  if (select.node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
    return absl::InvalidArgumentError("a view query must be a SELECT");
  }
  Arena arena;
  PgQuery__Node* copy = internal::CopyNode(select, arena);
  if (copy == nullptr) return absl::InternalError("cannot copy a query parse tree");
  TypeMap types;
  QueryResolver resolver(arena, catalog, &types);
  PGDRIFT_ASSIGN_OR_RETURN(std::vector<RangeColumn> columns,
                           resolver.Select(copy->select_stmt, nullptr, QueryKind::kTop, column_aliases));
  if (column_aliases.size() > columns.size()) {
    return absl::InvalidArgumentError("CREATE VIEW specifies more column names than columns");
  }
  NormalizedQuery out;
  for (const RangeColumn& column : columns) out.column_names.push_back(column.name);
  out.depends_on = resolver.depends_on();
  ExpressionContext context;
  context.catalog = &catalog;
  context.column_types = &types;
  PGDRIFT_ASSIGN_OR_RETURN(out.text, internal::RewriteAndDeparseStatement(copy, arena, context));
  return out;
}

absl::StatusOr<NormalizedQuery> NormalizeQueryText(std::string_view text, const model::Catalog& catalog,
                                                   const std::vector<std::string>& column_aliases) {
  std::string sql(text);
  SyntaxError error;
  std::unique_ptr<ParseTree> tree = ParseTree::Parse(sql, &error);
  if (tree == nullptr) {
    return absl::InvalidArgumentError(StrCat("cannot parse query \"", text, "\": ", error.message));
  }
  const PgQuery__ParseResult& result = tree->result();
  if (result.n_stmts != 1 || !IsNode(result.stmts[0]->stmt, PG_QUERY__NODE__NODE_SELECT_STMT)) {
    return absl::InvalidArgumentError(StrCat("not a query: \"", text, "\""));
  }
  return NormalizeQuery(*result.stmts[0]->stmt, catalog, column_aliases);
}

}  // namespace pgdrift::parser
