#include "planner/migration.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include <boost/graph/adjacency_list.hpp>

#include "base/identifier.h"
#include "base/strings.h"
#include "diff/compare.h"
#include "model/apply.h"
#include "model/dependency_graph.h"
#include "planner/ddl_printer.h"
#include "planner/internal/object_sql.h"
#include "planner/internal/table_family_sql.h"
#include "planner/routine_ddl.h"

namespace pgdrift::planner {
namespace {

using model::ObjectId;
using model::ObjectKind;

// Steps that run first when nothing orders them: drops free names and dependencies,
// renames come before the changes made under the new names.
int ActionRank(StepAction action) {
  switch (action) {
    case StepAction::kDrop:
      return 0;
    case StepAction::kRename:
      return 1;
    case StepAction::kAlter:
      return 2;
    case StepAction::kCreate:
      return 3;
  }
  return 2;
}

bool IsRelation(ObjectKind kind) {
  return kind == ObjectKind::kTable || kind == ObjectKind::kIndex || kind == ObjectKind::kSequence ||
         kind == ObjectKind::kView || kind == ObjectKind::kMaterializedView;
}

// Kinds a recreate closure drops and creates again around a change of what they depend on.
bool IsRecreatable(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
    case ObjectKind::kPolicy:
    case ObjectKind::kTrigger:
    case ObjectKind::kIndex:
    case ObjectKind::kConstraint:
      return true;
    default:
      return false;
  }
}

// A rename found through the target's lineage: `from` (in the current catalog) becomes
// `to` (in the target).
struct RenamePair {
  ObjectId from;
  ObjectId to;
};

// The model mutation that renames `from` to `to`'s name.
std::optional<model::Rename> RenameMutation(const RenamePair& pair) {
  model::Rename rename;
  rename.kind = pair.from.kind;
  switch (pair.from.kind) {
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
      rename.object = {pair.from.schema, pair.from.parent};
      rename.sub_name = pair.from.name;
      break;
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
      rename.object = {pair.from.schema, pair.from.name};
      rename.routine_args = pair.from.args;
      break;
    case ObjectKind::kTable:
    case ObjectKind::kIndex:
    case ObjectKind::kSequence:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
    case ObjectKind::kType:
    case ObjectKind::kDomain:
      rename.object = {pair.from.schema, pair.from.name};
      break;
    default:
      return std::nullopt;
  }
  rename.new_name = pair.to.name;
  return rename;
}

// The statement that renames `pair.from` to `pair.to`'s name; with `idempotent` wrapped
// in a DO block that runs it only while the old name exists and the new one does not.
PlannedStatement RenameStatement(const RenamePair& pair, bool idempotent) {
  const ObjectId& from = pair.from;
  const std::string new_name = QuoteIdent(pair.to.name);
  const std::string object_sql = QuoteQualified(from.schema, from.name);
  const std::string parent_sql = QuoteQualified(from.schema, from.parent);
  std::string sql;
  std::string old_exists;
  std::string new_exists;
  auto regclass = [](const std::string& schema, const std::string& name) {
    return StrCat("pg_catalog.to_regclass(", QuoteLiteral(QuoteQualified(schema, name)), ")");
  };
  switch (from.kind) {
    case ObjectKind::kColumn: {
      sql = StrCat("ALTER TABLE ", parent_sql, " RENAME COLUMN ", QuoteIdent(from.name), " TO ", new_name);
      auto exists = [&](const std::string& name) {
        return StrCat("EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ", regclass(from.schema, from.parent),
                      " AND attname = ", QuoteLiteral(name), " AND NOT attisdropped)");
      };
      old_exists = exists(from.name);
      new_exists = exists(pair.to.name);
      break;
    }
    case ObjectKind::kConstraint: {
      sql = StrCat("ALTER TABLE ", parent_sql, " RENAME CONSTRAINT ", QuoteIdent(from.name), " TO ", new_name);
      auto exists = [&](const std::string& name) {
        return StrCat("EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = ", regclass(from.schema, from.parent),
                      " AND conname = ", QuoteLiteral(name), ")");
      };
      old_exists = exists(from.name);
      new_exists = exists(pair.to.name);
      break;
    }
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure: {
      std::string keyword = from.kind == ObjectKind::kFunction ? "FUNCTION" : "PROCEDURE";
      sql = StrCat("ALTER ", keyword, " ", object_sql, "(", from.args, ") RENAME TO ", new_name);
      auto exists = [&](const std::string& name) {
        return StrCat("pg_catalog.to_regprocedure(",
                      QuoteLiteral(StrCat(QuoteQualified(from.schema, name), "(", from.args, ")")), ") IS NOT NULL");
      };
      old_exists = exists(from.name);
      new_exists = exists(pair.to.name);
      break;
    }
    case ObjectKind::kType:
    case ObjectKind::kDomain: {
      sql = StrCat("ALTER ", from.kind == ObjectKind::kType ? "TYPE " : "DOMAIN ", object_sql, " RENAME TO ", new_name);
      auto exists = [&](const std::string& name) {
        return StrCat("pg_catalog.to_regtype(", QuoteLiteral(QuoteQualified(from.schema, name)), ") IS NOT NULL");
      };
      old_exists = exists(from.name);
      new_exists = exists(pair.to.name);
      break;
    }
    default: {
      std::string keyword = from.kind == ObjectKind::kIndex             ? "INDEX"
                            : from.kind == ObjectKind::kSequence        ? "SEQUENCE"
                            : from.kind == ObjectKind::kView            ? "VIEW"
                            : from.kind == ObjectKind::kMaterializedView ? "MATERIALIZED VIEW"
                                                                         : "TABLE";
      sql = StrCat("ALTER ", keyword, " ", object_sql, " RENAME TO ", new_name);
      old_exists = StrCat(regclass(from.schema, from.name), " IS NOT NULL");
      new_exists = StrCat(regclass(from.schema, pair.to.name), " IS NOT NULL");
      break;
    }
  }
  PlannedStatement statement;
  if (idempotent) {
    statement.sql = StrCat("DO $pgdrift$\nBEGIN\n  IF ", old_exists, " AND NOT ", new_exists, " THEN\n    ", sql,
                           ";\n  END IF;\nEND\n$pgdrift$;");
  } else {
    statement.sql = Statement(sql);
  }
  statement.why = StrCat("renamed from ", from.name, " (lineage of ", pair.to.ToString(), ")");
  return statement;
}

// The id `id` had under its former name `former`.
ObjectId WithName(const ObjectId& id, const std::string& former) {
  ObjectId result = id;
  result.name = former;
  return result;
}

struct Step {
  ObjectId object;
  StepAction action = StepAction::kAlter;
  std::vector<PlannedStatement> statements;
  // Objects of the target whose create and alter steps must run first (besides the
  // target's dependency graph), e.g. the owning column of an OWNED BY.
  std::vector<ObjectId> after;
  // An OWNED BY step: it waits for the owning column, which itself waits for the
  // sequence, so it is not a prerequisite of anything.
  bool ownership = false;
};

class Planner {
 public:
  Planner(const model::Catalog& current, const model::Catalog& target, const MigrationOptions& options)
      : current_(current), target_(target), options_(options) {}

