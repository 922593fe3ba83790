// Facts about PostgreSQL's built-in types that decide which casts PostgreSQL adds by
// itself when it stores an expression: the scanner's type for number literals, the
// numeric type families and how they meet in operators (pg_operator, pg_cast), and the
// unbounded character types. Types are model::TypeRef in their canonical spelling.
#ifndef PGDRIFT_PARSER_INTERNAL_BUILTIN_TYPES_H_
#define PGDRIFT_PARSER_INTERNAL_BUILTIN_TYPES_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "model/type_ref.h"

namespace pgdrift::parser::internal {

// The type PostgreSQL's scanner gives a number literal written as `text` (make_const in
// parse_node.c): "integer" when it fits int4, "bigint" when it fits int8, else
// "numeric"; anything with a point or exponent is "numeric". "" when `text` is not a
// number. A leading "-" is allowed (a negative literal, as ruleutils prints '-1').
std::string NaturalNumericType(std::string_view text);

// `name` without its type modifier: "character varying(20)" → "character varying",
// "timestamp(3) with time zone" → "timestamp with time zone".
std::string WithoutTypmod(std::string_view name);

// Whether `type` carries a modifier (length, precision, or an extension's typmod).
bool HasTypmod(const model::TypeRef& type);

// Whether `a` and `b` are the same type apart from modifiers.
bool SameTypeIgnoringTypmod(const model::TypeRef& a, const model::TypeRef& b);

// Whether `type` is a built-in non-array type whose spelling without modifier is one of
// `names`.
bool IsBuiltin(const model::TypeRef& type, std::initializer_list<std::string_view> names);

// smallint, integer, bigint, numeric, real, double precision.
bool IsNumericType(const model::TypeRef& type);
// smallint, integer, bigint.
bool IsIntegerType(const model::TypeRef& type);
// numeric, real, double precision.
bool IsFractionalType(const model::TypeRef& type);

// Whether PostgreSQL casts a value of type `from` to `to` where the two meet in an
// operator: integers to any fractional type, numeric to real or double precision. (real
// meets double precision in the float48 operators, uncast.)
bool Widens(const model::TypeRef& from, const model::TypeRef& to);

// The type PostgreSQL casts an operand of numeric type `from` to where it meets an
// operand of numeric type `other`: integers to numeric next to numeric, to double
// precision next to real or double precision (float8 is the preferred numeric type);
// numeric to double precision next to real or double precision. nullopt when no cast.
std::optional<std::string> ImplicitWideningTarget(const std::string& from, const std::string& other);

// The type of `a op b` for arithmetic on two numeric types (spellings without modifier),
// following the operators pg_operator has and the implicit casts between numeric types;
// nullopt when unsure.
std::optional<std::string> ArithmeticType(const std::string& a, const std::string& b);

// The cast PostgreSQL adds to a number literal whose scanner type is `literal` when it
// meets an operand of numeric type `other`: to numeric for numeric operands (integer
// literals only), to double precision for real and double precision operands (the
// float48 operators), none for integer operands (cross-type integer operators exist).
std::optional<std::string> ImplicitLiteralTarget(const std::string& literal, const std::string& other);

// text, varchar and bpchar without a length: casting a string literal to them never
// changes its value, and PostgreSQL adds exactly these casts to literals that meet
// character columns or text parameters.
bool IsUnboundedTextType(const model::TypeRef& type);

// text and character varying (any length).
bool IsCharacterType(const model::TypeRef& type);

// A literal's text as PostgreSQL stores and prints a value of `type` (its input function
// then its output function), for the types where both sides of a comparison commonly
// differ: `time without time zone` ('21:00' → '21:00:00'), `date` ('2024-1-5' →
// '2024-01-05'), `timestamp without time zone` ('2024-01-01' → '2024-01-01 00:00:00',
// DateStyle ISO) and `interval` ('24 hours' → '24:00:00', '1 week' → '7 days',
// IntervalStyle postgres). nullopt for other types (timestamp with time zone depends on
// the server's TimeZone) and for text the simple reader here does not understand (it is
// then left as written).
std::optional<std::string> CanonicalLiteral(const model::TypeRef& type, std::string_view text);

}  // namespace pgdrift::parser::internal

#endif  // PGDRIFT_PARSER_INTERNAL_BUILTIN_TYPES_H_
