// ALTER TABLE: every alter::* sub-command with PostgreSQL 15's side effects and errors
// (src/backend/commands/tablecmds.c). Sub-commands run in PostgreSQL's passes (drops
// first, then type changes, added columns, column attributes, indexes, constraints, and
// the rest), each recursing to child tables and partitions as PostgreSQL does unless
// ONLY was written. The whole statement goes through one CatalogJournal, so a failing
// sub-command leaves the catalog as it was before the statement.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "base/overloaded.h"
#include "base/strings.h"
#include "model/implicit_names.h"
#include "model/internal/apply_context.h"
#include "model/internal/catalog_journal.h"
#include "model/internal/column_builder.h"
#include "model/internal/constraint_builder.h"
#include "model/internal/default_privileges.h"
#include "model/internal/index_builder.h"
#include "model/internal/namespaces.h"
#include "model/internal/object_description.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

using absl::StatusCode;

// AlterTablePass in tablecmds.c (PostgreSQL 15): sub-commands run pass by pass.
enum Pass {
  kPassDrop = 0,
  kPassAlterType = 1,
  kPassAddColumn = 4,
  kPassColumnAttributes = 5,
  kPassAddIndex = 6,
  kPassAddConstraint = 7,
  kPassMisc = 8,
};

// One unit of work: a sub-command, or a column constraint of an ADD COLUMN (which the
// transform turns into a sub-command of its own).
struct Step {
  int pass = kPassMisc;
  const AlterTableCommand* command = nullptr;
  const ConstraintDef* column_constraint = nullptr;
  std::string constraint_column;  // the column the constraint was written on
};

int PassOf(const AlterTableCommand& command) {
  return std::visit(
      Overloaded{
          [](const alter::AddColumn&) { return static_cast<int>(kPassAddColumn); },
          [](const alter::DropColumn&) { return static_cast<int>(kPassDrop); },
          [](const alter::AlterColumnType&) { return static_cast<int>(kPassAlterType); },
          [](const alter::SetDefault& c) {
            return static_cast<int>(c.expr.has_value() ? kPassAddConstraint : kPassDrop);
          },
          [](const alter::SetNotNull& c) {
            return static_cast<int>(c.not_null ? kPassColumnAttributes : kPassDrop);
          },
          [](const alter::AddIdentity&) { return static_cast<int>(kPassAddConstraint); },
          [](const alter::SetIdentity&) { return static_cast<int>(kPassColumnAttributes); },
          [](const alter::DropIdentity&) { return static_cast<int>(kPassDrop); },
          [](const alter::DropExpression&) { return static_cast<int>(kPassDrop); },
          [](const alter::AddConstraint& c) {
            return static_cast<int>(IsIndexBacked(c.def.constraint.type) ? kPassAddIndex
                                                                         : kPassAddConstraint);
          },
          [](const alter::AddConstraintUsingIndex&) {
            return static_cast<int>(kPassAddConstraint);
          },
          [](const alter::DropConstraint&) { return static_cast<int>(kPassDrop); },
          [](const auto&) { return static_cast<int>(kPassMisc); },
      },
      command);
}

// pg_type.typstorage of common built-in types, for telling an explicit SET STORAGE
// from the type's default. "" when not known (user types).
std::string DefaultStorage(const TypeRef& type) {
  if (type.array) return "extended";
  if (type.is_user_defined()) return "";
  std::string base = type.name;
  size_t paren = base.find('(');
  if (paren != std::string::npos) {
    size_t close = base.find(')', paren);
    base = base.substr(0, paren) + (close == std::string::npos ? "" : base.substr(close + 1));
  }
  static const std::set<std::string> kPlain = {"smallint",
                                               "integer",
                                               "bigint",
                                               "real",
                                               "double precision",
                                               "boolean",
                                               "date",
                                               "time without time zone",
                                               "time with time zone",
                                               "timestamp without time zone",
                                               "timestamp with time zone",
                                               "interval",
                                               "uuid",
                                               "money",
                                               "oid",
                                               "\"char\"",
                                               "point",
                                               "macaddr",
                                               "macaddr8",
                                               "pg_lsn",
                                               "box",
                                               "lseg",
                                               "line",
                                               "circle",
                                               "tid",
                                               "xid",
                                               "cid",
                                               "regclass",
                                               "regtype",
                                               "regproc",
                                               "regprocedure",
                                               "tsquery"};
  static const std::set<std::string> kMain = {"numeric", "inet", "cidr"};
  if (kPlain.contains(base)) return "plain";
  if (kMain.contains(base)) return "main";
  static const std::set<std::string> kExtended = {
      "text", "character varying", "character", "bytea",   "json", "jsonb", "xml", "tsvector",
      "bit",  "bit varying",       "path",      "polygon", "name"};
  if (kExtended.contains(base)) return base == "name" ? "plain" : "extended";
  return "";
}

class AlterTableRun {
 public:
  AlterTableRun(ApplyContext& ctx, CatalogJournal& journal, QualifiedName table, bool recurse)
      : ctx_(ctx), journal_(journal), table_(std::move(table)), recurse_(recurse) {}

  // Chooses the names of the sequences the statement's serial and identity columns get,
  // before anything runs (the transform creates them ahead of the ALTER TABLE).
  void ChooseSequenceNames(const std::vector<AlterTableCommand>& commands);

  absl::Status Run(const Step& step);

 private:
  const Catalog& catalog() const { return journal_.catalog(); }
  const Table& table(const QualifiedName& name) const { return *catalog().FindTable(name); }
  Table& Edit(const QualifiedName& name) {
    Table& edited = journal_.EditTable(name);
    edited.lineage.Touch(ctx_.span());
    return edited;
  }
  absl::Status Error(StatusCode code, std::string_view message) const {
    return ctx_.Error(code, message);
  }
  absl::Status ColumnMissing(std::string_view column, const QualifiedName& table) const {
    return Error(StatusCode::kNotFound,
                 StrCat("column \"", column, "\" of relation \"", table.name, "\" does not exist"));
  }
  // "constraint c on table t", as getObjectDescription prints it.
  std::string DescribeConstraint(const QualifiedName& t, const std::string& name) const {
    return DescribeObject(catalog(), ObjectId::Child(ObjectKind::kConstraint, t, name));
  }
  bool IsPartitionKeyColumn(const Table& t, std::string_view column) const {
    std::vector<std::string> key = PartitionKeyColumns(t.partition_key);
    return std::find(key.begin(), key.end(), column) != key.end();
  }
  // Changes column `column` of `table` and of every descendant that has it (ATSimpleRecursion).
  template <class F>
  absl::Status ForColumnTree(const QualifiedName& table, std::string_view column, F change);

  absl::Status AddColumn(const QualifiedName& t, const alter::AddColumn& c, bool recursing);
  absl::Status DropColumn(const QualifiedName& t, const std::string& column, bool if_exists,
                          bool cascade, bool recursing);
  absl::Status AlterColumnType(const QualifiedName& t, const alter::AlterColumnType& c,
                               bool recursing);
  absl::Status SetDefault(const alter::SetDefault& c);
  absl::Status SetNotNull(const alter::SetNotNull& c);
  absl::Status AddIdentity(const alter::AddIdentity& c);
  absl::Status SetIdentity(const alter::SetIdentity& c);
  absl::Status DropIdentity(const alter::DropIdentity& c);
  absl::Status DropExpression(const alter::DropExpression& c);
  absl::Status SetStatistics(const alter::SetStatistics& c);
  absl::Status SetStorage(const alter::SetStorage& c);
  absl::Status SetCompression(const alter::SetCompression& c);
  absl::Status SetColumnOptions(const alter::SetColumnOptions& c);
  absl::Status AddConstraint(const ConstraintDef& def);
  absl::Status AddConstraintUsingIndex(const alter::AddConstraintUsingIndex& c);
  absl::Status DropConstraint(const alter::DropConstraint& c);
  absl::Status ValidateConstraint(const alter::ValidateConstraint& c);
  absl::Status AlterConstraint(const alter::AlterConstraint& c);
  absl::Status SetRowSecurity(const alter::SetRowSecurity& c);
  absl::Status SetLogged(const alter::SetLogged& c);
  absl::Status SetOptions(const alter::SetOptions& c);
  absl::Status Inherit(const alter::Inherit& c);
  absl::Status AttachPartition(const alter::AttachPartition& c);
  absl::Status DetachPartition(const alter::DetachPartition& c);
  absl::Status SetReplicaIdentity(const alter::SetReplicaIdentity& c);
  absl::Status ClusterOn(const alter::ClusterOn& c);
  absl::Status SetOwner(const alter::SetOwner& c);
  absl::Status SetAccessMethod(const alter::SetAccessMethod& c);
  absl::Status SetTablespace(const alter::SetTablespace& c);