  Migration Run() {
    diff::CompareOptions compare_options{options_.compare_owners, options_.include_managed};
    base_ = current_;
    if (options_.renames) ApplyRenames(diff::Compare(target_, current_, compare_options));
    diff::ChangeSet changes = diff::Compare(target_, base_, compare_options);
    base_graph_ = model::DependencyGraph::Build(base_);
    target_graph_ = model::DependencyGraph::Build(target_);
    internal::ObjectSqlContext ctx{base_, target_, options_};
    ctx_ = &ctx;
    for (const diff::ObjectDrift& drift : changes.objects) Plan(drift);
    AddOwnershipSteps();
    RecreateClosure();
    Migration migration;
    bool bodies_unchecked = false;
    for (size_t index : Order()) {
      Step& step = steps_[index];
      if (step.statements.empty()) continue;
      bool routine = step.object.kind == ObjectKind::kFunction || step.object.kind == ObjectKind::kProcedure;
      if (routine && step.action != StepAction::kDrop && !bodies_unchecked) {
        // As pg_dump does: a SQL function's body is checked when it is created, and may
        // read tables or call functions that later steps create or change.
        step.statements.insert(step.statements.begin(),
                               {"SET check_function_bodies = false;", {}, true, ""});
        bodies_unchecked = true;
      }
      if (!routine) {
        for (PlannedStatement& statement : step.statements) {
          statement.sql = LiteralArraysAsInLists(statement.sql);
        }
      }
      migration.steps.push_back({step.object, step.action, std::move(step.statements)});
    }
    migration.unsupported = std::move(unsupported_);
    return migration;
  }

