// DDL for views and materialized views in the form pg_dump writes it: CREATE VIEW with
// its reloptions and the canonical query, CREATE MATERIALIZED VIEW … WITH [NO] DATA,
// and the comments of the view and its columns.
#ifndef PGDRIFT_PLANNER_VIEW_DDL_H_
#define PGDRIFT_PLANNER_VIEW_DDL_H_

#include <string>
#include <vector>

#include "model/view.h"

namespace pgdrift::planner {

// Returns `CREATE VIEW name [WITH (…)] AS query;` (the check_option reloption as
// WITH … CHECK OPTION, as pg_dump prints it) or `CREATE MATERIALIZED VIEW name
// [USING am] [WITH (…)] [TABLESPACE ts] AS query WITH [NO] DATA;`. Column names come
// from the query, whose canonical text carries every renamed output name.
std::string CreateViewSql(const model::View& view);

// Returns `DROP [MATERIALIZED] VIEW name;`.
std::string DropViewSql(const model::View& view);

// Returns `ALTER [MATERIALIZED] VIEW name OWNER TO role;`.
std::string ViewOwnerSql(const model::View& view);

// Returns the COMMENT ON [MATERIALIZED] VIEW and COMMENT ON COLUMN statements for the
// comments the view and its columns have.
std::vector<std::string> ViewCommentSql(const model::View& view);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_VIEW_DDL_H_