  // Drops constraint `name` of `table` with its index, cascading to the foreign keys
  // that depend on it when `cascade` (else refusing), and recursing to the copies in
  // children and partitions.
  absl::Status DropConstraintTree(const QualifiedName& table, const std::string& name, bool cascade,
                                  bool recurse);
  // The foreign keys (table, name) that reference `columns` of `table`, other than
  // those in `excluded`.
  std::vector<std::pair<QualifiedName, std::string>> ForeignKeysReferencing(
      const QualifiedName& table, const std::function<bool(const Constraint&)>& uses,
      const std::set<std::pair<QualifiedName, std::string>>& excluded) const;
  void DropIndexOf(const QualifiedName& table, const QualifiedName& index);
  // Whether `constraint` of `t` came from a parent (inherited CHECK, or the partition's
  // copy of its parent's key or foreign key).
  bool IsInheritedConstraint(const Table& t, const Constraint& constraint) const;
  // Checks that `child` can become a child of `parent` (MergeAttributesIntoExisting and
  // MergeConstraintsIntoExisting), then counts the inheritance on its columns.
  absl::Status MergeIntoExisting(const QualifiedName& child, const QualifiedName& parent);
  // Finds an index named `index` of table `t` (in t's schema).
  const Index* FindTableIndex(const QualifiedName& t, std::string_view index) const;
  // The index that backs constraint `constraint` of table `t`, or null.
  const Index* ConstraintIndex(const QualifiedName& t, const std::string& constraint) const;

  ApplyContext& ctx_;
  CatalogJournal& journal_;
  QualifiedName table_;
  bool recurse_;
  std::map<std::string, QualifiedName> sequence_names_;  // by column
};

void AlterTableRun::ChooseSequenceNames(const std::vector<AlterTableCommand>& commands) {
  for (const AlterTableCommand& command : commands) {
    if (const auto* add = std::get_if<alter::AddColumn>(&command)) {
      if (NeedsSequence(add->def)) {
        sequence_names_.emplace(add->def.column.name,
                                ChooseColumnSequenceName(catalog(), table_, add->def));
      }
    } else if (const auto* identity = std::get_if<alter::AddIdentity>(&command)) {
      ColumnDef def;
      def.column.name = identity->column;
      def.column.identity = identity->kind;
      def.identity_options = identity->options;
      sequence_names_.emplace(identity->column, ChooseColumnSequenceName(catalog(), table_, def));
    }
  }
}

absl::Status AlterTableRun::Run(const Step& step) {
  if (step.column_constraint != nullptr) {
    ConstraintDef def = *step.column_constraint;
    if (def.column.empty()) def.column = step.constraint_column;
    return AddConstraint(def);
  }
  return std::visit(
      Overloaded{
          [&](const alter::AddColumn& c) { return AddColumn(table_, c, false); },
          [&](const alter::DropColumn& c) {
            return DropColumn(table_, c.column, c.if_exists, c.cascade, false);
          },
          [&](const alter::AlterColumnType& c) { return AlterColumnType(table_, c, false); },
          [&](const alter::SetDefault& c) { return SetDefault(c); },
          [&](const alter::SetNotNull& c) { return SetNotNull(c); },
          [&](const alter::AddIdentity& c) { return AddIdentity(c); },
          [&](const alter::SetIdentity& c) { return SetIdentity(c); },
          [&](const alter::DropIdentity& c) { return DropIdentity(c); },
          [&](const alter::DropExpression& c) { return DropExpression(c); },
          [&](const alter::SetStatistics& c) { return SetStatistics(c); },
          [&](const alter::SetStorage& c) { return SetStorage(c); },
          [&](const alter::SetCompression& c) { return SetCompression(c); },
          [&](const alter::SetColumnOptions& c) { return SetColumnOptions(c); },
          [&](const alter::AddConstraint& c) { return AddConstraint(c.def); },
          [&](const alter::AddConstraintUsingIndex& c) { return AddConstraintUsingIndex(c); },
          [&](const alter::DropConstraint& c) { return DropConstraint(c); },
          [&](const alter::ValidateConstraint& c) { return ValidateConstraint(c); },
          [&](const alter::AlterConstraint& c) { return AlterConstraint(c); },
          [&](const alter::SetRowSecurity& c) { return SetRowSecurity(c); },
          [&](const alter::SetLogged& c) { return SetLogged(c); },
          [&](const alter::SetOptions& c) { return SetOptions(c); },
          [&](const alter::Inherit& c) { return Inherit(c); },
          [&](const alter::AttachPartition& c) { return AttachPartition(c); },
          [&](const alter::DetachPartition& c) { return DetachPartition(c); },
          [&](const alter::SetReplicaIdentity& c) { return SetReplicaIdentity(c); },
          [&](const alter::ClusterOn& c) { return ClusterOn(c); },
          [&](const alter::SetOwner& c) { return SetOwner(c); },
          [&](const alter::SetAccessMethod& c) { return SetAccessMethod(c); },
          [&](const alter::SetTablespace& c) { return SetTablespace(c); },
          [&](const alter::SetTriggerEnabled& c) {
            return ApplySetTriggerEnabled(Edit(table_), c, ctx_);
          },
      },
      *step.command);
}