 private:
  // Renames every current-only object whose name a target-only object of the same kind
  // and parent had before, in `base_` and as steps.
  void ApplyRenames(const diff::ChangeSet& changes) {
    std::set<ObjectId> remote_only;
    for (const diff::ObjectDrift& drift : changes.objects) {
      if (drift.status == diff::DriftStatus::kRemoteOnly) remote_only.insert(drift.id);
    }
    std::set<ObjectId> taken;
    for (const diff::ObjectDrift& drift : changes.objects) {
      if (drift.status != diff::DriftStatus::kLocalOnly) continue;
      const std::vector<std::string>& former = drift.local_lineage.former_names;
      for (auto it = former.rbegin(); it != former.rend(); ++it) {
        ObjectId from = WithName(drift.id, *it);
        if (!remote_only.contains(from) || taken.contains(from)) continue;
        RenamePair pair{from, drift.id};
        std::optional<model::Rename> rename = RenameMutation(pair);
        if (!rename.has_value()) break;
        model::Catalog renamed = base_;
        DiagnosticSink notes;
        model::Mutation mutation{SourceSpan{}, "rename", *rename};
        if (!model::Apply(mutation, &renamed, &notes).ok()) break;
        base_ = std::move(renamed);
        taken.insert(from);
        Step step;
        step.object = drift.id;
        step.action = StepAction::kRename;
        step.statements.push_back(RenameStatement(pair, options_.idempotent));
        renames_.push_back(steps_.size());
        renamed_[drift.id] = steps_.size();
        steps_.push_back(std::move(step));
        break;
      }
    }
  }

  size_t AddStep(const ObjectId& id, StepAction action, std::vector<PlannedStatement> statements,
                 const std::string& why = "") {
    if (!why.empty() && !statements.empty() && statements.front().why.empty()) statements.front().why = why;
    Step step;
    step.object = id;
    step.action = action;
    step.statements = std::move(statements);
    size_t index = steps_.size();
    steps_.push_back(std::move(step));
    switch (action) {
      case StepAction::kCreate:
        creates_[id] = index;
        break;
      case StepAction::kDrop:
        drops_[id] = index;
        break;
      case StepAction::kAlter:
        alters_[id].push_back(index);
        break;
      case StepAction::kRename:
        break;
    }
    return index;
  }

  void AddCreate(const ObjectId& id, const std::string& why = "") {
    if (creates_.contains(id)) return;
    AddStep(id, StepAction::kCreate, internal::CreateObjectSql(id, *ctx_), why);
  }

  void AddDrop(const ObjectId& id, const std::string& why = "") {
    if (drops_.contains(id)) return;
    AddStep(id, StepAction::kDrop, internal::DropObjectSql(id, *ctx_), why);
  }

  void Plan(const diff::ObjectDrift& drift) {
    const ObjectId& id = drift.id;
    switch (drift.status) {
      case diff::DriftStatus::kLocalOnly:
        AddCreate(id);
        if (id.kind == ObjectKind::kTable) CreateChildren(drift);
        if (id.kind == ObjectKind::kColumn) CheckAddedPosition(id);
        break;
      case diff::DriftStatus::kRemoteOnly:
        AddDrop(id);
        break;
      case diff::DriftStatus::kChanged: {
        internal::AlterOutcome outcome = internal::AlterObjectSql(drift, *ctx_);
        for (std::string& line : outcome.unsupported) unsupported_.push_back(std::move(line));
        if (outcome.recreate) {
          std::vector<std::string> attributes;
          for (const diff::AttributeChange& change : drift.changes) attributes.push_back(change.attribute);
          std::string why = StrCat("dropped and recreated: ", StrJoin(attributes, ", "), " cannot change in place");
          AddDrop(id, why);
          AddCreate(id, why);
        } else if (!outcome.statements.empty()) {
          AddStep(id, StepAction::kAlter, std::move(outcome.statements));
          if (id.kind == ObjectKind::kColumn && (internal::Changes(drift, "type") ||
                                                 internal::Changes(drift, "collation"))) {
            retyped_.insert(id);
          }
        }
        break;
      }
    }
  }

