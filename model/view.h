// View: a view or materialized view (pg_class relkind 'v' / 'm'). Identity: schema and
// name in the relation namespace. The query is stored canonically: what pg_get_viewdef
// prints with an empty search_path, parsed and printed again by the canonicalizer, with
// `*` expanded, relations schema-qualified and columns qualified by their range entry.
#ifndef PGDRIFT_MODEL_VIEW_H_
#define PGDRIFT_MODEL_VIEW_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/lineage.h"
#include "model/object_id.h"
#include "model/privileges.h"
#include "model/trigger.h"

namespace pgdrift::model {

struct ViewColumn {
  std::string name;
  std::string comment;
  std::optional<Acl> privileges;  // attacl (GRANT SELECT (col) ON view)

  friend bool operator==(const ViewColumn&, const ViewColumn&) = default;
};

struct View {
  QualifiedName name;
  bool materialized = false;
  std::vector<ViewColumn> columns;  // output columns in order (renames included)
  std::string query;                // canonical SELECT, no trailing semicolon
  // reloptions: security_invoker, security_barrier, check_option ("local"/"cascaded")
  // for views; storage parameters for materialized views.
  std::map<std::string, std::string> options;
  bool populated = true;  // materialized views: WITH [NO] DATA (relispopulated)
  std::string tablespace;    // materialized views
  std::string access_method;  // materialized views; empty = heap
  std::map<std::string, Trigger> triggers;  // INSTEAD OF triggers on views
  // Relations, columns and routines the query reads (pg_depend / pg_rewrite), so that
  // DROP and ALTER COLUMN TYPE of one of them is refused as PostgreSQL refuses it.
  std::vector<ObjectId> depends_on;
  std::string owner;
  std::string comment;
  std::optional<Acl> privileges;  // relacl
  Lineage lineage;

  ObjectKind kind() const { return materialized ? ObjectKind::kMaterializedView : ObjectKind::kView; }
  const ViewColumn* FindColumn(std::string_view column_name) const;
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_VIEW_H_
