// DDL for domains: CREATE DOMAIN with its collation, default, NOT NULL and named CHECK
// constraints, plus the pieces a migration changes one at a time.
//
// CREATE DOMAIN cannot mark a constraint NOT VALID, so a check the model records as not
// validated is added afterwards with ALTER DOMAIN … ADD CONSTRAINT … NOT VALID.
#ifndef PGDRIFT_PLANNER_DOMAIN_DDL_H_
#define PGDRIFT_PLANNER_DOMAIN_DDL_H_

#include <string>
#include <vector>

#include "model/domain.h"

namespace pgdrift::planner {

// Returns the statements that create `domain`: CREATE DOMAIN with the validated checks
// inline (in name order), then one ALTER DOMAIN … NOT VALID per unvalidated check.
std::vector<std::string> CreateDomainSql(const model::Domain& domain);

// Returns `ALTER DOMAIN name ADD CONSTRAINT c CHECK (…) [NOT VALID];`.
std::string AddDomainCheckSql(const model::Domain& domain, const model::DomainCheck& check);

// Returns `DROP DOMAIN name;`.
std::string DropDomainSql(const model::Domain& domain);

// Returns `ALTER DOMAIN name OWNER TO role;`.
std::string DomainOwnerSql(const model::Domain& domain);

// Returns `COMMENT ON DOMAIN name IS '…';` (IS NULL when the comment is empty).
std::string DomainCommentSql(const model::Domain& domain);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_DOMAIN_DDL_H_