  // A created table's CREATE covers its columns and inline constraints; its other
  // constraints, indexes, sequences, triggers and policies have steps of their own.
  void CreateChildren(const diff::ObjectDrift& drift) {
    const model::Table* table = target_.FindTable(drift.id.qualified());
    for (const ObjectId& child : drift.contains) {
      if (child.kind == ObjectKind::kColumn) continue;
      if (child.kind == ObjectKind::kConstraint && table != nullptr) {
        auto it = table->constraints.find(child.name);
        if (it != table->constraints.end() && internal::CoveredByCreateTable(target_, *table, it->second)) continue;
      }
      AddCreate(child);
    }
  }

  // ADD COLUMN appends: a column the target has before columns that exist already ends
  // up in another place.
  void CheckAddedPosition(const ObjectId& id) {
    const model::Table* table = target_.FindTable(id.qualified());
    const model::Table* existing = base_.FindTable(id.qualified());
    if (table == nullptr || existing == nullptr) return;
    bool seen = false;
    for (const model::Column& column : table->columns) {
      if (column.name == id.name) {
        seen = true;
      } else if (seen && existing->FindColumn(column.name) != nullptr) {
        unsupported_.push_back(StrCat(id.ToString(), ": position (ADD COLUMN appends it after ",
                                      QuoteIdent(existing->columns.back().name), ")"));
        return;
      }
    }
  }

  // OWNED BY for created sequences (and those recreated), once the owning column exists.
  void AddOwnershipSteps() {
    std::vector<ObjectId> created;
    for (const auto& [id, index] : creates_) {
      if (id.kind == ObjectKind::kSequence) created.push_back(id);
    }
    for (const ObjectId& id : created) {
      auto it = target_.sequences.find(id.qualified());
      if (it == target_.sequences.end()) continue;
      std::vector<PlannedStatement> statements = internal::SequenceOwnershipStatements(it->second);
      if (statements.empty()) continue;
      size_t index = AddStep(id, StepAction::kAlter, std::move(statements));
      const model::SequenceOwner& owner = *it->second.owned_by;
      steps_[index].ownership = true;
      steps_[index].after = {ObjectId::Of(ObjectKind::kTable, owner.table),
                             ObjectId::Child(ObjectKind::kColumn, owner.table, owner.column), id};
    }
  }

  // Objects of the current catalog that depend on something dropped, recreated or
  // retyped, and that the target keeps, are dropped first and created again after.
  void RecreateClosure() {
    std::vector<std::pair<ObjectId, bool>> roots;  // (object, only what blocks a type change)
    for (const auto& [id, index] : drops_) roots.emplace_back(id, false);
    for (const ObjectId& id : retyped_) roots.emplace_back(id, true);
    for (const auto& [root, retyped] : roots) {
      if (!base_graph_.Contains(root)) continue;
      for (const ObjectId& dependent : base_graph_.TransitiveDependents(root)) {
        if (!IsRecreatable(dependent.kind) || drops_.contains(dependent)) continue;
        // ALTER COLUMN TYPE rebuilds the column's indexes and constraints itself
        // (ATPostAlterTypeCleanup in tablecmds.c); views, rules, policies and trigger
        // conditions block it.
        if (retyped && (dependent.kind == ObjectKind::kIndex || dependent.kind == ObjectKind::kConstraint)) continue;
        if (!target_graph_.Contains(dependent)) continue;
        std::string why = StrCat("dropped and recreated because ", root.ToString(),
                                 retyped ? " changes type" : " is dropped or recreated");
        auto alter = alters_.find(dependent);
        if (alter != alters_.end()) {
          for (size_t index : alter->second) steps_[index].statements.clear();
        }
        AddDrop(dependent, why);
        AddCreate(dependent, why);
        if (retyped) closure_before_[drops_[dependent]].push_back(root);
      }
    }
  }