template <class F>
absl::Status AlterTableRun::ForColumnTree(const QualifiedName& t, std::string_view column,
                                          F change) {
  Table& edited = Edit(t);
  Column* target = edited.FindColumn(column);
  if (target == nullptr) return absl::OkStatus();
  change(*target);
  target->lineage.Touch(ctx_.span());
  if (!recurse_) return absl::OkStatus();
  for (const QualifiedName& child : ChildTables(catalog(), t)) {
    absl::Status status = ForColumnTree(child, column, change);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

// --- ADD COLUMN (ATExecAddColumn) -----------------------------------------------------

absl::Status AlterTableRun::AddColumn(const QualifiedName& t, const alter::AddColumn& c,
                                      bool recursing) {
  const Table& current = table(t);
  const ColumnDef& def = c.def;
  const std::string& column_name = def.column.name;
  if (!recursing && current.partition_of.has_value()) {
    return Error(StatusCode::kInvalidArgument, "cannot add column to a partition");
  }
  if (const Column* existing = current.FindColumn(column_name)) {
    if (recursing) {
      TypeRef type = def.serial != SerialKind::kNone ? SerialType(def.serial) : def.column.type;
      if (existing->type != type) {
        return Error(StatusCode::kInvalidArgument,
                     StrCat("child table \"", t.name, "\" has different type for column \"",
                            column_name, "\""));
      }
      Column& merged = *Edit(t).FindColumn(column_name);
      merged.inherit_count++;
      merged.lineage.Touch(ctx_.span());
      ctx_.Notice(
          StrCat("merging definition of column \"", column_name, "\" for child \"", t.name, "\""));
      return absl::OkStatus();
    }
    if (c.if_not_exists) {
      ctx_.Notice(StrCat("column \"", column_name, "\" of relation \"", t.name,
                         "\" already exists, skipping"));
      return absl::OkStatus();
    }
    return Error(StatusCode::kAlreadyExists, StrCat("column \"", column_name, "\" of relation \"",
                                                    t.name, "\" already exists"));
  }
  std::vector<QualifiedName> children = ChildTables(catalog(), t);
  if (!children.empty() && !recurse_) {
    return Error(StatusCode::kInvalidArgument, "column must be added to child tables too");
  }
  if (!children.empty() && def.column.identity != IdentityKind::kNone) {
    return Error(StatusCode::kInvalidArgument,
                 "cannot recursively add identity column to table that has child tables");
  }

  Column column;
  if (recursing) {
    // The child sees the column as inherited once (the parent's copy of the ColumnDef).
    const Column& parent_column = *table(table_).FindColumn(column_name);
    column = parent_column;
    column.identity = IdentityKind::kNone;
    column.inherit_count = 1;
    column.is_local = false;
    column.comment.clear();
    column.lineage = Lineage::At(ctx_.span());
  } else {
    auto sequence = sequence_names_.find(column_name);
    std::optional<QualifiedName> sequence_name;
    if (sequence != sequence_names_.end()) sequence_name = sequence->second;
    column = PrepareColumn(def, sequence_name, ctx_.span());
    column.inherit_count = 0;
    column.is_local = true;
    if (sequence_name.has_value()) {
      bool identity = column.identity != IdentityKind::kNone;
      absl::Status status =
          CreateColumnSequence(ctx_, journal_, *sequence_name, current, column, identity,
                               identity ? def.identity_options : SequenceOptions{});
      if (!status.ok()) return status;
    }
  }
  Edit(t).columns.push_back(column);
  for (const QualifiedName& child : children) {
    absl::Status status = AddColumn(child, c, /*recursing=*/true);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

// --- DROP COLUMN (ATExecDropColumn and the dependencies of the column) ----------------

std::vector<std::pair<QualifiedName, std::string>> AlterTableRun::ForeignKeysReferencing(
    const QualifiedName& t, const std::function<bool(const Constraint&)>& uses,
    const std::set<std::pair<QualifiedName, std::string>>& excluded) const {
  std::vector<std::pair<QualifiedName, std::string>> found;
  for (const auto& [name, candidate] : catalog().tables) {
    for (const auto& [constraint_name, constraint] : candidate.constraints) {
      if (constraint.type != ConstraintType::kForeignKey || constraint.referenced_table != t) {
        continue;
      }
      if (excluded.contains({name, constraint_name}) || !uses(constraint)) continue;
      found.emplace_back(name, constraint_name);
    }
  }
  return found;
}

void AlterTableRun::DropIndexOf(const QualifiedName& t, const QualifiedName& index) {
  journal_.DropIndex(index);
  const Table& current = table(t);
  if (current.replica_identity == ReplicaIdentity::kIndex &&
      current.replica_identity_index == index.name) {
    // relreplident stays 'i' with no index left, which behaves as NOTHING.
    Edit(t).replica_identity_index.clear();
  }
}

absl::Status AlterTableRun::DropColumn(const QualifiedName& t, const std::string& column,
                                       bool if_exists, bool cascade, bool recursing) {
  const Table& current = table(t);
  const Column* target = current.FindColumn(column);
  if (target == nullptr) {
    if (if_exists) {
      ctx_.Notice(
          StrCat("column \"", column, "\" of relation \"", t.name, "\" does not exist, skipping"));
      return absl::OkStatus();
    }
    return ColumnMissing(column, t);
  }
  if (!recursing && target->inherit_count > 0) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("cannot drop inherited column \"", column, "\""));
  }
  if (IsPartitionKeyColumn(current, column)) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("cannot drop column \"", column,
                        "\" because it is part of the partition key of relation \"", t.name, "\""));
  }
  std::vector<QualifiedName> children = ChildTables(catalog(), t);
  if (!recursing && !recurse_ && current.is_partitioned() && !children.empty()) {
    return Error(StatusCode::kInvalidArgument,
                 "cannot drop column from only the partitioned table when partitions exist");
  }

  // What goes with the column (automatic dependencies): its indexes and the table's
  // constraints that use it, and the sequences it owns.
  auto mentions = [&](std::string_view expression) {
    return !expression.empty() && ExpressionMentions(expression, column);
  };
  auto contains = [&](const std::vector<std::string>& names) {
    return std::find(names.begin(), names.end(), column) != names.end();
  };
  std::set<std::string> dropped_constraints;
  for (const auto& [name, constraint] : current.constraints) {
    bool uses = contains(constraint.columns) || contains(constraint.include) ||
                mentions(constraint.expression) || mentions(constraint.exclusion_predicate);
    for (const ExclusionElement& element : constraint.exclusion_elements) {
      uses = uses || element.element.column == column || mentions(element.element.expression);
    }
    if (uses) dropped_constraints.insert(name);
  }
  std::vector<QualifiedName> dropped_indexes;
  for (const QualifiedName& name : IndexesOf(catalog(), t)) {
    const Index& index = catalog().indexes.at(name);
    bool uses = contains(index.include) || mentions(index.predicate) ||
                dropped_constraints.contains(index.constraint_name);
    for (const IndexElement& key : index.keys) {
      uses = uses || key.column == column || mentions(key.expression);
    }
    if (!uses) continue;
    dropped_indexes.push_back(name);
    if (!index.constraint_name.empty()) dropped_constraints.insert(index.constraint_name);
  }

  // Foreign keys elsewhere that reference the column (or a key that goes with it) are
  // normal dependencies: only CASCADE drops them.
  std::set<std::pair<QualifiedName, std::string>> excluded;
  for (const std::string& name : dropped_constraints) excluded.insert({t, name});
  auto dependents = ForeignKeysReferencing(
      t, [&](const Constraint& fk) { return contains(fk.referenced_columns); }, excluded);
  // Triggers whose UPDATE OF list or WHEN condition uses the column depend on it
  // normally (trigger.c CreateTriggerFiringOn): refused, or dropped by CASCADE.
  std::vector<std::string> dependent_triggers;
  for (const auto& [name, trigger] : current.triggers) {
    if (contains(trigger.update_columns) || contains(TriggerWhenColumns(trigger.when))) {
      dependent_triggers.push_back(name);
    }
  }
  // Policies whose USING or WITH CHECK reads the column depend on it normally
  // (policy.c CreatePolicy, recordDependencyOnExpr).
  std::vector<std::string> dependent_policies;
  for (const auto& [name, policy] : current.policies) {
    if (mentions(policy.using_expr) || mentions(policy.check_expr)) {
      dependent_policies.push_back(name);
    }
  }
  if ((!dependent_triggers.empty() || !dependent_policies.empty()) && !cascade) {
    std::vector<std::string> details;
    for (const std::string& name : dependent_triggers) {
      details.push_back(StrCat("trigger ", name, " on ", DescribeRelation(catalog(), t),
                               " depends on ", DescribeColumn(catalog(), t, column)));
    }
    for (const std::string& name : dependent_policies) {
      details.push_back(StrCat("policy ", name, " on ", DescribeRelation(catalog(), t),
                               " depends on ", DescribeColumn(catalog(), t, column)));
    }
    return Error(StatusCode::kFailedPrecondition,
                 StrCat("cannot drop ", DescribeColumn(catalog(), t, column),
                        " because other objects depend on it\nDETAIL:  ", StrJoin(details, "\n"),
                        "\nHINT:  Use DROP ... CASCADE to drop the dependent objects too."));
  }
  if (!dependents.empty() && !cascade) {
    return Error(StatusCode::kFailedPrecondition,
                 StrCat("cannot drop ", DescribeColumn(catalog(), t, column),
                        " because other objects depend on it"));
  }
  for (const std::string& name : dependent_triggers) {
    ctx_.Notice(StrCat("drop cascades to trigger ", name, " on ", DescribeRelation(catalog(), t)));
  }
  for (const std::string& name : dependent_policies) {
    ctx_.Notice(StrCat("drop cascades to policy ", name, " on ", DescribeRelation(catalog(), t)));
  }

  for (const auto& [table_name, constraint_name] : dependents) {
    ctx_.Notice(StrCat("drop cascades to ", DescribeConstraint(table_name, constraint_name)));
  }
  Table& edited = Edit(t);
  for (const auto& [table_name, constraint_name] : dependents) {
    Edit(table_name).constraints.erase(constraint_name);
  }
  for (const std::string& name : dependent_triggers) edited.triggers.erase(name);
  for (const std::string& name : dependent_policies) edited.policies.erase(name);
  for (const QualifiedName& index : dropped_indexes) DropIndexOf(t, index);
  for (const std::string& name : dropped_constraints) edited.constraints.erase(name);
  for (const QualifiedName& sequence : SequencesOwnedBy(catalog(), t, column)) {
    journal_.DropSequence(sequence);
  }
  edited.columns.erase(std::remove_if(edited.columns.begin(), edited.columns.end(),
                                      [&](const Column& c) { return c.name == column; }),
                       edited.columns.end());

  for (const QualifiedName& child : children) {
    const Column* child_column = table(child).FindColumn(column);
    if (child_column == nullptr) continue;
    if (recurse_ && child_column->inherit_count == 1 && !child_column->is_local) {
      absl::Status status = DropColumn(child, column, false, cascade, /*recursing=*/true);
      if (!status.ok()) return status;
      continue;
    }
    Column& kept = *Edit(child).FindColumn(column);
    kept.inherit_count--;
    if (!recurse_) kept.is_local = true;
    kept.lineage.Touch(ctx_.span());
  }
  return absl::OkStatus();
}

// --- ALTER COLUMN … TYPE ----------------------------------------------------------------

absl::Status AlterTableRun::AlterColumnType(const QualifiedName& t, const alter::AlterColumnType& c,
                                            bool recursing) {
  const Table& current = table(t);
  const Column* target = current.FindColumn(c.column);
  if (target == nullptr) return ColumnMissing(c.column, t);
  if (!recursing && target->inherit_count > 0) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("cannot alter inherited column \"", c.column, "\""));
  }
  if (IsPartitionKeyColumn(current, c.column)) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("cannot alter column \"", c.column,
                        "\" because it is part of the partition key of relation \"", t.name, "\""));
  }
  // ATExecAlterColumnType (tablecmds.c): a column a view's rewrite rule reads cannot
  // change type.
  const ObjectId column_id = ObjectId::Child(ObjectKind::kColumn, t, c.column);
  for (const auto& [view_name, view] : catalog().views) {
    if (std::find(view.depends_on.begin(), view.depends_on.end(), column_id) != view.depends_on.end()) {
      return Error(StatusCode::kFailedPrecondition,
                   StrCat("cannot alter type of a column used by a view or rule\nDETAIL:  rule _RETURN on ",
                          view.materialized ? "materialized view " : "view ", view_name.name,
                          " depends on column \"", c.column, "\""));
    }
  }
  std::vector<QualifiedName> children = ChildTables(catalog(), t);
  if (!children.empty() && !recurse_) {
    return Error(StatusCode::kInvalidArgument, StrCat("type of inherited column \"", c.column,
                                                      "\" must be changed in child tables too"));
  }
  if (target->identity != IdentityKind::kNone) {
    // The transform adds ALTER SEQUENCE … AS <type> for the identity sequence.
    if (!IsSequenceIntegerType(c.type)) {
      return Error(StatusCode::kInvalidArgument,
                   "identity column type must be smallint, integer, or bigint");
    }
    for (const QualifiedName& name : SequencesOwnedBy(catalog(), t, c.column)) {
      if (!catalog().sequences.at(name).identity) continue;
      Sequence changed = catalog().sequences.at(name);
      SequenceOptions options;
      options.data_type = c.type;
      std::string error = ApplySequenceOptions(options, /*creating=*/false, &changed);
      if (!error.empty()) return Error(StatusCode::kInvalidArgument, error);
      changed.lineage.Touch(ctx_.span());
      journal_.EditSequence(name) = std::move(changed);
    }
  }
  Column& edited = *Edit(t).FindColumn(c.column);
  edited.type = c.type;
  edited.collation = c.collation;
  std::string default_storage = DefaultStorage(c.type);
  if (!default_storage.empty() && edited.storage == default_storage) edited.storage.clear();
  edited.lineage.Touch(ctx_.span());
  for (const QualifiedName& child : children) {
    absl::Status status = AlterColumnType(child, c, /*recursing=*/true);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

// --- Column defaults, NOT NULL, identity, generation ----------------------------------

absl::Status AlterTableRun::SetDefault(const alter::SetDefault& c) {
  const Column* target = table(table_).FindColumn(c.column);
  if (target == nullptr) return ColumnMissing(c.column, table_);
  if (target->identity != IdentityKind::kNone) {
    return Error(StatusCode::kInvalidArgument, StrCat("column \"", c.column, "\" of relation \"",
                                                      table_.name, "\" is an identity column"));
  }
  if (target->generated_expr.has_value()) {
    return Error(StatusCode::kInvalidArgument, StrCat("column \"", c.column, "\" of relation \"",
                                                      table_.name, "\" is a generated column"));
  }
  return ForColumnTree(table_, c.column, [&](Column& column) { column.default_expr = c.expr; });
}

absl::Status AlterTableRun::SetNotNull(const alter::SetNotNull& c) {
  const Table& current = table(table_);
  const Column* target = current.FindColumn(c.column);
  if (target == nullptr) return ColumnMissing(c.column, table_);
  bool has_children = !ChildTables(catalog(), table_).empty();
  if (c.not_null) {
    if (!recurse_ && current.is_partitioned() && has_children) {
      // ATPrepSetNotNull: ONLY on a partitioned table checks (AT_CheckNotNull) that every
      // partition's column is NOT NULL already.
      absl::Status status = CheckPartitionsNotNull(ctx_, catalog(), table_, c.column);
      if (!status.ok()) return status;
    }
    return ForColumnTree(table_, c.column, [](Column& column) { column.not_null = true; });
  }
  // ATExecDropNotNull.
  if (target->identity != IdentityKind::kNone) {
    return Error(StatusCode::kInvalidArgument, StrCat("column \"", c.column, "\" of relation \"",
                                                      table_.name, "\" is an identity column"));
  }
  if (const Constraint* primary_key = PrimaryKeyOf(current)) {
    if (std::find(primary_key->columns.begin(), primary_key->columns.end(), c.column) !=
        primary_key->columns.end()) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("column \"", c.column, "\" is in a primary key"));
    }
  }
  if (current.replica_identity == ReplicaIdentity::kIndex) {
    const Index* index = FindTableIndex(table_, current.replica_identity_index);
    if (index != nullptr) {
      for (const IndexElement& key : index->keys) {
        if (key.column == c.column) {
          return Error(StatusCode::kInvalidArgument,
                       StrCat("column \"", c.column, "\" is in index used as replica identity"));
        }
      }
    }
  }
  if (current.partition_of.has_value()) {
    const Column* parent_column = table(*current.partition_of).FindColumn(c.column);
    if (parent_column != nullptr && parent_column->not_null) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("column \"", c.column, "\" is marked NOT NULL in parent table"));
    }
  }
  if (!recurse_ && current.is_partitioned() && has_children) {
    return Error(StatusCode::kInvalidArgument,
                 "cannot remove constraint from only the partitioned table when partitions exist");
  }
  return ForColumnTree(table_, c.column, [](Column& column) { column.not_null = false; });
}

absl::Status AlterTableRun::AddIdentity(const alter::AddIdentity& c) {
  const Table& current = table(table_);
  const Column* target = current.FindColumn(c.column);
  if (target == nullptr) return ColumnMissing(c.column, table_);
  std::string where = StrCat("column \"", c.column, "\" of relation \"", table_.name, "\"");
  if (!target->not_null) {
    return Error(StatusCode::kFailedPrecondition,
                 StrCat(where, " must be declared NOT NULL before identity can be added"));
  }
  if (target->identity != IdentityKind::kNone) {
    return Error(StatusCode::kFailedPrecondition, StrCat(where, " is already an identity column"));
  }
  if (target->default_expr.has_value() || target->generated_expr.has_value()) {
    return Error(StatusCode::kFailedPrecondition, StrCat(where, " already has a default value"));
  }
  Column column = *target;
  column.identity = c.kind;
  absl::Status status = CreateColumnSequence(ctx_, journal_, sequence_names_.at(c.column), current,
                                             column, /*identity=*/true, c.options);
  if (!status.ok()) return status;
  Column& edited = *Edit(table_).FindColumn(c.column);
  edited.identity = c.kind;
  edited.lineage.Touch(ctx_.span());
  return absl::OkStatus();
}

absl::Status AlterTableRun::SetIdentity(const alter::SetIdentity& c) {
  const Column* target = table(table_).FindColumn(c.column);
  if (target == nullptr) return ColumnMissing(c.column, table_);
  if (target->identity == IdentityKind::kNone) {
    return Error(StatusCode::kFailedPrecondition,
                 StrCat("column \"", c.column, "\" of relation \"", table_.name,
                        "\" is not an identity column"));
  }
  for (const QualifiedName& name : SequencesOwnedBy(catalog(), table_, c.column)) {
    if (!catalog().sequences.at(name).identity) continue;
    Sequence changed = catalog().sequences.at(name);
    std::string error = ApplySequenceOptions(c.options, /*creating=*/false, &changed);
    if (!error.empty()) return Error(StatusCode::kInvalidArgument, error);
    changed.lineage.Touch(ctx_.span());
    journal_.EditSequence(name) = std::move(changed);
  }
  Column& edited = *Edit(table_).FindColumn(c.column);
  if (c.kind.has_value()) edited.identity = *c.kind;
  edited.lineage.Touch(ctx_.span());
  return absl::OkStatus();
}