  // Everything `id` depends on in the target, directly or not.
  const std::set<ObjectId>& TargetDependencies(const ObjectId& id) {
    auto it = target_dependencies_.find(id);
    if (it != target_dependencies_.end()) return it->second;
    std::set<ObjectId> result;
    std::vector<ObjectId> pending = {id};
    while (!pending.empty()) {
      ObjectId next = pending.back();
      pending.pop_back();
      if (!target_graph_.Contains(next)) continue;
      for (const ObjectId& dependency : target_graph_.Dependencies(next)) {
        if (result.insert(dependency).second) pending.push_back(dependency);
      }
    }
    return target_dependencies_[id] = std::move(result);
  }

  // The steps in the order they run: a stable topological sort of the step graph, ties
  // broken by action (drops, renames, alters, creates) then object identity.
  std::vector<size_t> Order() {
    using Graph = boost::adjacency_list<boost::setS, boost::vecS, boost::bidirectionalS>;
    Graph graph(steps_.size());
    auto before = [&](size_t a, size_t b) {
      if (a != b) boost::add_edge(a, b, graph);
    };
    auto creates_and_alters = [&](const ObjectId& id, const std::function<void(size_t)>& each) {
      if (auto it = creates_.find(id); it != creates_.end()) each(it->second);
      if (auto it = renamed_.find(id); it != renamed_.end()) each(it->second);
      if (auto it = alters_.find(id); it != alters_.end()) {
        for (size_t index : it->second) {
          if (!steps_[index].ownership) each(index);
        }
      }
    };
    // Expressions call functions the dependency graph does not record (column defaults,
    // CHECK, generated columns, index expressions and predicates, domain checks): a step
    // whose SQL calls a function created here runs after that create.
    std::vector<std::pair<std::string, size_t>> created_functions;  // "schema.name(" → step
    for (const auto& [created, create_index] : creates_) {
      if (created.kind == ObjectKind::kFunction) {
        created_functions.emplace_back(QualifiedSql({created.schema, created.name}) + "(", create_index);
      }
    }
    auto calls = [&](const Step& step, const std::string& call) {
      return std::any_of(step.statements.begin(), step.statements.end(),
                         [&](const PlannedStatement& statement) {
                           return statement.sql.find(call) != std::string::npos;
                         });
    };
    for (size_t index = 0; index < steps_.size(); ++index) {
      const Step& step = steps_[index];
      const ObjectId& id = step.object;
      if (step.action != StepAction::kDrop && step.object.kind != ObjectKind::kFunction) {
        for (const auto& [call, create_index] : created_functions) {
          if (calls(step, call)) before(create_index, index);
        }
      }
      if (step.action == StepAction::kDrop) {
        // Dependents go first (current catalog).
        if (base_graph_.Contains(id)) {
          for (const ObjectId& dependent : base_graph_.TransitiveDependents(id)) {
            if (auto it = drops_.find(dependent); it != drops_.end()) before(it->second, index);
          }
        }
        // The create of the same object, or of another relation of the same name.
        for (const auto& [created, create_index] : creates_) {
          if (created == id || (created.schema == id.schema && created.name == id.name &&
                                created.parent == id.parent && IsRelation(created.kind) && IsRelation(id.kind))) {
            before(index, create_index);
          }
        }
        for (const ObjectId& root : closure_before_[index]) {
          creates_and_alters(root, [&](size_t other) { before(index, other); });
        }
        continue;
      }
      if (step.action == StepAction::kRename) continue;
      // Creates and alters come after what they need in the target.
      if (target_graph_.Contains(id)) {
        for (const ObjectId& dependency : TargetDependencies(id)) {
          creates_and_alters(dependency, [&](size_t other) { before(other, index); });
        }
      }
      for (const ObjectId& dependency : step.after) {
        creates_and_alters(dependency, [&](size_t other) {
          if (other != index && steps_[other].action == StepAction::kCreate) before(other, index);
        });
      }
      if (step.action == StepAction::kAlter) {
        if (auto it = creates_.find(id); it != creates_.end()) before(it->second, index);
        // An alter that moves away from something dropped runs before that drop.
        if (base_graph_.Contains(id)) {
          for (const ObjectId& dependency : base_graph_.Dependencies(id)) {
            auto drop = drops_.find(dependency);
            if (drop != drops_.end() && !creates_.contains(dependency)) before(index, drop->second);
          }
        }
      }
    }
    // Renames run before every step on the renamed object or its children.
    for (size_t rename : renames_) {
      const ObjectId& renamed = steps_[rename].object;
      for (size_t index = 0; index < steps_.size(); ++index) {
        const ObjectId& id = steps_[index].object;
        bool on_it = id == renamed ||
                     (id.schema == renamed.schema && renamed.parent.empty() && id.parent == renamed.name) ||
                     (renamed.kind == ObjectKind::kColumn && id.schema == renamed.schema &&
                      id.parent == renamed.parent && steps_[index].action != StepAction::kRename);
        if (on_it) before(rename, index);
      }
    }

    auto key = [&](size_t index) {
      return std::make_tuple(ActionRank(steps_[index].action), steps_[index].object, index);
    };
    std::vector<size_t> waiting(steps_.size());
    std::set<std::tuple<int, ObjectId, size_t>> ready;
    for (size_t index = 0; index < steps_.size(); ++index) {
      waiting[index] = boost::in_degree(index, graph);
      if (waiting[index] == 0) ready.insert(key(index));
    }
    std::vector<size_t> order;
    std::vector<bool> done(steps_.size(), false);
    while (order.size() < steps_.size()) {
      if (ready.empty()) {
        // A cycle: release the first waiting step, preferring foreign keys (which can
        // always be added once both tables exist, as planner/create_script.cc does).
        std::optional<size_t> pick;
        for (size_t index = 0; index < steps_.size(); ++index) {
          if (done[index]) continue;
          bool foreign_key = steps_[index].object.kind == ObjectKind::kConstraint;
          if (!pick.has_value() || (foreign_key && steps_[*pick].object.kind != ObjectKind::kConstraint) ||
              (foreign_key == (steps_[*pick].object.kind == ObjectKind::kConstraint) && key(index) < key(*pick))) {
            pick = index;
          }
        }
        waiting[*pick] = 0;
        ready.insert(key(*pick));
      }
      size_t next = std::get<2>(*ready.begin());
      ready.erase(ready.begin());
      if (done[next]) continue;
      done[next] = true;
      order.push_back(next);
      for (auto [edge, end] = boost::out_edges(next, graph); edge != end; ++edge) {
        size_t dependent = boost::target(*edge, graph);
        if (done[dependent] || waiting[dependent] == 0) continue;
        if (--waiting[dependent] == 0) ready.insert(key(dependent));
      }
    }
    return order;
  }