absl::Status AlterTableRun::DropIdentity(const alter::DropIdentity& c) {
  const Column* target = table(table_).FindColumn(c.column);
  if (target == nullptr) return ColumnMissing(c.column, table_);
  std::string where = StrCat("column \"", c.column, "\" of relation \"", table_.name, "\"");
  if (target->identity == IdentityKind::kNone) {
    if (c.if_exists) {
      ctx_.Notice(StrCat(where, " is not an identity column, skipping"));
      return absl::OkStatus();
    }
    return Error(StatusCode::kFailedPrecondition, StrCat(where, " is not an identity column"));
  }
  for (const QualifiedName& name : SequencesOwnedBy(catalog(), table_, c.column)) {
    if (catalog().sequences.at(name).identity) journal_.DropSequence(name);
  }
  Column& edited = *Edit(table_).FindColumn(c.column);
  edited.identity = IdentityKind::kNone;
  edited.lineage.Touch(ctx_.span());
  return absl::OkStatus();
}

absl::Status AlterTableRun::DropExpression(const alter::DropExpression& c) {
  const Column* target = table(table_).FindColumn(c.column);
  if (target == nullptr) return ColumnMissing(c.column, table_);
  if (!ChildTables(catalog(), table_).empty() && !recurse_) {
    return Error(StatusCode::kInvalidArgument,
                 "ALTER TABLE / DROP EXPRESSION must be applied to child tables too");
  }
  if (target->inherit_count > 0) {
    return Error(StatusCode::kInvalidArgument,
                 "cannot drop generation expression from inherited column");
  }
  if (!target->generated_expr.has_value()) {
    std::string where = StrCat("column \"", c.column, "\" of relation \"", table_.name, "\"");
    if (c.if_exists) {
      ctx_.Notice(StrCat(where, " is not a stored generated column, skipping"));
      return absl::OkStatus();
    }
    return Error(StatusCode::kInvalidArgument, StrCat(where, " is not a stored generated column"));
  }
  return ForColumnTree(table_, c.column, [](Column& column) { column.generated_expr.reset(); });
}

// --- Column storage attributes --------------------------------------------------------

absl::Status AlterTableRun::SetStatistics(const alter::SetStatistics& c) {
  if (table(table_).FindColumn(c.column) == nullptr) return ColumnMissing(c.column, table_);
  int target = c.target;
  if (target < -1) {
    return Error(StatusCode::kInvalidArgument, StrCat("statistics target ", target, " is too low"));
  }
  if (target > 10000) {
    ctx_.Notice("lowering statistics target to 10000");
    target = 10000;
  }
  return ForColumnTree(table_, c.column,
                       [&](Column& column) { column.statistics_target = target; });
}

absl::Status AlterTableRun::SetStorage(const alter::SetStorage& c) {
  if (table(table_).FindColumn(c.column) == nullptr) return ColumnMissing(c.column, table_);
  std::string storage = AsciiLower(c.storage);
  if (storage != "plain" && storage != "external" && storage != "extended" && storage != "main") {
    return Error(StatusCode::kInvalidArgument, StrCat("invalid storage type \"", c.storage, "\""));
  }
  return ForColumnTree(table_, c.column, [&](Column& column) {
    column.storage = storage == DefaultStorage(column.type) ? "" : storage;
  });
}

absl::Status AlterTableRun::SetCompression(const alter::SetCompression& c) {
  if (table(table_).FindColumn(c.column) == nullptr) return ColumnMissing(c.column, table_);
  std::string method = AsciiLower(c.compression);
  if (method != "pglz" && method != "lz4" && method != "default") {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("invalid compression method \"", c.compression, "\""));
  }
  if (method == "default") method.clear();
  return ForColumnTree(table_, c.column, [&](Column& column) { column.compression = method; });
}

absl::Status AlterTableRun::SetColumnOptions(const alter::SetColumnOptions& c) {
  if (table(table_).FindColumn(c.column) == nullptr) return ColumnMissing(c.column, table_);
  // ALTER COLUMN … SET (…) never recurses.
  Column& column = *Edit(table_).FindColumn(c.column);
  for (const auto& [option, value] : c.set) column.options.insert_or_assign(option, value);
  for (const std::string& option : c.reset) column.options.erase(option);
  column.lineage.Touch(ctx_.span());
  return absl::OkStatus();
}

// --- Constraints ----------------------------------------------------------------------

absl::Status AlterTableRun::AddConstraint(const ConstraintDef& def) {
  ConstraintMode mode;
  mode.recurse = recurse_;
  Edit(table_);
  return AddTableConstraint(ctx_, journal_, table_, def, mode);
}

const Index* AlterTableRun::FindTableIndex(const QualifiedName& t, std::string_view index) const {
  auto it = catalog().indexes.find({t.schema, std::string(index)});
  if (it == catalog().indexes.end() || it->second.table != t) return nullptr;
  return &it->second;
}

absl::Status AlterTableRun::AddConstraintUsingIndex(const alter::AddConstraintUsingIndex& c) {
  const Table& current = table(table_);
  if (current.is_partitioned()) {
    return Error(StatusCode::kInvalidArgument,
                 "ALTER TABLE / ADD CONSTRAINT USING INDEX is not supported on partitioned "
                 "tables");
  }
  QualifiedName index_name{table_.schema, c.index};
  auto found = catalog().indexes.find(index_name);
  if (found == catalog().indexes.end()) {
    return Error(StatusCode::kNotFound, StrCat("index \"", c.index, "\" does not exist"));
  }
  const Index& index = found->second;
  // transformIndexConstraint's checks, in its order.
  if (!index.constraint_name.empty()) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("index \"", c.index, "\" is already associated with a constraint"));
  }
  if (index.table != table_) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("index \"", c.index, "\" does not belong to table \"", table_.name, "\""));
  }
  if (!index.unique) {
    return Error(StatusCode::kInvalidArgument, StrCat("\"", c.index, "\" is not a unique index"));
  }
  for (const IndexElement& key : index.keys) {
    if (key.column.empty()) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("index \"", c.index, "\" contains expressions"));
    }
  }
  if (!index.predicate.empty()) {
    return Error(StatusCode::kInvalidArgument, StrCat("\"", c.index, "\" is a partial index"));
  }
  if (index.method != "btree") {
    return Error(StatusCode::kInvalidArgument, StrCat("index \"", c.index, "\" is not a btree"));
  }
  for (size_t i = 0; i < index.keys.size(); ++i) {
    const IndexElement& key = index.keys[i];
    if (key.descending || key.nulls_first || !key.opclass.empty() || !key.collation.empty()) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("index \"", c.index, "\" column number ", static_cast<int>(i + 1),
                          " does not have default sorting behavior"));
    }
  }
  const ConstraintType type = c.def.constraint.type;
  if (type == ConstraintType::kPrimaryKey && PrimaryKeyOf(current) != nullptr) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("multiple primary keys for table \"", table_.name, "\" are not allowed"));
  }

  std::string name = c.def.constraint.name.empty() ? c.index : c.def.constraint.name;
  if (current.constraints.contains(name)) {
    return Error(StatusCode::kAlreadyExists, StrCat("constraint \"", name, "\" for relation \"",
                                                    table_.name, "\" already exists"));
  }
  Index adopted = index;
  if (name != c.index) {
    if (RelationNameTaken(catalog(), {table_.schema, name})) {
      return Error(StatusCode::kAlreadyExists, StrCat("relation \"", name, "\" already exists"));
    }
    ctx_.Notice(StrCat("ALTER TABLE / ADD CONSTRAINT USING INDEX will rename index \"", c.index,
                       "\" to \"", name, "\""));
    journal_.DropIndex(index_name);
    adopted.name.name = name;
    adopted.lineage.Renamed(c.index, ctx_.span());
  } else {
    journal_.DropIndex(index_name);
    adopted.lineage.Touch(ctx_.span());
  }
  adopted.constraint_name = name;

  Constraint constraint = c.def.constraint;
  constraint.name = name;
  constraint.columns.clear();
  for (const IndexElement& key : adopted.keys) constraint.columns.push_back(key.column);
  constraint.include = adopted.include;
  constraint.nulls_not_distinct = adopted.nulls_not_distinct;
  constraint.index_options = adopted.options;
  constraint.validated = true;
  constraint.lineage = Lineage::At(ctx_.span());

  Table& edited = Edit(table_);
  if (type == ConstraintType::kPrimaryKey) {
    for (const std::string& column : constraint.columns) edited.FindColumn(column)->not_null = true;
  }
  edited.constraints.emplace(name, std::move(constraint));
  if (edited.replica_identity_index == c.index) edited.replica_identity_index = name;
  journal_.AddIndex(std::move(adopted));
  return absl::OkStatus();
}

bool AlterTableRun::IsInheritedConstraint(const Table& t, const Constraint& constraint) const {
  for (const QualifiedName& parent_name : ParentTables(t)) {
    const Table* parent = catalog().FindTable(parent_name);
    if (parent == nullptr) continue;
    if (constraint.type == ConstraintType::kCheck) {
      auto it = parent->constraints.find(constraint.name);
      if (it != parent->constraints.end() && it->second.type == ConstraintType::kCheck &&
          !it->second.no_inherit) {
        return true;
      }
      continue;
    }
    if (!t.partition_of.has_value()) continue;
    if (IsIndexBacked(constraint.type)) {
      // pg_constraint.conparentid follows the index: the constraint is the partition's
      // part of its parent's when its index is attached to the parent's index.
      const Index* index = ConstraintIndex(t.name, constraint.name);
      if (index != nullptr && index->parent_index.has_value()) {
        auto parent_index = catalog().indexes.find(*index->parent_index);
        if (parent_index != catalog().indexes.end() && parent_index->second.table == parent_name &&
            !parent_index->second.constraint_name.empty()) {
          return true;
        }
      }
      continue;
    }
    for (const auto& [name, candidate] : parent->constraints) {
      if (EquivalentForeignKeys(candidate, constraint)) return true;
    }
  }
  return false;
}

const Index* AlterTableRun::ConstraintIndex(const QualifiedName& t,
                                            const std::string& constraint) const {
  for (const QualifiedName& name : IndexesOf(catalog(), t)) {
    const Index& index = catalog().indexes.at(name);
    if (index.constraint_name == constraint) return &index;
  }
  return nullptr;
}

absl::Status AlterTableRun::DropConstraintTree(const QualifiedName& t, const std::string& name,
                                               bool cascade, bool recurse) {
  const Table& current = table(t);
  const Constraint constraint = current.constraints.at(name);
  std::optional<QualifiedName> index_name;  // kept for finding the partitions' copies
  if (const Index* index = ConstraintIndex(t, name)) index_name = index->name;

  if (IsIndexBacked(constraint.type)) {
    // Foreign keys depend on the unique index they reference.
    std::set<std::string> key(constraint.columns.begin(), constraint.columns.end());
    auto dependents =
        ForeignKeysReferencing(t,
                               [&](const Constraint& fk) {
                                 return std::set<std::string>(fk.referenced_columns.begin(),
                                                              fk.referenced_columns.end()) == key;
                               },
                               {});
    if (!dependents.empty() && !cascade) {
      return Error(StatusCode::kFailedPrecondition,
                   StrCat("cannot drop ", DescribeConstraint(t, name),
                          " because other objects depend on it"));
    }
    for (const auto& [table_name, constraint_name] : dependents) {
      ctx_.Notice(StrCat("drop cascades to ", DescribeConstraint(table_name, constraint_name)));
    }
    for (const auto& [table_name, constraint_name] : dependents) {
      Edit(table_name).constraints.erase(constraint_name);
    }
  }

  Edit(t).constraints.erase(name);
  for (const QualifiedName& index : IndexesOf(catalog(), t)) {
    if (catalog().indexes.at(index).constraint_name == name) DropIndexOf(t, index);
  }

  if (!recurse) return absl::OkStatus();
  for (const QualifiedName& child : ChildTables(catalog(), t)) {
    const Table& child_table = table(child);
    std::vector<std::string> copies;
    for (const auto& [child_name, candidate] : child_table.constraints) {
      bool copy = false;
      if (constraint.type == ConstraintType::kCheck) {
        copy = child_name == name && candidate.type == ConstraintType::kCheck;
      } else if (child_table.partition_of.has_value() &&
                 constraint.type == ConstraintType::kForeignKey) {
        copy = EquivalentForeignKeys(candidate, constraint);
      } else if (child_table.partition_of.has_value()) {
        // The partition's constraint whose index is attached to this one's.
        const Index* child_index = ConstraintIndex(child, child_name);
        copy = candidate.type == constraint.type && child_index != nullptr &&
               child_index->parent_index.has_value() && index_name.has_value() &&
               *child_index->parent_index == *index_name;
      }
      if (copy) copies.push_back(child_name);
    }
    for (const std::string& copy : copies) {
      absl::Status status = DropConstraintTree(child, copy, cascade, recurse);
      if (!status.ok()) return status;
    }
  }
  return absl::OkStatus();
}

absl::Status AlterTableRun::DropConstraint(const alter::DropConstraint& c) {
  const Table& current = table(table_);
  auto found = current.constraints.find(c.name);
  if (found == current.constraints.end()) {
    std::string message =
        StrCat("constraint \"", c.name, "\" of relation \"", table_.name, "\" does not exist");
    if (c.if_exists) {
      ctx_.Notice(StrCat(message, ", skipping"));
      return absl::OkStatus();
    }
    return Error(StatusCode::kNotFound, message);
  }
  if (IsInheritedConstraint(current, found->second)) {
    return Error(StatusCode::kInvalidArgument, StrCat("cannot drop inherited constraint \"", c.name,
                                                      "\" of relation \"", table_.name, "\""));
  }
  return DropConstraintTree(table_, c.name, c.cascade, recurse_);
}

absl::Status AlterTableRun::ValidateConstraint(const alter::ValidateConstraint& c) {
  const Table& current = table(table_);
  auto found = current.constraints.find(c.name);
  if (found == current.constraints.end()) {
    return Error(StatusCode::kNotFound, StrCat("constraint \"", c.name, "\" of relation \"",
                                               table_.name, "\" does not exist"));
  }
  const Constraint constraint = found->second;
  if (constraint.type != ConstraintType::kForeignKey && constraint.type != ConstraintType::kCheck) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("constraint \"", c.name, "\" of relation \"", table_.name,
                        "\" is not a foreign key or check constraint"));
  }
  std::function<void(const QualifiedName&, const std::string&)> validate =
      [&](const QualifiedName& t, const std::string& name) {
        Constraint& edited = Edit(t).constraints.at(name);
        edited.validated = true;
        edited.lineage.Touch(ctx_.span());
        for (const QualifiedName& child : ChildTables(catalog(), t)) {
          for (const auto& [child_name, candidate] : table(child).constraints) {
            bool copy = constraint.type == ConstraintType::kCheck
                            ? child_name == name && candidate.type == ConstraintType::kCheck
                            : EquivalentForeignKeys(candidate, constraint);
            if (copy && !candidate.validated) {
              validate(child, child_name);
              break;
            }
          }
        }
      };
  validate(table_, c.name);
  return absl::OkStatus();
}

absl::Status AlterTableRun::AlterConstraint(const alter::AlterConstraint& c) {
  const Table& current = table(table_);
  auto found = current.constraints.find(c.name);
  if (found == current.constraints.end()) {
    return Error(StatusCode::kNotFound, StrCat("constraint \"", c.name, "\" of relation \"",
                                               table_.name, "\" does not exist"));
  }
  if (found->second.type != ConstraintType::kForeignKey) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("constraint \"", c.name, "\" of relation \"", table_.name,
                        "\" is not a foreign key constraint"));
  }
  const Constraint original = found->second;
  std::function<void(const QualifiedName&, const std::string&)> change =
      [&](const QualifiedName& t, const std::string& name) {
        Constraint& edited = Edit(t).constraints.at(name);
        edited.deferrable = c.deferrable;
        edited.initially_deferred = c.initially_deferred;
        edited.lineage.Touch(ctx_.span());
        for (const QualifiedName& child : ChildTables(catalog(), t)) {
          if (!table(child).partition_of.has_value()) continue;
          for (const auto& [child_name, candidate] : table(child).constraints) {
            if (EquivalentForeignKeys(candidate, original)) {
              change(child, child_name);
              break;
            }
          }
        }
      };
  change(table_, c.name);
  return absl::OkStatus();
}

// --- Table-level settings -------------------------------------------------------------

absl::Status AlterTableRun::SetRowSecurity(const alter::SetRowSecurity& c) {
  Table& edited = Edit(table_);
  if (c.enabled.has_value()) edited.rls_enabled = *c.enabled;
  if (c.forced.has_value()) edited.rls_forced = *c.forced;
  return absl::OkStatus();
}