  const model::Catalog& current_;
  const model::Catalog& target_;
  const MigrationOptions& options_;
  model::Catalog base_;  // the current catalog after the renames
  model::DependencyGraph base_graph_ = model::DependencyGraph::Build(model::Catalog{});
  model::DependencyGraph target_graph_ = model::DependencyGraph::Build(model::Catalog{});
  const internal::ObjectSqlContext* ctx_ = nullptr;
  std::vector<Step> steps_;
  std::map<ObjectId, size_t> creates_;
  std::map<ObjectId, size_t> drops_;
  std::map<ObjectId, std::vector<size_t>> alters_;
  std::vector<size_t> renames_;
  std::map<ObjectId, size_t> renamed_;
  std::set<ObjectId> retyped_;
  // A closure drop → the retyped columns whose alter it must precede.
  std::map<size_t, std::vector<ObjectId>> closure_before_;
  std::map<ObjectId, std::set<ObjectId>> target_dependencies_;
  std::vector<std::string> unsupported_;
};

}  // namespace

std::string_view StepActionName(StepAction action) {
  switch (action) {
    case StepAction::kCreate:
      return "create";
    case StepAction::kAlter:
      return "alter";
    case StepAction::kDrop:
      return "drop";
    case StepAction::kRename:
      return "rename";
  }
  return "alter";
}

std::vector<PlannedStatement> Migration::Statements() const {
  std::vector<PlannedStatement> statements;
  for (const MigrationStep& step : steps) {
    statements.insert(statements.end(), step.statements.begin(), step.statements.end());
  }
  return statements;
}

Migration PlanMigration(const model::Catalog& current, const model::Catalog& target,
                        const MigrationOptions& options) {
  return Planner(current, target, options).Run();
}

}  // namespace pgdrift::planner