absl::Status AlterTableRun::SetLogged(const alter::SetLogged& c) {
  const Table& current = table(table_);
  if (current.unlogged == !c.logged) return absl::OkStatus();
  // ATPrepChangePersistence: permanent tables may not reference unlogged ones.
  if (c.logged) {
    for (const auto& [name, constraint] : current.constraints) {
      if (constraint.type != ConstraintType::kForeignKey || constraint.referenced_table == table_) {
        continue;
      }
      const Table* referenced = catalog().FindTable(constraint.referenced_table);
      if (referenced != nullptr && referenced->unlogged) {
        return Error(StatusCode::kInvalidArgument,
                     StrCat("could not change table \"", table_.name,
                            "\" to logged because it references unlogged table \"",
                            constraint.referenced_table.name, "\""));
      }
    }
  } else {
    for (const auto& [name, other] : catalog().tables) {
      if (name == table_) continue;
      for (const auto& [constraint_name, constraint] : other.constraints) {
        if (constraint.type == ConstraintType::kForeignKey &&
            constraint.referenced_table == table_ && !other.unlogged) {
          return Error(
              StatusCode::kInvalidArgument,
              StrCat("could not change table \"", table_.name,
                     "\" to unlogged because it references logged table \"", name.name, "\""));
        }
      }
    }
  }
  Edit(table_).unlogged = !c.logged;
  // PostgreSQL 15 changes the persistence of the sequences the table's columns own.
  for (const QualifiedName& sequence : SequencesOwnedByTable(catalog(), table_)) {
    Sequence& edited = journal_.EditSequence(sequence);
    edited.unlogged = !c.logged;
    edited.lineage.Touch(ctx_.span());
  }
  return absl::OkStatus();
}

absl::Status AlterTableRun::SetOptions(const alter::SetOptions& c) {
  Table& edited = Edit(table_);
  for (const auto& [option, value] : c.set) edited.options.insert_or_assign(option, value);
  for (const std::string& option : c.reset) edited.options.erase(option);
  return absl::OkStatus();
}

absl::Status AlterTableRun::MergeIntoExisting(const QualifiedName& child,
                                              const QualifiedName& parent) {
  const Table& child_table = table(child);
  const Table& parent_table = table(parent);
  for (const Column& parent_column : parent_table.columns) {
    const Column* child_column = child_table.FindColumn(parent_column.name);
    if (child_column == nullptr) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("child table is missing column \"", parent_column.name, "\""));
    }
    if (child_column->type != parent_column.type) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("child table \"", child.name, "\" has different type for column \"",
                          parent_column.name, "\""));
    }
    if (child_column->collation != parent_column.collation) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("child table \"", child.name, "\" has different collation for column \"",
                          parent_column.name, "\""));
    }
    if (parent_column.not_null && !child_column->not_null) {
      return Error(
          StatusCode::kInvalidArgument,
          StrCat("column \"", parent_column.name, "\" in child table must be marked NOT NULL"));
    }
  }
  for (const auto& [name, constraint] : parent_table.constraints) {
    if (constraint.type != ConstraintType::kCheck || constraint.no_inherit) continue;
    auto found = child_table.constraints.find(name);
    if (found == child_table.constraints.end() || found->second.type != ConstraintType::kCheck) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("child table is missing constraint \"", name, "\""));
    }
    if (found->second.expression != constraint.expression) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("child table \"", child.name,
                          "\" has different definition for check constraint \"", name, "\""));
    }
  }
  Table& edited = Edit(child);
  for (const Column& parent_column : parent_table.columns) {
    Column& column = *edited.FindColumn(parent_column.name);
    column.inherit_count++;
    column.lineage.Touch(ctx_.span());
  }
  return absl::OkStatus();
}

absl::Status AlterTableRun::Inherit(const alter::Inherit& c) {
  const Table& current = table(table_);
  if (current.partition_of.has_value()) {
    return Error(StatusCode::kInvalidArgument, "cannot change inheritance of a partition");
  }
  if (current.is_partitioned()) {
    return Error(StatusCode::kInvalidArgument, "cannot change inheritance of partitioned table");
  }
  std::optional<QualifiedName> parent = ctx_.Resolve(c.parent);
  if (!parent.has_value() || catalog().FindTable(*parent) == nullptr) {
    return Error(StatusCode::kNotFound,
                 StrCat("relation \"", WrittenName(c.parent), "\" does not exist"));
  }
  if (!c.add) {
    auto position = std::find(current.inherits.begin(), current.inherits.end(), *parent);
    if (position == current.inherits.end()) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("relation \"", parent->name, "\" is not a parent of relation \"",
                          table_.name, "\""));
    }
    // RemoveInheritance: the columns lose one inheritance and become local at zero.
    Table& edited = Edit(table_);
    edited.inherits.erase(std::find(edited.inherits.begin(), edited.inherits.end(), *parent));
    for (const Column& parent_column : table(*parent).columns) {
      Column* column = edited.FindColumn(parent_column.name);
      if (column == nullptr || column->inherit_count == 0) continue;
      column->inherit_count--;
      if (column->inherit_count == 0) column->is_local = true;
      column->lineage.Touch(ctx_.span());
    }
    return absl::OkStatus();
  }
  const Table& parent_table = table(*parent);
  if (parent_table.is_partitioned()) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("cannot inherit from partitioned table \"", parent->name, "\""));
  }
  if (parent_table.partition_of.has_value()) {
    return Error(StatusCode::kInvalidArgument, "cannot inherit from a partition");
  }
  if (std::find(current.inherits.begin(), current.inherits.end(), *parent) !=
      current.inherits.end()) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("relation \"", parent->name, "\" would be inherited from more than once"));
  }
  if (IsAncestorOrSelf(catalog(), table_, *parent)) {
    return Error(StatusCode::kInvalidArgument, "circular inheritance not allowed");
  }
  absl::Status status = MergeIntoExisting(table_, *parent);
  if (!status.ok()) return status;
  Edit(table_).inherits.push_back(*parent);
  return absl::OkStatus();
}

absl::Status AlterTableRun::AttachPartition(const alter::AttachPartition& c) {
  const Table& current = table(table_);
  if (!current.is_partitioned()) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("table \"", table_.name, "\" is not partitioned"));
  }
  std::optional<QualifiedName> partition = ctx_.Resolve(c.partition);
  if (!partition.has_value() || catalog().FindTable(*partition) == nullptr) {
    return Error(StatusCode::kNotFound,
                 StrCat("relation \"", WrittenName(c.partition), "\" does not exist"));
  }
  const Table& partition_table = table(*partition);
  if (partition_table.partition_of.has_value()) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("\"", partition->name, "\" is already a partition"));
  }
  if (!partition_table.inherits.empty()) {
    return Error(StatusCode::kInvalidArgument, "cannot attach inheritance child as partition");
  }
  if (!partition_table.is_partitioned() && !ChildTables(catalog(), *partition).empty()) {
    return Error(StatusCode::kInvalidArgument, "cannot attach inheritance parent as partition");
  }
  if (IsAncestorOrSelf(catalog(), *partition, table_)) {
    return Error(StatusCode::kInvalidArgument, "circular inheritance not allowed");
  }
  for (const Column& column : partition_table.columns) {
    if (current.FindColumn(column.name) == nullptr) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("table \"", partition->name, "\" contains column \"", column.name,
                          "\" not found in parent \"", table_.name, "\""));
    }
  }
  absl::Status status = MergeIntoExisting(*partition, table_);
  if (!status.ok()) return status;
  Table& edited = Edit(*partition);
  edited.partition_of = table_;
  edited.partition_bound = c.bound;
  // MergeAttributesIntoExisting (tablecmds.c): a partition's columns are never local.
  for (Column& column : edited.columns) {
    if (current.FindColumn(column.name) != nullptr) column.is_local = false;
  }
  Edit(table_);
  status = CloneIndexesToPartition(ctx_, journal_, table_, *partition);
  if (!status.ok()) return status;
  return CloneForeignKeysToPartition(ctx_, journal_, table_, *partition);
}

absl::Status AlterTableRun::DetachPartition(const alter::DetachPartition& c) {
  std::optional<QualifiedName> partition = ctx_.Resolve(c.partition);
  if (!partition.has_value() || catalog().FindTable(*partition) == nullptr) {
    return Error(StatusCode::kNotFound,
                 StrCat("relation \"", WrittenName(c.partition), "\" does not exist"));
  }
  const Table& partition_table = table(*partition);
  if (!partition_table.partition_of.has_value() || *partition_table.partition_of != table_) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("relation \"", partition->name, "\" is not a partition of relation \"",
                        table_.name, "\""));
  }
  // DetachPartitionFinalize: the partition's indexes leave their parent indexes.
  for (const QualifiedName& index : IndexesOf(catalog(), *partition)) {
    const std::optional<QualifiedName>& parent_index = catalog().indexes.at(index).parent_index;
    if (!parent_index.has_value()) continue;
    auto parent = catalog().indexes.find(*parent_index);
    if (parent != catalog().indexes.end() && parent->second.table != table_) continue;
    Index& detached = journal_.EditIndex(index);
    detached.parent_index.reset();
    detached.lineage.Touch(ctx_.span());
  }
  Table& edited = Edit(*partition);
  edited.partition_of.reset();
  edited.partition_bound.clear();
  for (const Column& parent_column : table(table_).columns) {
    Column* column = edited.FindColumn(parent_column.name);
    if (column == nullptr || column->inherit_count == 0) continue;
    column->inherit_count--;
    if (column->inherit_count == 0) column->is_local = true;
    column->lineage.Touch(ctx_.span());
  }
  Edit(table_);
  return absl::OkStatus();
}

absl::Status AlterTableRun::SetReplicaIdentity(const alter::SetReplicaIdentity& c) {
  if (c.identity != ReplicaIdentity::kIndex) {
    Table& edited = Edit(table_);
    edited.replica_identity = c.identity;
    edited.replica_identity_index.clear();
    return absl::OkStatus();
  }
  // ATExecReplicaIdentity.
  const Index* index = FindTableIndex(table_, c.index);
  if (index == nullptr) {
    return Error(StatusCode::kNotFound,
                 StrCat("index \"", c.index, "\" for table \"", table_.name, "\" does not exist"));
  }
  if (!index->unique) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("cannot use non-unique index \"", c.index, "\" as replica identity"));
  }
  if (!index->constraint_name.empty()) {
    const Constraint& constraint = table(table_).constraints.at(index->constraint_name);
    if (constraint.deferrable) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("cannot use non-immediate index \"", c.index, "\" as replica identity"));
    }
  }
  for (const IndexElement& key : index->keys) {
    if (key.column.empty()) {
      return Error(StatusCode::kInvalidArgument,
                   StrCat("cannot use expression index \"", c.index, "\" as replica identity"));
    }
  }
  if (!index->predicate.empty()) {
    return Error(StatusCode::kInvalidArgument,
                 StrCat("cannot use partial index \"", c.index, "\" as replica identity"));
  }
  for (const IndexElement& key : index->keys) {
    const Column* column = table(table_).FindColumn(key.column);
    if (column != nullptr && !column->not_null) {
      return Error(
          StatusCode::kInvalidArgument,
          StrCat("index \"", c.index, "\" cannot be used as replica identity because column \"",
                 key.column, "\" is nullable"));
    }
  }
  Table& edited = Edit(table_);
  edited.replica_identity = ReplicaIdentity::kIndex;
  edited.replica_identity_index = c.index;
  return absl::OkStatus();
}

absl::Status AlterTableRun::ClusterOn(const alter::ClusterOn& c) {
  if (c.index.has_value() && FindTableIndex(table_, *c.index) == nullptr) {
    return Error(StatusCode::kNotFound,
                 StrCat("index \"", *c.index, "\" for table \"", table_.name, "\" does not exist"));
  }
  Edit(table_);
  for (const QualifiedName& name : IndexesOf(catalog(), table_)) {
    bool clustered = c.index.has_value() && name.name == *c.index;
    if (catalog().indexes.at(name).clustered == clustered) continue;
    Index& index = journal_.EditIndex(name);
    index.clustered = clustered;
    index.lineage.Touch(ctx_.span());
  }
  return absl::OkStatus();
}

absl::Status AlterTableRun::SetOwner(const alter::SetOwner& c) {
  Table& edited_table = Edit(table_);
  // ATExecChangeOwner: relacl and every attacl go through aclnewowner.
  edited_table.privileges = AclWithNewOwner(edited_table.privileges, edited_table.owner, c.role);
  for (Column& column : edited_table.columns) {
    column.privileges = AclWithNewOwner(column.privileges, edited_table.owner, c.role);
  }
  edited_table.owner = c.role;
  // ATExecChangeOwner also gives the table's owned sequences to the new owner.
  for (const QualifiedName& sequence : SequencesOwnedByTable(catalog(), table_)) {
    Sequence& edited = journal_.EditSequence(sequence);
    edited.privileges = AclWithNewOwner(edited.privileges, edited.owner, c.role);
    edited.owner = c.role;
    edited.lineage.Touch(ctx_.span());
  }
  return absl::OkStatus();
}

absl::Status AlterTableRun::SetAccessMethod(const alter::SetAccessMethod& c) {
  if (table(table_).is_partitioned()) {
    return Error(StatusCode::kInvalidArgument,
                 "cannot change access method of a partitioned table");
  }
  Edit(table_).access_method = c.method == "heap" ? "" : c.method;
  return absl::OkStatus();
}

absl::Status AlterTableRun::SetTablespace(const alter::SetTablespace& c) {
  Edit(table_).tablespace = c.tablespace == "pg_default" ? "" : c.tablespace;
  return absl::OkStatus();
}

// ALTER TABLE on a view or materialized view: PostgreSQL accepts the sub-commands that
// make sense for any relation, and pg_dump writes `ALTER TABLE v OWNER TO r` for views.
absl::Status AlterViewAsTable(View& view, const AlterTable& m, ApplyContext& ctx) {
  for (const AlterTableCommand& command : m.commands) {
    if (const auto* owner = std::get_if<alter::SetOwner>(&command)) {
      view.privileges = AclWithNewOwner(view.privileges, view.owner, owner->role);
      view.owner = owner->role;
    } else if (const auto* options = std::get_if<alter::SetOptions>(&command)) {
      for (const auto& [key, value] : options->set) view.options[key] = value;
      for (const std::string& key : options->reset) view.options.erase(key);
    } else {
      return ctx.Error(StatusCode::kInvalidArgument,
                       StrCat("\"", view.name.name, "\" is not a table"));
    }
  }
  view.lineage.Touch(ctx.span());
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyAlterTable(const AlterTable& m, ApplyContext& ctx) {
  std::optional<QualifiedName> name = ctx.Resolve(m.table);
  if (!name.has_value()) {
    if (m.if_exists) {
      ctx.Notice(StrCat("relation \"", m.table.name, "\" does not exist, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(StatusCode::kNotFound,
                     StrCat("relation \"", WrittenName(m.table), "\" does not exist"));
  }
  if (auto view = ctx.catalog->views.find(*name); view != ctx.catalog->views.end()) {
    return AlterViewAsTable(view->second, m, ctx);
  }
  if (ctx.catalog->FindTable(*name) == nullptr) {
    return ctx.Error(StatusCode::kInvalidArgument, StrCat("\"", name->name, "\" is not a table"));
  }

  std::vector<Step> steps;
  for (const AlterTableCommand& command : m.commands) {
    steps.push_back({PassOf(command), &command, nullptr, ""});
    if (const auto* add = std::get_if<alter::AddColumn>(&command)) {
      for (const ConstraintDef& def : add->constraints) {
        int pass = IsIndexBacked(def.constraint.type) ? kPassAddIndex : kPassAddConstraint;
        steps.push_back({pass, nullptr, &def, add->def.column.name});
      }
    }
  }
  std::stable_sort(steps.begin(), steps.end(),
                   [](const Step& a, const Step& b) { return a.pass < b.pass; });

  CatalogJournal journal(ctx.catalog);
  AlterTableRun run(ctx, journal, *name, !m.only);
  run.ChooseSequenceNames(m.commands);
  std::set<std::string> skipped_columns;
  for (const Step& step : steps) {
    if (step.column_constraint != nullptr && skipped_columns.contains(step.constraint_column)) {
      continue;
    }
    if (step.command != nullptr) {
      if (const auto* add = std::get_if<alter::AddColumn>(step.command)) {
        if (add->if_not_exists &&
            journal.catalog().FindTable(*name)->FindColumn(add->def.column.name) != nullptr) {
          skipped_columns.insert(add->def.column.name);
        }
      }
    }
    absl::Status status = run.Run(step);
    if (!status.ok()) return status;
  }
  journal.Commit();
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
